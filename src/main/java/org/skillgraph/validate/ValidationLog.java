package org.skillgraph.validate;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.vocabulary.DCTerms;
import org.skillgraph.map.Prefixes;

/**
 * The verdicts of one run (an import, a dry run, a re-validation of a store) as one machine-readable
 * SHACL document: one {@code sh:ValidationReport} per document validated, each with {@code dcterms:subject}
 * the document's graph and {@code dcterms:source} the file it was read from (or the store's graph).
 * <pre>{@code
 * ValidationLog log = new ValidationLog();
 * log.add(Path.of("seeds/29-2011.00.txt").toUri().toString(), verdict);
 * log.write(Path.of("data/tdb2/reports/last-ingest-report.ttl"));
 * }</pre>
 * Each report node reads back with {@code ValidationReport.fromGraph(graph, node)}.
 */
public final class ValidationLog {
    private final Model model = ModelFactory.createDefaultModel();
    private final List<Verdict> verdicts = new ArrayList<>();

    public ValidationLog() {
        Prefixes.apply(model, null);
        model.setNsPrefix("sh", "http://www.w3.org/ns/shacl#");
        model.setNsPrefix("sgsh", QualityGate.SHAPES_NS);
    }

    /** Adds one document's report; {@code source} is the IRI of where the document came from. */
    public synchronized void add(String source, Verdict verdict) {
        verdicts.add(verdict);
        model.add(verdict.report().getModel());
        Resource report = verdict.report().getResource().inModel(model);
        report.addProperty(DCTerms.subject, model.createResource(verdict.graph()));
        if (source != null) {
            report.addProperty(DCTerms.source, model.createResource(source));
        }
    }

    /** The whole log as RDF. */
    public Model model() {
        return model;
    }

    public synchronized List<Verdict> verdicts() {
        return List.copyOf(verdicts);
    }

    /** Total validation time of the documents logged. */
    public synchronized Duration elapsed() {
        return verdicts.stream().map(Verdict::elapsed).reduce(Duration.ZERO, Duration::plus);
    }

    /** "validated 2 document(s) in 81 ms (41 ms per document): 0 refused, 1 warning(s)" */
    public synchronized String summary() {
        long ms = elapsed().toMillis();
        int n = verdicts.size();
        long refused = verdicts.stream().filter(v -> !v.accepted()).count();
        long warnings = verdicts.stream().mapToLong(v -> v.warnings().size()).sum();
        return "validated " + n + " document(s) in " + ms + " ms" + (n == 0 ? "" : " (" + (ms / n)
                + " ms per document)") + ": " + refused + " refused, " + warnings + " warning(s)";
    }

    /** Writes the log as Turtle to {@code file} (its folder created if needed), replacing it atomically. */
    public synchronized void write(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".report-", ".ttl");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                write(out);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes the log as Turtle. */
    public synchronized void write(OutputStream out) {
        RDFDataMgr.write(out, model, RDFFormat.TURTLE_PRETTY);
    }
}
