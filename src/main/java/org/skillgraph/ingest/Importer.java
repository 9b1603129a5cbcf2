package org.skillgraph.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.skillgraph.map.MappedDocument;
import org.skillgraph.store.GraphStore;
import org.skillgraph.validate.Finding;
import org.skillgraph.validate.QualityGate;
import org.skillgraph.validate.ValidationLog;
import org.skillgraph.validate.Verdict;

/**
 * Imports files into a store, a batch of whole documents per transaction.
 * <pre>{@code
 * try (GraphStore store = GraphStore.open(Path.of("data/tdb2"))) {
 *     ImportReport r = new Importer(store, "http://localhost:3030/", progress).importPaths(List.of(Path.of("seeds")));
 * }
 * }</pre>
 * Each file is read, mapped and validated ({@link DocumentChecker}, {@link QualityGate}) before it joins a
 * batch. A file that cannot be read, or whose graph has a SHACL violation, is rejected with a message naming
 * it and the place in it (or the resource, property and shape); the other files of the batch still load, and
 * what the store held for the rejected document stays as it was. Warnings are reported and the document is
 * stored. Two files of one batch that are the same document (occupation and framework version) are not both
 * loaded: the first acceptable one is, the later ones are rejected naming it. Every verdict goes to
 * {@link #validationLog()}.
 */
public final class Importer {
    /** Classpath location of the ontology, loaded into its own named graph on every import. */
    public static final String ONTOLOGY_RESOURCE = "/ontology/skillgraph.ttl";

    private final GraphStore store;
    private final DocumentChecker checker;
    private final String base;
    private final PrintWriter progress;
    private final ValidationLog log = new ValidationLog();
    private long batchTriples = DEFAULT_BATCH_TRIPLES;
    private java.util.function.Consumer<MappedDocument> onAccepted = d -> { };
    /**
     * Documents are committed in batches of about this many triples. Each document is stored as soon as it is
     * accepted and is not kept, so the size of a batch costs no memory of its own, only TDB2's and Lucene's
     * buffers of an open transaction. Few commits matter: a commit makes TDB2 copy every index block the
     * transaction touched, and the node table's index, keyed by hash, is touched nearly everywhere by each
     * batch of new documents. A failure loses the open batch only; the earlier ones are committed.
     */
    public static final long DEFAULT_BATCH_TRIPLES = 1_000_000;

    public Importer(GraphStore store, String base, PrintWriter progress) {
        this(store, base, progress, Clock.systemUTC());
    }

    public Importer(GraphStore store, String base, PrintWriter progress, Clock clock) {
        this(store, base, progress, clock, QualityGate.standard());
    }

    public Importer(GraphStore store, String base, PrintWriter progress, Clock clock, QualityGate gate) {
        this(store, new DocumentChecker(base, gate, clock), progress);
    }

    /** An importer whose documents are checked by {@code checker} (and given its base URI). */
    public Importer(GraphStore store, DocumentChecker checker, PrintWriter progress) {
        this.store = store;
        this.checker = checker;
        this.base = checker.base();
        this.progress = progress;
    }

    /** Commits after about this many triples instead of {@link #DEFAULT_BATCH_TRIPLES}; 1 commits every document. */
    public Importer batchTriples(long triples) {
        this.batchTriples = Math.max(1, triples);
        return this;
    }

    /**
     * Runs {@code action} on each accepted document on the check-ahead thread, before it is stored: work that
     * needs only the mapped graph (such as preparing its dump parts) is then done off the storing thread.
     */
    public Importer onAccepted(java.util.function.Consumer<MappedDocument> action) {
        this.onAccepted = action;
        return this;
    }

    /** The verdict of every document this importer validated, for the machine-readable report. */
    public ValidationLog validationLog() {
        return log;
    }

    /** Imports every file under the given paths (folders recursively). */
    public ImportReport importPaths(List<Path> paths) {
        try (DocumentChecker.Run run = checker.start(SourceFiles.expand(paths))) {
            return importChecked(run);
        }
    }

