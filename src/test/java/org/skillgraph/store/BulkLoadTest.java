package org.skillgraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdfpatch.RDFPatchOps;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillgraph.ingest.ImportReport;
import org.skillgraph.ingest.Importer;
import org.skillgraph.synth.SyntheticCorpus;

/**
 * The bulk load of a new store holds exactly what the transactional import holds — the same quads (documents,
 * ontology, change feed), the same full-text hits, a patch log that replays to the same quads — and nothing
 * exists at the store's path until it is complete.
 */
class BulkLoadTest {
    static final String BASE = "http://localhost:3030/";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-20T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path shared;
    static List<Path> corpus;

    @TempDir
    Path tmp;

    @BeforeAll
    static void corpus() {
        corpus = List.of(SyntheticCorpus.create(11).write(12, shared.resolve("corpus")).files().get(0).getParent(),
                Path.of("seeds"));
    }

    private static ImportReport bulk(Path dir) {
        try (BulkLoad load = BulkLoad.begin(dir)) {
            ImportReport r = new Importer(load, BASE, null, CLOCK).batchTriples(5_000).importPaths(corpus);
            assertFalse(Files.exists(dir), "nothing at the store's path before the commit");
            load.commit();
            return r;
        }
    }

    private static DatasetGraph copy(GraphStore store) {
        return store.read(ds -> snapshot(ds));
    }

    private static DatasetGraph snapshot(Dataset ds) {
        Dataset copy = DatasetFactory.create();
        ds.listModelNames().forEachRemaining(n -> {
            if (!ds.getNamedModel(n).isEmpty()) {
                copy.addNamedModel(n, ModelFactory.createDefaultModel().add(ds.getNamedModel(n)));
            }
        });
        return copy.asDatasetGraph();
    }

    private static long hits(GraphStore store, String word) {
        return store.query(QueryFactory.create("PREFIX text: <http://jena.apache.org/text#> "
                + "SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s text:query ('" + word + "' 100000) }"), qe -> qe.execSelect().next()
                .getLiteral("n").getLong());
    }

    @Test
    void holdsWhatTheTransactionalImportHolds() throws Exception {
        Path bulkDir = tmp.resolve("bulk");
        ImportReport r = bulk(bulkDir);
        assertEquals(14, r.count(GraphStore.Outcome.CREATED), r.toString());
        assertEquals(0, r.rejected());
        assertFalse(Files.exists(tmp.resolve(".bulk.loading")), "the staging folder became the store");
        try (GraphStore bulk = GraphStore.open(bulkDir);
             GraphStore txn = GraphStore.open(tmp.resolve("txn"))) {
            new Importer(txn, BASE, null, CLOCK).importPaths(corpus);
            DatasetGraph a = copy(bulk);
            DatasetGraph b = copy(txn);
            assertEquals(b.stream().count(), a.stream().count());
            assertTrue(IsoMatcher.isomorphic(a, b), "the same quads, change feed included");
            assertEquals(txn.changes(Instant.EPOCH, 1000, 0), bulk.changes(Instant.EPOCH, 1000, 0));
            for (String word : List.of("microscopy", "sample", "laboratory", "supervision")) {
                assertEquals(hits(txn, word), hits(bulk, word), word);
            }
            assertTrue(hits(bulk, "sample") > 0);

            // a replica (TDB2, which stores numbers by value: "1.70"^^xsd:decimal reads back as "1.7") applying
            // the bulk store's patch log holds the same quads
            Dataset replica = DatasetFactory.wrap(org.apache.jena.tdb2.DatabaseMgr.createDatasetGraph());
            try (Stream<Path> files = Files.list(bulk.patchesDirectory())) {
                for (Path p : files.sorted().toList()) {
                    RDFPatchOps.applyChange(replica.asDatasetGraph(), RDFPatchOps.fileToPatch(p.toString()));
                }
            }
            DatasetGraph replicated = Txn.calculateRead(replica, () -> snapshot(replica));
            assertEquals(a.stream().count(), replicated.stream().count());
            assertTrue(IsoMatcher.isomorphic(a, replicated));

            // and the store takes transactional imports afterwards: a document again is unchanged
            ImportReport again = new Importer(bulk, BASE, null, CLOCK).importPaths(List.of(Path.of("seeds")));
            assertEquals(2, again.count(GraphStore.Outcome.UNCHANGED), again.toString());
        }
    }

    @Test
    void anAbandonedLoadLeavesNothing() {
        Path dir = tmp.resolve("abandoned");
        try (BulkLoad load = BulkLoad.begin(dir)) {
            new Importer(load, BASE, null, CLOCK).batchTriples(5_000).importPaths(corpus);
        }
        assertFalse(Files.exists(dir));
        assertFalse(Files.exists(tmp.resolve(".abandoned.loading")));
        // a later load of the same path starts afresh
        bulk(dir);
        try (GraphStore store = GraphStore.open(dir)) {
            assertEquals(16, store.graphNames().size(), "14 documents, the ontology, the change feed");
        }
    }

    @Test
    void onlyForANewStore() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertTrue(BulkLoad.applies(empty));
        assertTrue(BulkLoad.applies(tmp.resolve("absent")));
        Files.writeString(empty.resolve("something"), "x");
        assertFalse(BulkLoad.applies(empty));
        StoreException e = assertThrows(StoreException.class, () -> BulkLoad.begin(empty));
        assertTrue(e.getMessage().startsWith(empty + ": "), e.getMessage());
        // the leftovers of a killed load do not stop the next one
        Path dir = tmp.resolve("killed");
        Files.createDirectories(tmp.resolve(".killed.loading").resolve("Data-0001"));
        bulk(dir);
        assertTrue(Files.isDirectory(dir.resolve("Data-0001")));
    }
}
