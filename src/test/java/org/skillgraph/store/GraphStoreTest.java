package org.skillgraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.commons.io.file.PathUtils;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillgraph.ingest.ImportReport;
import org.skillgraph.ingest.DocumentChecker;
import org.skillgraph.ingest.Importer;
import org.skillgraph.map.MappedDocument;
import org.skillgraph.validate.QualityGate;
import org.skillgraph.vocab.SG;

class GraphStoreTest {
    static final String BASE = "http://localhost:3030/";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-20T10:00:00Z"), ZoneOffset.UTC);
    static final String PAGE_GRAPH = BASE + "graph/29-2011.00/v.26.05";
    static final String EXPORT_GRAPH = BASE + "graph/29-2099.00/v.26.05";

    static final String SEARCH_SIMPLE_STEPS = "PREFIX text: <http://jena.apache.org/text#> "
            + "SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s text:query ('\"simple processing steps\"' 100) }";
    static final String SIMPLE_STEPS = "SELECT (COUNT(*) AS ?n) { ?s <https://purl.org/ctdlasn/terms/competencyText> ?o "
            + "FILTER(STRSTARTS(STR(?o), 'perform simple processing')) }";

    @TempDir
    Path tmp;

    /** The seed page with one statement changed ("perform simple processing steps"), in its own folder. */
    private Path changedPage() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("in"));
        Path page = dir.resolve("page.txt");
        Files.writeString(page, Files.readString(Path.of("seeds/29-2011.00.txt"), StandardCharsets.UTF_8)
                .replace("perform basic processing steps", "perform simple processing steps"), StandardCharsets.UTF_8);
        return page;
    }

    private ImportReport ingest(GraphStore store, Path... paths) {
        return new Importer(store, BASE, null, CLOCK).importPaths(List.of(paths));
    }

    private static long count(GraphStore store, String select) {
        return store.query(QueryFactory.create(select), qe -> {
            var rs = qe.execSelect();
            return rs.hasNext() ? rs.next().getLiteral("n").getLong() : -1L;
        });
    }

    @Test
    void aCommitWatcherIsToldJustBeforeTheDataChangesAndOnceItHas() throws Exception {
        try (GraphStore store = GraphStore.open(tmp.resolve("db"))) {
            ingest(store, Path.of("seeds/29-2099.00.json"));
            List<String> told = new java.util.ArrayList<>();
            // what a reader on another thread sees at each call: the document graphs the store holds
            java.util.function.Supplier<String> seen = () -> {
                java.util.concurrent.CompletableFuture<String> f = java.util.concurrent.CompletableFuture.supplyAsync(
                        () -> store.read(ds -> ds.containsNamedModel(PAGE_GRAPH) ? "with the page" : "without it"));
                return f.join();
            };
            store.watchCommits(new GraphStore.CommitWatcher() {
                @Override
                public void committing() {
                    told.add("committing, a reader sees the store " + seen.get());
                }

                @Override
                public void committed() {
                    told.add("committed, a reader sees the store " + seen.get());
                }
            });
            ingest(store, Path.of("seeds/29-2011.00.txt"));
            // each commit of the import told twice, in order; the page's own: not visible before, visible after
            assertTrue(told.size() >= 2 && told.size() % 2 == 0, told.toString());
            for (int i = 0; i < told.size(); i += 2) {
                assertTrue(told.get(i).startsWith("committing") && told.get(i + 1).startsWith("committed"), told.toString());
            }
            assertEquals(List.of("committing, a reader sees the store without it",
                    "committed, a reader sees the store with the page"), told.subList(told.size() - 2, told.size()));
        }
    }

    @Test
    void seedsLoadAsOneNamedGraphEachPlusTheOntology() {
        try (GraphStore store = GraphStore.open(tmp.resolve("db"))) {
            ImportReport r = ingest(store, Path.of("seeds"));
            assertEquals(2, r.count(GraphStore.Outcome.CREATED), r.toString());
            assertEquals(0, r.rejected());
            assertEquals(List.of(PAGE_GRAPH, EXPORT_GRAPH, BASE + "graph/changes", SG.ONTOLOGY), store.graphNames());
            // union default graph: statements of both documents in one query
            assertEquals(40 + 12 + 94 + 40, count(store, "PREFIX ceasn: <https://purl.org/ctdlasn/terms/> "
                    + "SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s a ceasn:Competency }"));
            // the ontology is queryable too
            assertEquals(7, count(store, "PREFIX sg: <" + SG.NS + "> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
                    + "SELECT (COUNT(?p) AS ?n) { ?p rdfs:subPropertyOf sg:hasAnchor }"));
        }
    }

    @Test
    void aGraphsQuadCountIsItsSize() {
        try (GraphStore store = GraphStore.open(tmp.resolve("db"))) {
            ingest(store, Path.of("seeds"));
            List<Long> sizes = new java.util.ArrayList<>();
            for (String g : store.graphNames()) {
                long size = store.read(ds -> ds.getNamedModel(g).size());
                assertTrue(size > 0, g);
                assertEquals(size, (long) store.read(ds -> store.quadCount(NodeFactory.createURI(g))), g);
                sizes.add(size);
            }
            assertEquals(sizes.size(), sizes.stream().distinct().count(), "graphs of different sizes: " + sizes);
            assertEquals(0L, (long) store.read(ds -> store.quadCount(NodeFactory.createURI(BASE + "graph/none"))));
        }
    }

    @Test
    void aStoreHoldsDocumentsOnceOneIsStoredAndWasLastModifiedWhenTheLatestWasGenerated() throws IOException {
        Path page = Files.createDirectories(tmp.resolve("in")).resolve("page.txt");
        String text = Files.readString(Path.of("seeds/29-2011.00.txt"), StandardCharsets.UTF_8);
        try (GraphStore store = GraphStore.open(tmp.resolve("db"))) {
            assertFalse(store.holdsDocuments(), "a new store");
            assertEquals(Instant.EPOCH, store.lastModified());
            store.putOntology(org.apache.jena.riot.RDFDataMgr.loadModel("ontology/skillgraph.ttl"));
            assertFalse(store.holdsDocuments(), "the ontology is not a document");
            ingest(store, Path.of("seeds"));
            assertTrue(store.holdsDocuments());
            assertEquals(CLOCK.instant(), store.lastModified(), "every graph was generated at the clock's instant");
            Files.writeString(page, text.replace("Biological sample preparationperform basic processing steps",
                    "Biological sample preparationperform simple processing steps"), StandardCharsets.UTF_8);
            ImportReport r = new Importer(store, BASE, null, Clock.offset(CLOCK, java.time.Duration.ofDays(1)))
                    .importPaths(List.of(page));
            assertEquals(1, r.count(GraphStore.Outcome.UPDATED), r.toString());
            assertEquals(CLOCK.instant().plus(java.time.Duration.ofDays(1)), store.lastModified(), "the latest import");
        }
    }

    @Test
    void importingTwiceChangesNothingAndTwoStoresAreIdentical() {
        try (GraphStore a = GraphStore.open(tmp.resolve("a")); GraphStore b = GraphStore.open(tmp.resolve("b"))) {
            ingest(a, Path.of("seeds"));
            ImportReport again = ingest(a, Path.of("seeds"));
            assertEquals(2, again.count(GraphStore.Outcome.UNCHANGED));
            ingest(b, Path.of("seeds"));
            DatasetGraph ga = a.read(ds -> copy(ds));
            DatasetGraph gb = b.read(ds -> copy(ds));
            assertTrue(IsoMatcher.isomorphic(ga, gb), "two imports of the same files differ");
        }
    }

    @Test
    void oneTransactionPerDocumentOrOneForTheBatchGiveTheSameStore() {
        try (GraphStore a = GraphStore.open(tmp.resolve("a")); GraphStore b = GraphStore.open(tmp.resolve("b"))) {
            ImportReport perDocument = new Importer(a, BASE, null, CLOCK).batchTriples(1).importPaths(List.of(Path.of("seeds")));
            ImportReport batched = ingest(b, Path.of("seeds"));
            assertEquals(perDocument.entries().stream().map(ImportReport.Entry::outcome).toList(),
                    batched.entries().stream().map(ImportReport.Entry::outcome).toList());
            DatasetGraph ga = a.read(ds -> copy(ds));
            DatasetGraph gb = b.read(ds -> copy(ds));
            assertTrue(IsoMatcher.isomorphic(ga, gb));
            // one patch per commit: the ontology's, then one per document, or one for the whole batch
            assertEquals(3, patchFiles(a).size(), patchFiles(a).toString());
            assertEquals(2, patchFiles(b).size(), patchFiles(b).toString());
        }
    }

    @Test
    void aBatchClosedWithoutACommitLeavesTheStoreTheTextIndexAndThePatchLogAsTheyWere() throws IOException {
        Path page = changedPage();
        String search = SEARCH_SIMPLE_STEPS;
        String simple = SIMPLE_STEPS;
        try (GraphStore store = GraphStore.open(tmp.resolve("db"))) {
            ingest(store, Path.of("seeds"));
            DatasetGraph before = store.read(ds -> copy(ds));
            List<String> patchesBefore = patchFiles(store);
            MappedDocument changed = new DocumentChecker(BASE, QualityGate.standard(), CLOCK).check(page).doc();
            try (GraphStore.Batch batch = store.begin()) {
                assertEquals(GraphStore.Outcome.UPDATED, batch.put(changed));
                assertTrue(batch.remove(EXPORT_GRAPH));
                assertEquals(1, count(store, simple), "the open batch sees its own changes");
                batch.close(); // and once more by the try: a second close changes nothing
            }
            assertTrue(IsoMatcher.isomorphic(before, store.read(ds -> copy(ds))), "the store changed");
            assertEquals(patchesBefore, patchFiles(store), "the patch log changed, or a partial patch was left");
            assertEquals(0, count(store, simple));
            assertEquals(0, count(store, search), "the text index kept an aborted change");
            // and the store takes the next import as usual
            assertEquals(1, ingest(store, page).count(GraphStore.Outcome.UPDATED));
            assertEquals(1, count(store, search));
            assertEquals(patchesBefore.size() + 1, patchFiles(store).size());
        }
    }

    /** Every file of the patch log's folder, by name (a partial patch left behind would show too). */
    private static List<String> patchFiles(GraphStore store) {
        try (java.util.stream.Stream<Path> files = Files.list(store.patchesDirectory())) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A copy of the seed page in a folder of its own, to be edited and imported again. */
    private Path pageCopy() throws IOException {
        Path page = Files.createDirectories(tmp.resolve("in")).resolve("page.txt");
        Files.copy(Path.of("seeds/29-2011.00.txt"), page);
        return page;
    }

    @Test
    void aChangedDocumentReplacesItsGraphAtomically() throws IOException {
        Path page = pageCopy();
        String text = Files.readString(page, StandardCharsets.UTF_8);
        try (GraphStore store = GraphStore.open(tmp.resolve("db"))) {
            ingest(store, page);
            long before = store.<Long>read(ds -> ds.getNamedModel(PAGE_GRAPH).size());
            Files.writeString(page, text.replace("Biological sample preparationperform basic processing steps",
                    "Biological sample preparationperform simple processing steps"), StandardCharsets.UTF_8);
            ImportReport r = ingest(store, page);
            assertEquals(1, r.count(GraphStore.Outcome.UPDATED));
            assertEquals(before, (long) store.<Long>read(ds -> ds.getNamedModel(PAGE_GRAPH).size()));
            assertEquals(0, count(store, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o FILTER(CONTAINS(STR(?o), 'perform basic processing')) }"));
            assertEquals(1, count(store, "SELECT (COUNT(*) AS ?n) { ?s <https://purl.org/ctdlasn/terms/competencyText> ?o "
                    + "FILTER(STRSTARTS(STR(?o), 'perform simple processing')) }"));
            // the full-text index follows the replacement: the new words are found, the old ones are gone
            String search = "PREFIX text: <http://jena.apache.org/text#> SELECT (COUNT(DISTINCT ?s) AS ?n) "
                    + "{ ?s text:query ('\"%s processing steps\"' 100) }";
            assertEquals(1, count(store, String.format(search, "simple")));
            assertEquals(0, count(store, String.format(search, "basic")));
        }
    }

    @Test
    void aNewVersionIsStoredAsAFreshImportWouldStoreItAndItsPatchCarriesOnlyWhatChanged() throws IOException {
        Path page = pageCopy();
        String text = Files.readString(page, StandardCharsets.UTF_8);
        try (GraphStore store = GraphStore.open(tmp.resolve("db")); GraphStore fresh = GraphStore.open(tmp.resolve("fresh"))) {
            ingest(store, page);
            Files.writeString(page, text.replace("perform basic processing steps", "perform simple processing steps"),
                    StandardCharsets.UTF_8);
            ingest(store, page);
            ingest(fresh, page);
            Model updated = store.read(ds -> org.apache.jena.rdf.model.ModelFactory.createDefaultModel()
                    .add(ds.getNamedModel(PAGE_GRAPH)));
            Model imported = fresh.read(ds -> org.apache.jena.rdf.model.ModelFactory.createDefaultModel()
                    .add(ds.getNamedModel(PAGE_GRAPH)));
            assertTrue(updated.isIsomorphicWith(imported), "the updated graph differs from a fresh import of the page");
            // the update's patch: the old digest and the statement's three texts out, the new ones in, not the graph twice
            List<String> patches = patchFiles(store);
            List<String> lines = Files.readAllLines(store.patchesDirectory().resolve(patches.get(patches.size() - 1)));
            List<String> deleted = lines.stream().filter(l -> l.startsWith("D ")).toList();
            List<String> added = lines.stream().filter(l -> l.startsWith("A ") && !l.contains("/changes/")).toList();
            assertTrue(updated.size() > 1000, "the graph is " + updated.size() + " triples");
            assertEquals(4, deleted.size(), deleted.toString());
            assertEquals(4, added.size(), added.toString());
            assertTrue(deleted.stream().anyMatch(l -> l.contains("perform basic processing steps")), deleted.toString());
            assertTrue(added.stream().anyMatch(l -> l.contains("perform simple processing steps")), added.toString());
        }
    }

    @Test
    void aTripleThatDiffersFromTheStoredOneOnlyAsWrittenIsKept() throws IOException {
        // TDB2 stores an xsd:integer by value: "01" is the stored "1" written another way. Replaced by a version that
        // writes it so, the triple must be there afterwards (deleted as "1", then added as "01", not the other way)
        Path page = Files.createDirectories(tmp.resolve("in")).resolve("page.txt");
        Files.writeString(page, Files.readString(Path.of("seeds/29-2011.00.txt"), StandardCharsets.UTF_8)
                .replace("perform basic processing steps", "perform simple processing steps"), StandardCharsets.UTF_8);
        try (GraphStore store = GraphStore.open(tmp.resolve("db"))) {
            ingest(store, Path.of("seeds/29-2011.00.txt"));
            MappedDocument doc = new DocumentChecker(BASE, QualityGate.standard(), CLOCK).check(page).doc();
            Model m = doc.model();
            org.apache.jena.rdf.model.Property rank = m.createProperty(SG.NS, "rank");
            List<org.apache.jena.rdf.model.Statement> ranks = m.listStatements(null, rank,
                    (org.apache.jena.rdf.model.RDFNode) null).toList();
            assertFalse(ranks.isEmpty());
            for (org.apache.jena.rdf.model.Statement st : ranks) {
                m.remove(st);
                m.add(st.getSubject(), rank, m.createTypedLiteral("0" + st.getInt(),
                        org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger));
            }
            assertEquals(GraphStore.Outcome.UPDATED, store.put(doc));
            assertEquals(ranks.size(), count(store, "SELECT (COUNT(*) AS ?n) { GRAPH <" + PAGE_GRAPH + "> { ?l <"
                    + SG.NS + "rank> ?r } }"));
        }
    }

    @Test
    void aNewGraphIsInEveryQuadIndexOnceEvenWhereTwoOfItsTriplesAreOneQuad() throws IOException {
        // a new graph goes into each of TDB2's six quad indexes in that index's order; "01" and "1" as xsd:integer
        // are two triples of the graph and one quad of TDB2, which stores integers by value
        MappedDocument doc = new DocumentChecker(BASE, QualityGate.standard(), CLOCK)
                .check(Path.of("seeds/29-2011.00.txt")).doc();
        Model m = doc.model();
        org.apache.jena.rdf.model.Property rank = m.createProperty(SG.NS, "rank");
        org.apache.jena.rdf.model.Statement first = m.listStatements(null, rank, (org.apache.jena.rdf.model.RDFNode) null)
                .next();
        m.add(first.getSubject(), rank, m.createTypedLiteral("0" + first.getInt(),
                org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger));
        try (GraphStore store = GraphStore.open(tmp.resolve("db"))) {
            assertEquals(GraphStore.Outcome.CREATED, store.put(doc));
            // the store's dataset is jena-text's, around TDB2's
            long[] sizes = store.read(ds -> java.util.Arrays.stream(org.apache.jena.tdb2.sys.TDBInternal
                    .getDatasetGraphTDB(((org.apache.jena.sparql.core.DatasetGraphWrapper) ds.asDatasetGraph())
                            .getWrapped()).getQuadTable().getNodeTupleTable().getTupleTable()
                    .getIndexes()).mapToLong(i -> org.apache.jena.atlas.iterator.Iter.count(i.all())).toArray());
            assertEquals(6, sizes.length);
            long graphSize = count(store, "SELECT (COUNT(*) AS ?n) { GRAPH <" + PAGE_GRAPH + "> { ?s ?p ?o } }");
            assertEquals(m.size() - 1, graphSize, "the two ranks are one quad");
            for (long size : sizes) {
                // the same quads in every index
                assertEquals(sizes[0], size, java.util.Arrays.toString(sizes));
            }
            assertTrue(sizes[0] >= graphSize, java.util.Arrays.toString(sizes));
            assertEquals(1, count(store, "SELECT (COUNT(*) AS ?n) { GRAPH ?g { <" + first.getSubject().getURI() + "> <"
                    + SG.NS + "rank> ?r } }"));
            // and queries led by the graph and by the predicate find them
            assertEquals(graphSize, count(store, "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } FILTER(?g = <"
                    + PAGE_GRAPH + ">) }"));
            assertEquals(1, count(store, "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s <" + SG.NS + "rank> " + first.getInt()
                    + " } FILTER(?s = <" + first.getSubject().getURI() + ">) }"));
        }
    }

    @Test
    void aNumberStoredAsWrittenElsewhereIsReplacedAndRemovedAsStored() throws IOException {
        // a store made before numbers were mapped in canonical form holds "2.43" written "2.430": TDB2 keeps the
        // scale and reads it back as "2.43", so a delete of what it reads back misses it
        String evidence = BASE + "id/occupation/29-2011.00/evidence/v.26.05";
        String autonomy = "SELECT (COUNT(*) AS ?n) { GRAPH <" + PAGE_GRAPH + "> { <" + evidence + "> <" + SG.NS
                + "aeiAutonomy> ?v } }";
        Path page = Files.createDirectories(tmp.resolve("in")).resolve("29-2011.00.txt");
        Files.writeString(page, Files.readString(Path.of("seeds/29-2011.00.txt"), StandardCharsets.UTF_8)
                .replace("AI autonomy: 2.43", "AI autonomy: 2.70"), StandardCharsets.UTF_8);
        try (GraphStore store = GraphStore.open(tmp.resolve("db"))) {
            ingest(store, Path.of("seeds/29-2011.00.txt"));
            org.apache.jena.graph.Node g = org.apache.jena.graph.NodeFactory.createURI(PAGE_GRAPH);
            org.apache.jena.graph.Node s = org.apache.jena.graph.NodeFactory.createURI(evidence);
            org.apache.jena.graph.Node p = org.apache.jena.graph.NodeFactory.createURI(SG.NS + "aeiAutonomy");
            org.apache.jena.system.Txn.executeWrite(store.dataset(), () -> {
                var dsg = store.dataset().asDatasetGraph();
                dsg.deleteAny(g, s, p, org.apache.jena.graph.Node.ANY);
                dsg.add(g, s, p, org.apache.jena.graph.NodeFactory.createLiteralDT("2.430",
                        org.apache.jena.datatypes.xsd.XSDDatatype.XSDdecimal));
            });
            assertEquals(1, count(store, autonomy));
            assertEquals(GraphStore.Outcome.UPDATED, ingest(store, page).entries().get(0).outcome());
            assertEquals(1, count(store, autonomy), "the new value replaced the stored one: " + store.query(
                    QueryFactory.create("SELECT ?v { GRAPH <" + PAGE_GRAPH + "> { <" + evidence + "> <" + SG.NS
                            + "aeiAutonomy> ?v } }"), qe -> org.apache.jena.query.ResultSetFormatter.asText(qe.execSelect())));
            assertEquals(1, count(store, "SELECT (COUNT(*) AS ?n) { GRAPH <" + PAGE_GRAPH + "> { <" + evidence + "> <"
                    + SG.NS + "aeiAutonomy> 2.7 } }"));
            org.apache.jena.system.Txn.executeWrite(store.dataset(), () -> {
                var dsg = store.dataset().asDatasetGraph();
                dsg.add(g, s, p, org.apache.jena.graph.NodeFactory.createLiteralDT("2.430",
                        org.apache.jena.datatypes.xsd.XSDDatatype.XSDdecimal));
            });
            try (GraphStore.Batch batch = store.begin()) {
                assertTrue(batch.remove(PAGE_GRAPH));
                batch.commit();
            }
            assertEquals(0, count(store, "SELECT (COUNT(*) AS ?n) { GRAPH <" + PAGE_GRAPH + "> { ?a ?b ?c } }"),
                    "nothing of the removed graph is left");
        }
    }

    @Test
    void aReadThatAbortsWhileABatchWritesLeavesTheBatchsSearchEntries() throws Exception {
        // a read aborts when a query's timeout stops it (Fuseki) or when it throws (Txn): the text index is
        // the writer's to roll back, not a reader's
        Path page = changedPage();
        try (GraphStore store = GraphStore.open(tmp.resolve("db"))) {
            ingest(store, Path.of("seeds"));
            MappedDocument changed = new DocumentChecker(BASE, QualityGate.standard(), CLOCK).check(page).doc();
            try (GraphStore.Batch batch = store.begin()) {
                assertEquals(GraphStore.Outcome.UPDATED, batch.put(changed));
                java.util.concurrent.CompletableFuture.runAsync(() -> {
                    Dataset ds = store.dataset();
                    ds.begin(org.apache.jena.query.TxnType.READ);
                    ds.abort();
                    ds.end();
                }).get();
                batch.commit();
            }
            assertEquals(1, count(store, SIMPLE_STEPS), "the batch's statement is stored");
            assertEquals(1, count(store, SEARCH_SIMPLE_STEPS), "the text index lost the batch's entries");
        }
    }

    @Test
    void readsThatAbortAtTheSameTimeLeaveNoTransactionOpen() throws Exception {
        GraphStore store = GraphStore.open(tmp.resolve("db"));
        try {
            ingest(store, Path.of("seeds/29-2099.00.json"));
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
            try {
                java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
                List<java.util.concurrent.Future<?>> readers = new java.util.ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    readers.add(pool.submit(() -> {
                        start.await();
                        for (int j = 0; j < 50; j++) {
                            Dataset ds = store.dataset();
                            ds.begin(org.apache.jena.query.TxnType.READ);
                            try {
                                ds.abort();
                            } finally {
                                ds.end();
                            }
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (java.util.concurrent.Future<?> r : readers) {
                    r.get();
                }
            } finally {
                pool.shutdown();
            }
        } finally {
            store.close(); // "Can't expel: Active transactions" when a read transaction was left open
        }
        try (GraphStore again = GraphStore.openExisting(tmp.resolve("db"))) {
            assertTrue(again.graphNames().contains(EXPORT_GRAPH));
        }
    }

    @Test
    void aCommitThatTheTextIndexFailsEndsItsTransactionSoTheNextWriteCanBegin() throws IOException {
        Path page = changedPage();
        Path db = tmp.resolve("db");
        try (GraphStore store = GraphStore.open(db)) {
            ingest(store, Path.of("seeds"));
            MappedDocument changed = new DocumentChecker(BASE, QualityGate.standard(), CLOCK).check(page).doc();
            // the index's files cut short under the open store, as a damaged disk or another program leaves them
            try (var files = Files.list(db.resolve(GraphStore.TEXT_INDEX))) {
                for (Path f : files.filter(f -> !f.getFileName().toString().equals("write.lock")).toList()) {
                    Files.write(f, new byte[0]);
                }
            }
            StoreException e = org.junit.jupiter.api.Assertions.assertThrows(StoreException.class,
                    () -> store.put(changed));
            assertTrue(e.getMessage().startsWith(db + ": cannot write the store's files ("), e.getMessage());
            var coordinator = org.apache.jena.tdb2.sys.TDBInternal.getTransactionCoordinator(
                    ((org.apache.jena.query.text.DatasetGraphText) store.dataset().asDatasetGraph()).getBase());
            assertEquals(0, coordinator.countActiveWriter(), "the failed commit's write transaction is still open");
            assertTrue(coordinator.tryBlockWriters(), "the failed commit still holds TDB2's writer lock: every "
                    + "later import would wait for it for ever");
            coordinator.enableWriters();
            assertEquals(0, count(store, SIMPLE_STEPS), "the failed commit's change is not in the data");
            StoreException next = org.junit.jupiter.api.Assertions.assertThrows(StoreException.class,
                    () -> store.put(changed), "the next write fails at once, the index having no writer");
            assertTrue(next.getMessage().contains("delete the store's text-index folder"), next.getMessage());
            assertTrue(coordinator.tryBlockWriters(), "the next write's transaction is ended too");
            coordinator.enableWriters();
        }
    }

    @Test
    void aStoreWhoseTextIndexIsDamagedIsRefusedSayingSoAndHowToRebuildIt() throws IOException {
        Path db = tmp.resolve("db");
        try (GraphStore store = GraphStore.open(db)) {
            ingest(store, Path.of("seeds/29-2099.00.json"));
        }
        try (var files = Files.list(db.resolve(GraphStore.TEXT_INDEX))) {
            for (Path f : files.filter(f -> !f.getFileName().toString().equals("write.lock")).toList()) {
                Files.write(f, new byte[0]);
            }
        }
        StoreException e = org.junit.jupiter.api.Assertions.assertThrows(StoreException.class, () -> GraphStore.open(db));
        assertTrue(e.getMessage().startsWith(db.resolve(GraphStore.TEXT_INDEX) + ": cannot open the full-text index ("),
                e.getMessage());
        assertTrue(e.getMessage().contains("delete this folder"), e.getMessage());
        assertFalse(e.getMessage().contains("another skillgraph process"), e.getMessage());
        // and, as it says, a store without the folder builds the index again from the data
        PathUtils.delete(db.resolve(GraphStore.TEXT_INDEX));
        try (GraphStore store = GraphStore.open(db)) {
            assertTrue(count(store, "PREFIX text: <http://jena.apache.org/text#> SELECT (COUNT(*) AS ?n) "
                    + "{ ?s text:query ('*:*' 100000) }") > 0, "the rebuilt index finds the document's texts");
        }
    }

    @Test
    void aStoreWhoseTextIndexIsMissingRebuildsIt() throws IOException {
        try (GraphStore store = GraphStore.open(tmp.resolve("db"))) {
            ingest(store, changedPage());
        }
        PathUtils.delete(tmp.resolve("db").resolve(GraphStore.TEXT_INDEX));
        try (GraphStore store = GraphStore.open(tmp.resolve("db"))) {
            assertEquals(1, count(store, SEARCH_SIMPLE_STEPS));
        }
        assertFalse(Files.exists(tmp.resolve("db").resolve(GraphStore.TEXT_INDEX + ".rebuilding")),
                "the marker of a rebuild under way stayed after it");
        try (GraphStore store = GraphStore.open(tmp.resolve("db"))) {
            assertEquals(1, count(store, SEARCH_SIMPLE_STEPS), "the rebuilt index was not committed");
        }
    }

    @Test
    void aRebuildOfTheTextIndexThatWasStoppedIsMadeAgainOnTheNextOpen() throws IOException {
        Path db = tmp.resolve("db");
        try (GraphStore store = GraphStore.open(db)) {
            ingest(store, changedPage());
        }
        // what a process killed while it rebuilt the index leaves: the index folder with an empty index in it
        PathUtils.delete(db.resolve(GraphStore.TEXT_INDEX));
        try (var dir = org.apache.lucene.store.FSDirectory.open(db.resolve(GraphStore.TEXT_INDEX));
                var writer = new org.apache.lucene.index.IndexWriter(dir, new org.apache.lucene.index.IndexWriterConfig())) {
            writer.commit();
        }
        Files.writeString(db.resolve(GraphStore.TEXT_INDEX + ".rebuilding"), "");
        // an index folder that is a link (to another disk, say): the link is removed, the folder it names is left
        Path elsewhere = tmp.resolve("elsewhere");
        Files.move(db.resolve(GraphStore.TEXT_INDEX), elsewhere);
        Files.writeString(elsewhere.resolve("kept.txt"), "not the store's");
        Files.createSymbolicLink(db.resolve(GraphStore.TEXT_INDEX), elsewhere);
        try (GraphStore store = GraphStore.open(db)) {
            assertEquals(1, count(store, SEARCH_SIMPLE_STEPS), "the half-built index was kept");
        }
        assertFalse(Files.isSymbolicLink(db.resolve(GraphStore.TEXT_INDEX)), "the link was kept");
        assertEquals("not the store's", Files.readString(elsewhere.resolve("kept.txt")),
                "the folder the link named was emptied");
    }

    /**
     * What a process killed between TDB2's commit and the text index's (which follows it) leaves: the transaction's
     * data stored, the index as it was before, and the transaction's patch prepared and not yet in the log.
     */
    @Test
    void aStoreKilledBetweenItsCommitAndTheTextIndexsFindsTheLastBatchByTextOnceOpenedAgain() throws IOException {
        Path db = tmp.resolve("db");
        try (GraphStore store = GraphStore.open(db)) {
            ingest(store, Path.of("seeds/29-2099.00.json"));
        }
        Path before = tmp.resolve("index-before");
        PathUtils.copyDirectory(db.resolve(GraphStore.TEXT_INDEX), before);
        String last;
        try (GraphStore store = GraphStore.open(db)) {
            ingest(store, changedPage());
            assertEquals(1, count(store, SEARCH_SIMPLE_STEPS));
            List<String> patches = store.patches();
            last = patches.get(patches.size() - 1);
        }
        PathUtils.delete(db.resolve(GraphStore.TEXT_INDEX));
        PathUtils.copyDirectory(before, db.resolve(GraphStore.TEXT_INDEX));
        Files.move(db.resolve("patches").resolve(last), db.resolve("patches").resolve(last + ".pending"));
        try (GraphStore store = GraphStore.open(db)) {
            assertEquals(1, count(store, SIMPLE_STEPS), "the data holds the page");
            assertEquals(1, count(store, SEARCH_SIMPLE_STEPS), "the text index finds what the data holds");
            assertEquals(last, store.patches().get(store.patches().size() - 1), "the patch joined the log");
            long literals = count(store, "SELECT (COUNT(*) AS ?n) { GRAPH <" + PAGE_GRAPH + "> { ?s "
                    + "<https://purl.org/ctdlasn/terms/competencyText> ?o } }");
            long found = count(store, "PREFIX text: <http://jena.apache.org/text#> SELECT (COUNT(*) AS ?n) { ?s "
                    + "text:query (<https://purl.org/ctdlasn/terms/competencyText> 'perform' 100000 '' <" + PAGE_GRAPH
                    + ">) }");
            assertTrue(found > 0 && found <= literals, found + " hits for " + literals + " texts: none twice");
        }
    }

    @Test
    void aRemovalMovesTheLastModifiedTime() {
        try (GraphStore store = GraphStore.open(tmp.resolve("db"))) {
            ingest(store, Path.of("seeds"));
            assertEquals(Instant.parse("2026-05-20T10:00:00Z"), store.lastModified());
            Instant before = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            try (GraphStore.Batch batch = store.begin()) {
                assertTrue(batch.remove(EXPORT_GRAPH));
                batch.commit();
            }
            assertFalse(store.lastModified().isBefore(before),
                    "a removal is a change: caches and replicas polling with If-Modified-Since must see it");
        }
    }

    @Test
    void thePatchLogSaysWhichGraphsChangedSinceAPatchOfIt() throws IOException {
        Path page = Files.createDirectories(tmp.resolve("in")).resolve("page.txt");
        try (GraphStore store = GraphStore.open(tmp.resolve("db"))) {
            ingest(store, Path.of("seeds"));
            GraphStore.PatchPosition seeded = store.lastPatch();
            assertEquals(java.util.Optional.of(java.util.Set.of()), store.graphsChangedSince(seeded, 1 << 20));
            Files.writeString(page, Files.readString(Path.of("seeds/29-2011.00.txt"), StandardCharsets.UTF_8)
                    .replace("perform basic processing steps", "perform simple processing steps"));
            ingest(store, page);
            assertEquals(java.util.Optional.of(java.util.Set.of(PAGE_GRAPH, BASE + "graph/changes")),
                    store.graphsChangedSince(seeded, 1 << 20), "the changed document and the change feed");
            assertTrue(store.remove(EXPORT_GRAPH));
            assertEquals(java.util.Optional.of(java.util.Set.of(PAGE_GRAPH, EXPORT_GRAPH, BASE + "graph/changes")),
                    store.graphsChangedSince(seeded, 1 << 20));

            // not told: more bytes of patches than asked to read, a patch the log does not hold (a log started
            // again has its own ids), no patch at all
            assertEquals(java.util.Optional.empty(), store.graphsChangedSince(seeded, 100));
            assertEquals(java.util.Optional.empty(), store.graphsChangedSince(
                    new GraphStore.PatchPosition(seeded.file(), "uuid:00000000-0000-0000-0000-000000000000"), 1 << 20));
            assertEquals(java.util.Optional.empty(), store.graphsChangedSince(
                    new GraphStore.PatchPosition("99999999.rdfp", seeded.id()), 1 << 20));
            assertEquals(java.util.Optional.empty(), store.graphsChangedSince(null, 1 << 20));

            // a patch after it that does not follow the one before it: the log was tampered with
            List<String> log = store.patches();
            Path next = tmp.resolve("db").resolve("patches").resolve(log.get(log.indexOf(seeded.file()) + 1));
            String text = Files.readString(next, StandardCharsets.UTF_8);
            Files.writeString(next, text.replace("H prev <" + seeded.id() + ">",
                    "H prev <uuid:00000000-0000-0000-0000-000000000000>"), StandardCharsets.UTF_8);
            assertEquals(java.util.Optional.empty(), store.graphsChangedSince(seeded, 1 << 20));
        }
    }

    @Test
    void plainUtcTimesAreOrderedByTheInstantTheyName() {
        List<String> times = List.of("2026-05-20T10:00:00Z", "2026-05-20T10:00:00.1Z", "2026-05-20T10:00:00.099Z",
                "2026-05-20T10:00:00.10Z", "2026-05-20T09:59:59.999999Z", "2026-05-21T00:00:00.000001Z",
                "2025-12-31T23:59:59Z");
        for (String a : times) {
            assertTrue(GraphStore.plainUtc(a), a);
            for (String b : times) {
                assertEquals(Integer.signum(Instant.parse(a).compareTo(Instant.parse(b))),
                        Integer.signum(GraphStore.compareUtc(a, b)), a + " against " + b);
            }
        }
        // parsed instead: an offset, no seconds, an empty fraction, a digit of another script, a year of five digits
        for (String other : List.of("2026-05-20T12:00:00+02:00", "2026-05-20T10:00Z", "2026-05-20T10:00:00.Z",
                "2026-05-20T10:00:0\u0661Z", "12026-05-20T10:00:00Z", "2026-05-20 10:00:00Z")) {
            assertFalse(GraphStore.plainUtc(other), other);
        }
    }

    @Test
    void theLastModifiedTimeIsTheLatestWhateverHowItIsWritten() {
        try (GraphStore store = GraphStore.open(tmp.resolve("db"))) {
            ingest(store, Path.of("seeds"));
            org.apache.jena.rdf.model.Model m = org.apache.jena.rdf.model.ModelFactory.createDefaultModel();
            org.apache.jena.rdf.model.Resource g = m.createResource(BASE + "graph/extra");
            // later than the imports (10:00:00Z) only when read with its offset, and written with more digits
            g.addProperty(org.skillgraph.vocab.PROV.generatedAtTime, m.createTypedLiteral("2026-05-20T09:30:00.5-01:00",
                    org.apache.jena.datatypes.xsd.XSDDatatype.XSDdateTime));
            g.addProperty(org.skillgraph.vocab.AS.published, m.createTypedLiteral("2026-05-20T10:00:00.25Z",
                    org.apache.jena.datatypes.xsd.XSDDatatype.XSDdateTime));
            store.replaceGraph(BASE + "graph/extra", m);
            assertEquals(Instant.parse("2026-05-20T10:30:00.5Z"), store.lastModified());
        }
    }

    @Test
    void aNumberIsMappedInCanonicalForm() throws IOException {
        Path page = Files.createDirectories(tmp.resolve("in2")).resolve("29-2011.00.txt");
        Files.writeString(page, Files.readString(Path.of("seeds/29-2011.00.txt"), StandardCharsets.UTF_8)
                .replace("AI autonomy: 2.43", "AI autonomy: 2.50"), StandardCharsets.UTF_8);
        Model m = new DocumentChecker(BASE, QualityGate.standard(), CLOCK).check(page).doc().model();
        var values = m.listObjectsOfProperty(m.createProperty(SG.NS, "aeiAutonomy")).toList();
        assertEquals(1, values.size());
        assertEquals("2.5", values.get(0).asLiteral().getLexicalForm(), "as TDB2 gives it back");
    }

    @Test
    void sharedSourcesAndAnchorsAreOneResourceAcrossDocuments() throws IOException {
        // a second page of another occupation, and the JSON export of a third
        Path dir = Files.createDirectories(tmp.resolve("in"));
        String text = Files.readString(Path.of("seeds/29-2011.00.txt"), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("other.txt"), text.replace("SOC 29-2011.00", "SOC 29-2012.00")
                .replace("Medical and Clinical Laboratory Technologists", "Medical and Clinical Laboratory Technicians"),
                StandardCharsets.UTF_8);
        Files.copy(Path.of("seeds/29-2011.00.txt"), dir.resolve("page.txt"));
        Files.copy(Path.of("seeds/29-2099.00.json"), dir.resolve("export.json"));
        try (GraphStore store = GraphStore.open(tmp.resolve("db"))) {
            ImportReport r = ingest(store, dir);
            assertEquals(3, r.count(GraphStore.Outcome.CREATED), r.toString());
            // one O*NET source resource, derived from by all three documents
            assertEquals(1, count(store, "PREFIX dcterms: <http://purl.org/dc/terms/> "
                    + "SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s dcterms:title 'O*NET Resource Center' }"));
            assertEquals(3, count(store, "PREFIX prov: <http://www.w3.org/ns/prov#> SELECT (COUNT(DISTINCT ?g) AS ?n) "
                    + "{ GRAPH ?g { ?g prov:wasDerivedFrom <" + BASE + "id/source/onet-resource-center> } }"));
            // one "Science" skill, used by both page occupations
            assertEquals(2, count(store, "PREFIX sg: <" + SG.NS + "> SELECT (COUNT(DISTINCT ?o) AS ?n) "
                    + "{ ?o sg:hasSkill <" + BASE + "id/anchor/skill/science> }"));
            assertEquals(1, count(store, "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
                    + "SELECT (COUNT(DISTINCT ?a) AS ?n) { ?a skos:prefLabel 'Science'@en ; skos:inScheme <"
                    + BASE + "id/scheme/skill> }"));
            // 5 cited sources in all, shared by both pages
            assertEquals(5, count(store, "PREFIX cito: <http://purl.org/spar/cito/> "
                    + "SELECT (COUNT(DISTINCT ?src) AS ?n) { ?s cito:citesAsEvidence ?src }"));
        }
    }

    @Test
    void aRejectedFileLeavesTheStoredVersionAndTheRestOfTheBatchLoads() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("in"));
        Files.copy(Path.of("seeds/29-2099.00.json"), dir.resolve("a.json"));
        try (GraphStore store = GraphStore.open(tmp.resolve("db"))) {
            ingest(store, dir);
            Model before = store.read(ds -> copyModel(ds.getNamedModel(EXPORT_GRAPH)));
            Files.writeString(dir.resolve("a.json"), "{\"occupation\": {\"soc\": \"29-2099.00\"", StandardCharsets.UTF_8);
            Files.copy(Path.of("seeds/29-2011.00.txt"), dir.resolve("b.txt"));
            ImportReport r = ingest(store, dir);
            assertEquals(1, r.rejected());
            assertEquals(1, r.count(GraphStore.Outcome.CREATED));
            assertTrue(r.entries().stream().anyMatch(e -> e.error() != null && e.error().contains("a.json")));
            assertTrue(store.<Boolean>read(ds -> ds.getNamedModel(EXPORT_GRAPH).isIsomorphicWith(before)));
        }
    }

    @Test
    void theSameDocumentTwiceInOneBatchIsRefusedNamingTheFirst() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("in"));
        Files.copy(Path.of("seeds/29-2011.00.txt"), dir.resolve("a.txt"));
        Files.copy(Path.of("seeds/29-2011.00.txt"), dir.resolve("b.txt"));
        try (GraphStore store = GraphStore.open(tmp.resolve("db"))) {
            ImportReport r = ingest(store, dir);
            assertEquals(1, r.count(GraphStore.Outcome.CREATED));
            assertEquals(1, r.rejected());
            String error = r.entries().stream().filter(e -> e.error() != null).findFirst().orElseThrow().error();
            assertTrue(error.contains("b.txt") && error.contains("a.txt"), error);
        }
    }

    @Test
    void aBaseWhosePathHoldsGraphHasItsChangeFeedUnderItself() {
        String base = "https://data.example.org/graph/";
        try (GraphStore store = GraphStore.open(tmp.resolve("db"))) {
            ImportReport r = new Importer(store, base, null, CLOCK).importPaths(List.of(Path.of("seeds/29-2099.00.json")));
            assertEquals(1, r.count(GraphStore.Outcome.CREATED), r.toString());
            assertEquals(List.of(base + "graph/29-2099.00/v.26.05", base + "graph/changes", SG.ONTOLOGY),
                    store.graphNames());
            assertEquals(1, count(store, "SELECT (COUNT(*) AS ?n) { GRAPH <" + base + "graph/changes> { <" + base
                    + "changes/1> <https://www.w3.org/ns/activitystreams#target> <" + base
                    + "graph/29-2099.00/v.26.05> } }"), "the feed's first entry, under the base");
            assertEquals(java.util.Optional.of(base), store.base());
        }
    }

    @Test
    void aStoreSaysTheBaseOfItsDataAndRefusesAnotherEvenWhenItsDocumentsWereRemoved() {
        String base = "https://data.example.org/skills/";
        try (GraphStore store = GraphStore.open(tmp.resolve("db"))) {
            assertEquals(java.util.Optional.empty(), store.base(), "a new store");
            store.putOntology(org.apache.jena.riot.RDFDataMgr.loadModel("ontology/skillgraph.ttl"));
            assertEquals(java.util.Optional.empty(), store.base(), "the ontology is not data");
            store.requireBase(BASE);
            new Importer(store, base, null, CLOCK).importPaths(List.of(Path.of("seeds/29-2099.00.json")));
            assertEquals(java.util.Optional.of(base), store.base());
            assertTrue(store.remove(base + "graph/29-2099.00/v.26.05"));
            assertEquals(List.of(base + "graph/changes", SG.ONTOLOGY), store.graphNames());
            assertEquals(java.util.Optional.of(base), store.base(), "its change feed is still data under the base");
            store.requireBase(base);
            BaseMismatchException e = org.junit.jupiter.api.Assertions.assertThrows(BaseMismatchException.class,
                    () -> store.requireBase(BASE));
            assertTrue(e.getMessage().contains("holds data under another base URI (" + base + ", its document graph "
                    + base + "graph/changes), not " + BASE + ";"), e.getMessage());
        }
    }

    @Test
    void openingAStoreThatIsNotThereIsAClearErrorAndCreatesNothing() {
        Path nowhere = tmp.resolve("nowhere");
        StoreException e = org.junit.jupiter.api.Assertions.assertThrows(StoreException.class,
                () -> GraphStore.openExisting(nowhere));
        assertTrue(e.getMessage().startsWith(nowhere + ": no store here"), e.getMessage());
        assertFalse(Files.exists(nowhere));
    }

    @Test
    void openingAFolderThatHoldsNoStoreIsAClearErrorAndCreatesNothing() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Path other = Files.createDirectories(tmp.resolve("other"));
        Files.writeString(other.resolve("notes.txt"), "x");
        for (Path dir : List.of(empty, other)) {
            StoreException e = org.junit.jupiter.api.Assertions.assertThrows(StoreException.class,
                    () -> GraphStore.openExisting(dir));
            assertTrue(e.getMessage().startsWith(dir + ": no store here"), e.getMessage());
        }
        try (var files = Files.list(empty)) {
            assertEquals(List.of(), files.toList(), "no database written into the folder");
        }
        try (var files = Files.list(other)) {
            assertEquals(List.of(other.resolve("notes.txt")), files.toList());
        }
        try (GraphStore store = GraphStore.open(tmp.resolve("db"))) {
            ingest(store, Path.of("seeds/29-2099.00.json"));
        }
        try (GraphStore store = GraphStore.openExisting(tmp.resolve("db"))) {
            assertTrue(store.graphNames().contains(BASE + "graph/29-2099.00/v.26.05"));
        }
    }

    @Test
    void aStoreWhoseCompactionWasStoppedOpensWithItsDataAndLosesTheUnfinishedGeneration() throws IOException {
        Path db = tmp.resolve("db");
        try (GraphStore store = GraphStore.open(db)) {
            ingest(store, Path.of("seeds/29-2099.00.json"));
        }
        // what TDB2's compaction leaves when its process is killed: the next generation, half written, under its
        // temporary name beside the live one
        Path unfinished = Files.createDirectories(db.resolve("Data-0002-tmp"));
        try (var files = Files.list(db.resolve("Data-0001"))) {
            for (Path f : files.filter(Files::isRegularFile).limit(3).toList()) {
                Files.copy(f, unfinished.resolve(f.getFileName()));
            }
        }
        try (GraphStore store = GraphStore.openExisting(db)) {
            assertTrue(store.graphNames().contains(EXPORT_GRAPH), "the live generation's data");
        }
        assertFalse(Files.exists(unfinished), "the unfinished generation is cleared");
        try (GraphStore store = GraphStore.openExisting(db)) {
            store.compact();
            assertTrue(store.graphNames().contains(EXPORT_GRAPH), "compacted again");
        }
    }

    @Test
    void aStorePathThatIsAFileIsAClearError() throws IOException {
        Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
        StoreException e = org.junit.jupiter.api.Assertions.assertThrows(StoreException.class, () -> GraphStore.open(file));
        assertTrue(e.getMessage().contains("not-a-dir"));
        assertFalse(e.getMessage().contains("Exception"));
    }

    private static DatasetGraph copy(Dataset ds) {
        Dataset copy = DatasetFactory.create();
        ds.listModelNames().forEachRemaining(n -> copy.addNamedModel(n, copyModel(ds.getNamedModel(n))));
        return copy.asDatasetGraph();
    }

    private static Model copyModel(Model m) {
        return org.apache.jena.rdf.model.ModelFactory.createDefaultModel().add(m);
    }
}
