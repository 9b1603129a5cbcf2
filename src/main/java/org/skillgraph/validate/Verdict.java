package org.skillgraph.validate;

import java.time.Duration;
import java.util.List;
import org.apache.jena.shacl.ValidationReport;

/**
 * What the gate says about one document.
 *
 * @param graph the document's graph name
 * @param triples the size of the graph validated
 * @param findings every result, violations first
 * @param report the SHACL validation report itself
 * @param elapsed how long the validation took
 */
public record Verdict(String graph, long triples, List<Finding> findings, ValidationReport report, Duration elapsed) {
    public Verdict {
        findings = List.copyOf(findings);
    }

    /** True when nothing blocks the document: no violation (warnings do not). */
    public boolean accepted() {
        return violations().isEmpty();
    }

    public List<Finding> violations() {
        return of(Finding.Severity.VIOLATION);
    }

    /** Warnings and infos: reported, and the document is stored. */
    public List<Finding> warnings() {
        return findings.stream().filter(f -> f.severity() != Finding.Severity.VIOLATION).toList();
    }

    private List<Finding> of(Finding.Severity s) {
        return findings.stream().filter(f -> f.severity() == s).toList();
    }
}
