package org.skillgraph.ingest;

import java.nio.file.Path;
import java.util.List;
import org.skillgraph.store.GraphStore;

/**
 * What an import did with every file.
 *
 * @param entries one entry per file or path, in the order they were processed
 */
public record ImportReport(List<Entry> entries) {
    public ImportReport {
        entries = List.copyOf(entries);
    }

    /**
     * One file's outcome: either {@code outcome} (stored) or {@code error} (rejected).
     *
     * @param file the file
     * @param outcome what the store did, or {@code null} when rejected
     * @param error why it was rejected (unreadable, refused by the quality gate, a duplicate), or {@code null}
     * @param graph the document's graph name, or {@code null}
     * @param triples the number of triples mapped
     * @param warnings the quality gate's warnings, one line each: values flagged for review, doubtful counts
     */
    public record Entry(Path file, GraphStore.Outcome outcome, String error, String graph, long triples,
                        List<String> warnings) {
        public Entry {
            warnings = List.copyOf(warnings);
        }

        /** One line: {@code FILE: updated <graph> (N triples, 2 warnings)}, or {@code rejected …}. */
        public String describe() {
            if (error != null) {
                return "rejected " + error;
            }
            return file + ": " + outcome.name().toLowerCase(java.util.Locale.ROOT) + " <" + graph + "> (" + triples
                    + " triples" + (warnings.isEmpty() ? "" : ", " + warnings.size() + " warning"
                    + (warnings.size() == 1 ? "" : "s")) + ")";
        }
    }

    public long count(GraphStore.Outcome outcome) {
        return entries.stream().filter(e -> e.outcome() == outcome).count();
    }

    public long rejected() {
        return entries.stream().filter(e -> e.error() != null).count();
    }

    public long warnings() {
        return entries.stream().mapToLong(e -> e.warnings().size()).sum();
    }
}