    /**
     * Imports the files of a run of this importer's checker, which may have begun before the store was opened (the
     * {@code ingest} command opens it while the first documents are checked). The store must have the checker's base.
     */
    public ImportReport importChecked(DocumentChecker.Run run) {
        if (run.checker() != checker) {
            throw new IllegalArgumentException("a run of another checker than this importer's");
        }
        store.requireBase(base);
        store.putOntology(ontology());
        run.afterAccept(onAccepted);
        SourceFiles.Found found = run.found();
        int total = found.files().size();
        List<ImportReport.Entry> entries = new ArrayList<>();
        List<Stored> stored = new ArrayList<>(); // in the open batch, reported when it commits
        GraphStore.Batch[] batch = {null};
        long[] batchSize = {0};
        int[] problems = {found.problems().size()};
        int[] n = {0};
        try {
            run.forEach(c -> {
                if (c.verdict() != null) {
                    log.add(c.file().toAbsolutePath().toUri().toString(), c.verdict());
                }
                if (problems[0] > 0) { // the paths that could not be walked come first, and are not files of the count
                    problems[0]--;
                    entries.add(rejected(c.file(), c.error()));
                    return;
                }
                n[0]++;
                if (!c.accepted()) {
                    report(entries, rejected(c.file(), c.error()), n[0], total);
                    return;
                }
                if (batch[0] == null) {
                    batch[0] = store.begin();
                }
                MappedDocument d = c.doc();
                long size = d.model().size();
                stored.add(new Stored(new ImportReport.Entry(c.file(), batch[0].put(d), null, d.graphName(), size,
                        warnings(c.file(), c.verdict())), n[0]));
                batchSize[0] += size;
                if (batchSize[0] >= batchTriples) {
                    commit(batch, stored, entries, total);
                    batchSize[0] = 0;
                }
            });
            if (batch[0] != null) {
                commit(batch, stored, entries, total);
            }
        } finally {
            if (batch[0] != null) {
                batch[0].close(); // not committed: the documents stored in it are not in the store
            }
        }
        return new ImportReport(entries);
    }

    /** A document stored in the open batch: its report entry, once the batch commits. */
    private record Stored(ImportReport.Entry entry, int number) {
    }

    /** Commits the open batch (and closes it, whatever happens) and reports each document stored in it. */
    private void commit(GraphStore.Batch[] open, List<Stored> stored, List<ImportReport.Entry> entries, int total) {
        try (GraphStore.Batch batch = open[0]) {
            open[0] = null;
            batch.commit();
        }
        for (Stored s : stored) {
            report(entries, s.entry(), s.number(), total);
        }
        stored.clear();
    }

    private void report(List<ImportReport.Entry> entries, ImportReport.Entry e, int n, int total) {
        entries.add(e);
        if (progress != null) {
            progress.printf("[%d/%d] %s%n", n, total, e.describe());
            for (String w : e.warnings()) {
                progress.printf("    %s%n", w);
            }
            progress.flush();
        }
    }

    /** The gate's warnings: values flagged for review (with the reader's note) and doubtful counts. */
    private static List<String> warnings(Path file, Verdict verdict) {
        return verdict.warnings().stream().map(Finding::describe).map(w -> file + ": " + w).toList();
    }

    private static ImportReport.Entry rejected(Path file, String message) {
        return new ImportReport.Entry(file, null, message, null, 0, List.of());
    }

    /** The ontology, as shipped in the jar. */
    public static Model ontology() {
        Model m = ModelFactory.createDefaultModel();
        try (InputStream in = Importer.class.getResourceAsStream(ONTOLOGY_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("ontology resource missing from the build: " + ONTOLOGY_RESOURCE);
            }
            RDFParser.source(in).lang(Lang.TURTLE).parse(m);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return m;
    }
}
