package org.skillgraph.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.skillgraph.map.DocumentMapper;
import org.skillgraph.map.MappedDocument;
import org.skillgraph.model.Flag;
import org.skillgraph.model.SourceDocument;
import org.skillgraph.model.Statement;
import org.skillgraph.read.SourceException;
import org.skillgraph.read.SourceReader;
import org.skillgraph.store.GraphStore;
import org.skillgraph.store.StoreException;
import org.skillgraph.vocab.SG;

/**
 * Imports files into a store, a batch of whole documents per transaction.
 * <pre>{@code
 * try (GraphStore store = GraphStore.open(Path.of("data/tdb2"))) {
 *     ImportReport r = new Importer(store, "http://localhost:3030/", progress).importPaths(List.of(Path.of("seeds")));
 * }
 * }</pre>
 * A file that cannot be read is rejected with a message naming it and the place in it; the other files of
 * the batch still load, and what the store held for the rejected document stays as it was. Two files of
 * one batch that are the same document (occupation and framework version) are not both loaded: the second
 * is rejected, naming the first.
 */
public final class Importer {
    /** Classpath location of the ontology, loaded into its own named graph on every import. */
    public static final String ONTOLOGY_RESOURCE = "/ontology/skillgraph.ttl";

    private final GraphStore store;
    private final DocumentMapper mapper;
    private final SourceReader reader = new SourceReader();
    private final PrintWriter progress;
    private final Clock clock;
    private long batchTriples = DEFAULT_BATCH_TRIPLES;
    /**
     * Documents are committed in batches of about this many triples: few enough to hold in memory, many
     * enough that TDB2's copy-on-write of index blocks is paid once per batch rather than once per document.
     */
    public static final long DEFAULT_BATCH_TRIPLES = 100_000;

    public Importer(GraphStore store, String base, PrintWriter progress) {
        this(store, base, progress, Clock.systemUTC());
    }

    public Importer(GraphStore store, String base, PrintWriter progress, Clock clock) {
        this.store = store;
        this.mapper = new DocumentMapper(base);
        this.progress = progress;
        this.clock = clock;
    }

    /** Commits after about this many triples instead of {@link #DEFAULT_BATCH_TRIPLES}; 1 commits every document. */
    public Importer batchTriples(long triples) {
        this.batchTriples = Math.max(1, triples);
        return this;
    }

    /** Imports every file under the given paths (folders recursively). */
    public ImportReport importPaths(List<Path> paths) {
        requireSameBase();
        loadOntology();
        SourceFiles.Found found = SourceFiles.expand(paths);
        List<ImportReport.Entry> entries = new ArrayList<>();
        for (SourceFiles.Rejection r : found.problems()) {
            entries.add(rejected(r.path(), r.message()));
        }
        Map<String, Path> seen = new HashMap<>();
        List<Pending> batch = new ArrayList<>();
        long pendingTriples = 0;
        int n = 0;
        for (Path file : found.files()) {
            n++;
            MappedDocument mapped;
            try {
                mapped = mapper.map(reader.read(file), clock.instant());
            } catch (SourceException e) {
                report(entries, rejected(file, e.getMessage()), n, found.files().size());
                continue;
            }
            Path first = seen.putIfAbsent(mapped.key(), file);
            if (first != null) {
                report(entries, rejected(file, file + ": the same document (occupation "
                        + mapped.source().occupation().soc() + ", framework "
                        + mapped.source().frameworks().get(0).version() + ") as " + first
                        + " earlier in this batch; the first one was kept"), n, found.files().size());
                continue;
            }
            batch.add(new Pending(file, mapped));
            pendingTriples += mapped.model().size();
            if (pendingTriples >= batchTriples) {
                flush(batch, entries, n, found.files().size());
                pendingTriples = 0;
            }
        }
        flush(batch, entries, n, found.files().size());
        return new ImportReport(entries);
    }

    /** A document read and mapped, waiting for its batch to be stored. */
    private record Pending(Path file, MappedDocument doc) {
    }

    /** Stores the pending documents in one transaction and reports each. */
    private void flush(List<Pending> batch, List<ImportReport.Entry> entries, int done, int total) {
        if (batch.isEmpty()) {
            return;
        }
        List<GraphStore.Outcome> outcomes = store.putAll(batch.stream().map(Pending::doc).toList());
        for (int i = 0; i < batch.size(); i++) {
            MappedDocument d = batch.get(i).doc();
            Path file = batch.get(i).file();
            report(entries, new ImportReport.Entry(file, outcomes.get(i), null, d.graphName(), d.model().size(),
                    warnings(file, d.source())), done - batch.size() + i + 1, total);
        }
        batch.clear();
    }

    private void report(List<ImportReport.Entry> entries, ImportReport.Entry e, int n, int total) {
        entries.add(e);
        if (progress != null) {
            progress.printf("[%d/%d] %s%n", n, total, describe(e));
            for (String w : e.warnings()) {
                progress.printf("    warning: %s%n", w);
            }
            progress.flush();
        }
    }

    private static List<String> warnings(Path file, SourceDocument doc) {
        List<String> out = new ArrayList<>();
        for (Flag f : doc.flags()) {
            out.add(file + " (" + f.location() + "): " + f.message());
        }
        for (var fw : doc.frameworks()) {
            for (Statement s : fw.statements()) {
                for (Flag f : s.flags()) {
                    out.add(file + " (" + f.location() + "): " + f.message());
                }
            }
        }
        return out;
    }

    private static ImportReport.Entry rejected(Path file, String message) {
        return new ImportReport.Entry(file, null, message, null, 0, List.of());
    }

    private static String describe(ImportReport.Entry e) {
        if (e.error() != null) {
            return "rejected " + e.error();
        }
        return e.file() + ": " + e.outcome().name().toLowerCase(java.util.Locale.ROOT) + " <" + e.graph() + "> ("
                + e.triples() + " triples" + (e.warnings().isEmpty() ? "" : ", " + e.warnings().size()
                + " flagged for review") + ")";
    }

    /** One store, one base: documents under two bases would be two copies of everything with other URIs. */
    private void requireSameBase() {
        String graphs = mapper.uris().base() + "graph/";
        store.graphNames().stream().filter(g -> !g.equals(SG.ONTOLOGY) && !g.startsWith(graphs)).findFirst()
                .ifPresent(g -> {
                    throw new StoreException(store.directory() + ": this store holds data under another base URI ("
                            + g + "); ingest with that --base, or into a new store");
                });
    }

    private void loadOntology() {
        store.replaceGraph(SG.ONTOLOGY, ontology());
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
