package org.skillgraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdfpatch.RDFPatchOps;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillgraph.ingest.Importer;

/**
 * The change feed records exactly what changed — across import, re-import (nothing) and remove (a
 * tombstone) — and the RDF Patch log rebuilds the store exactly.
 */
class ChangeFeedTest {
    static final String BASE = "http://localhost:3030/";
    static final Instant T1 = Instant.parse("2026-05-20T10:00:00Z");
    static final Instant T2 = Instant.parse("2026-05-21T10:00:00Z");
    static final Instant T3 = Instant.parse("2026-05-22T10:00:00Z");

    @TempDir
    Path tmp;

    private static void ingest(GraphStore store, Instant at, Path... paths) {
        new Importer(store, BASE, null, Clock.fixed(at, ZoneOffset.UTC)).importPaths(List.of(paths));
    }

    @Test
    void aChangeTimeIsWrittenAsTheStoreReadsItBack() throws Exception {
        // an import at a time whose milliseconds end in zero: TDB2 keeps the time by value and reads it back as
        // "…:00.12Z", and the patch a replica applies must say the same, not Instant's "…:00.120Z"
        Instant at = Instant.parse("2026-05-20T10:00:00.120Z");
        try (GraphStore store = GraphStore.open(tmp.resolve("db"))) {
            ingest(store, at, Path.of("seeds/29-2099.00.json"));
            String stored = store.read(ds -> ds.asDatasetGraph().stream(org.apache.jena.graph.Node.ANY,
                    org.apache.jena.graph.Node.ANY, org.skillgraph.vocab.AS.published.asNode(),
                    org.apache.jena.graph.Node.ANY).findFirst().orElseThrow().getObject().getLiteralLexicalForm());
            assertEquals("2026-05-20T10:00:00.12Z", stored);
            String patch;
            try (Stream<Path> files = Files.list(store.patchesDirectory())) {
                patch = Files.readString(files.sorted().reduce((a, b) -> b).orElseThrow(), StandardCharsets.UTF_8);
            }
            assertTrue(patch.contains("\"" + stored + "\""), "the patch writes the time as stored");
            assertFalse(patch.contains("10:00:00.120Z"), "nor in any other form");
        }
    }

    @Test
    void sinceReturnsExactlyTheChangesAfterThatInstant() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path page = in.resolve("page.txt");
        String text = Files.readString(Path.of("seeds/29-2011.00.txt"), StandardCharsets.UTF_8);
        Files.writeString(page, text, StandardCharsets.UTF_8);
        Files.copy(Path.of("seeds/29-2099.00.json"), in.resolve("export.json"));
        try (GraphStore store = GraphStore.open(tmp.resolve("db"))) {
            ingest(store, T1, in);
            List<Change> all = store.changes(Instant.EPOCH, 100, 0);
            assertEquals(6, all.size(), all.toString());
            assertTrue(all.stream().allMatch(c -> c.type().equals("create") && c.time().equals(T1)));
            assertEquals(4, all.stream().filter(c -> c.kind().equals("framework")).count());
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), all.stream().map(Change::sequence).toList());

            ingest(store, T2, in); // unchanged: nothing new, same dates
            assertEquals(6, store.changes(Instant.EPOCH, 100, 0).size());
            assertEquals(List.of(), store.changes(T1, 100, 0));

            Files.writeString(page, text.replace("perform basic processing steps", "perform simple processing steps"),
                    StandardCharsets.UTF_8);
            ingest(store, T3, in);
            List<Change> updates = store.changes(T2, 100, 0);
            assertEquals(4, updates.size(), updates.toString());
            assertTrue(updates.stream().allMatch(c -> c.type().equals("update") && c.time().equals(T3)
                    && c.graph().equals(BASE + "graph/29-2011.00/v.26.05")));

            assertTrue(store.remove(BASE + "graph/29-2099.00/v.26.05"));
            List<Change> deletes = store.changes(T3, 100, 0);
            assertEquals(2, deletes.size());
            assertTrue(deletes.stream().allMatch(c -> c.type().equals("delete")));
            assertTrue(deletes.stream().anyMatch(c -> c.object().equals(BASE + "id/occupation/29-2099.00")));
            assertEquals(12, store.changes(Instant.EPOCH, 100, 0).size());
            assertEquals(2, store.changes(Instant.EPOCH, 2, 10).size(), "paging");

            assertLogRebuilds(store);
        }
    }

    /** A replica applying the patch log in order holds exactly the quads of the store. */
    static void assertLogRebuilds(GraphStore store) throws java.io.IOException {
        Dataset replica = DatasetFactory.createTxnMem();
        try (Stream<Path> files = Files.list(store.patchesDirectory())) {
            for (Path p : files.sorted().toList()) {
                assertTrue(p.toString().endsWith(".rdfp"), "only patches in the log: " + p);
                // each patch is one transaction (TX … TC): applying it begins and commits it
                RDFPatchOps.applyChange(replica.asDatasetGraph(), RDFPatchOps.fileToPatch(p.toString()));
            }
        }
        DatasetGraph source = store.read(ds -> {
            Dataset copy = DatasetFactory.create();
            ds.listModelNames().forEachRemaining(n -> copy.addNamedModel(n,
                    org.apache.jena.rdf.model.ModelFactory.createDefaultModel().add(ds.getNamedModel(n))));
            return copy.asDatasetGraph();
        });
        DatasetGraph replicated = Txn.calculateRead(replica, () -> {
            Dataset copy = DatasetFactory.create();
            replica.listModelNames().forEachRemaining(n -> {
                if (!replica.getNamedModel(n).isEmpty()) {
                    copy.addNamedModel(n, org.apache.jena.rdf.model.ModelFactory.createDefaultModel()
                            .add(replica.getNamedModel(n)));
                }
            });
            return copy.asDatasetGraph();
        });
        assertEquals(source.stream().count(), replicated.stream().count());
        assertTrue(IsoMatcher.isomorphic(source, replicated), "the patch log does not rebuild the store");
    }

    private static org.skillgraph.map.MappedDocument mapped(String seed, Instant at) {
        return new org.skillgraph.map.DocumentMapper(BASE).map(new org.skillgraph.read.SourceReader().read(
                Path.of(seed)), at);
    }

    private static List<String> patchFiles(GraphStore store) throws java.io.IOException {
        try (Stream<Path> files = Files.list(store.patchesDirectory())) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aCommitWhosePatchDidNotReachTheLogJoinsItWhenTheStoreOpens() throws Exception {
        Path db = tmp.resolve("db");
        String next;
        try (GraphStore store = GraphStore.open(db)) {
            ingest(store, T1, Path.of("seeds/29-2011.00.txt"));
            next = String.format("%08d.rdfp", patchFiles(store).size() + 1);
            // the move into the log fails after the store committed (as if the process had stopped there)
            Files.createDirectories(store.patchesDirectory().resolve(next).resolve("in-the-way"));
            try (GraphStore.Batch batch = store.begin()) {
                batch.put(mapped("seeds/29-2099.00.json", T2));
                assertThrows(java.io.UncheckedIOException.class, batch::commit);
            }
            assertTrue(Files.isRegularFile(store.patchesDirectory().resolve(next + ".pending")),
                    "the committed change's patch is kept: " + patchFiles(store));
            assertTrue((boolean) store.read(ds -> ds.containsNamedModel(BASE + "graph/29-2099.00/v.26.05")));
        }
        org.apache.commons.io.file.PathUtils.deleteDirectory(db.resolve("patches").resolve(next));
        try (GraphStore store = GraphStore.open(db)) {
            assertTrue(patchFiles(store).contains(next), patchFiles(store).toString());
            assertLogRebuilds(store);
            // and the log goes on after it
            ingest(store, T3, Path.of("seeds/29-2011.00.txt"), Path.of("seeds/29-2099.00.json"));
            store.remove(BASE + "graph/29-2099.00/v.26.05");
            assertLogRebuilds(store);
        }
    }

    @Test
    void aCommitThatFailsAfterTheStoreCommittedKeepsItsPatchForTheLog() throws Exception {
        // jena-text commits the full-text index just after TDB2, and a failure there is thrown although the data
        // is committed; here the failure comes from the commit's watcher, told once the commit is over
        try (GraphStore store = GraphStore.open(tmp.resolve("db"))) {
            ingest(store, T1, Path.of("seeds/29-2011.00.txt"));
            String next = String.format("%08d.rdfp", patchFiles(store).size() + 1);
            store.watchCommits(new GraphStore.CommitWatcher() {
                @Override
                public void committed() {
                    throw new IllegalStateException("failed after the store committed");
                }
            });
            try (GraphStore.Batch batch = store.begin()) {
                batch.put(mapped("seeds/29-2099.00.json", T2));
                assertThrows(IllegalStateException.class, batch::commit);
            }
            store.watchCommits(new GraphStore.CommitWatcher() {
            });
            assertTrue((boolean) store.read(ds -> ds.containsNamedModel(BASE + "graph/29-2099.00/v.26.05")),
                    "the store committed the document");
            assertTrue(Files.isRegularFile(store.patchesDirectory().resolve(next + ".pending")),
                    "its patch is kept, pending: " + patchFiles(store));
            // the next transaction settles it into the log, which then rebuilds the store
            ingest(store, T3, Path.of("seeds/29-2011.00.txt"));
            assertTrue(patchFiles(store).contains(next), patchFiles(store).toString());
            assertLogRebuilds(store);
            assertTrue(Files.exists(tmp.resolve("db").resolve(GraphStore.TEXT_INDEX + ".rebuilding")),
                    "the full-text index may lack the document's entries: the next opening makes it again");
        }
        try (GraphStore store = GraphStore.open(tmp.resolve("db"))) {
            assertFalse(Files.exists(tmp.resolve("db").resolve(GraphStore.TEXT_INDEX + ".rebuilding")));
            // a statement of the export (29-2099.00) only
            assertTrue((boolean) store.read(ds -> org.apache.jena.query.QueryExecution.create()
                    .query("PREFIX text: <http://jena.apache.org/text#> "
                            + "ASK { ?s text:query ('\"appointment summaries\"' 10) }").dataset(ds).build().execAsk()),
                    "the rebuilt index finds the document's statements");
        }
    }

    @Test
    void aPatchPreparedForATransactionThatNeverCommittedIsDeleted() throws Exception {
        // the patch the other store made for the second document: complete, but this store never committed it
        Path otherPatch;
        try (GraphStore other = GraphStore.open(tmp.resolve("other"))) {
            ingest(other, T1, Path.of("seeds/29-2011.00.txt"));
            ingest(other, T2, Path.of("seeds/29-2099.00.json"));
            List<String> files = patchFiles(other);
            otherPatch = other.patchesDirectory().resolve(files.get(files.size() - 1));
        }
        Path db = tmp.resolve("db");
        String next;
        try (GraphStore store = GraphStore.open(db)) {
            ingest(store, T1, Path.of("seeds/29-2011.00.txt"));
            next = String.format("%08d.rdfp", patchFiles(store).size() + 1);
            Files.copy(otherPatch, store.patchesDirectory().resolve(next + ".pending"));
            // and one cut off while it was written: never prepared
            String text = Files.readString(otherPatch, StandardCharsets.UTF_8);
            Files.writeString(store.patchesDirectory().resolve(String.format("%08d.rdfp.pending",
                    patchFiles(store).size() + 5)), text.substring(0, text.length() / 2), StandardCharsets.UTF_8);
        }
        try (GraphStore store = GraphStore.open(db)) {
            assertFalse(patchFiles(store).stream().anyMatch(f -> !f.endsWith(".rdfp")), patchFiles(store).toString());
            assertFalse(patchFiles(store).contains(next));
            assertLogRebuilds(store);
        }
        // a prepared patch whose transaction did commit (the store's own last one, put back as pending) joins the log
        try (GraphStore store = GraphStore.open(db)) {
            try (GraphStore.Batch batch = store.begin()) {
                batch.put(mapped("seeds/29-2099.00.json", T2));
                batch.commit();
            }
            assertTrue(patchFiles(store).contains(next), patchFiles(store).toString());
            Path last = store.patchesDirectory().resolve(next);
            Files.move(last, last.resolveSibling(next + ".pending"));
        }
        try (GraphStore store = GraphStore.open(db)) {
            assertEquals(next, patchFiles(store).get(patchFiles(store).size() - 1), patchFiles(store).toString());
            assertLogRebuilds(store);
        }
    }

    @Test
    void anotherVersionOfAnOccupationKeepsItAliveInTheFeed() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path v5 = Files.copy(Path.of("seeds/29-2099.00.json"), in.resolve("v5.json"));
        Path v6 = in.resolve("v6.json");
        Files.writeString(v6, Files.readString(v5, StandardCharsets.UTF_8).replace("\"version\":\"v.26.05\"",
                "\"version\":\"v.26.06\""), StandardCharsets.UTF_8);
        String occupation = BASE + "id/occupation/29-2099.00";
        try (GraphStore store = GraphStore.open(tmp.resolve("db"))) {
            ingest(store, T1, v5);
            List<Change> first = store.changes(Instant.EPOCH, 100, 0);
            assertTrue(first.stream().allMatch(c -> c.type().equals("create")), first.toString());

            // the second version: its frameworks are new resources, the occupation is not
            ingest(store, T2, v6);
            List<Change> second = store.changes(T1, 100, 0);
            assertEquals(List.of("update"), second.stream().filter(c -> c.kind().equals("occupation"))
                    .map(Change::type).toList(), second.toString());
            assertTrue(second.stream().filter(c -> c.kind().equals("framework"))
                    .allMatch(c -> c.type().equals("create") && c.object().contains("/v.26.06")), second.toString());

            // the first version removed: its framework versions go, the occupation and the CTIDs stay (the newer
            // version's frameworks are updated after the deletes, in that order)
            assertTrue(store.remove(BASE + "graph/29-2099.00/v.26.05"));
            List<Change> third = store.changes(T2, 100, 0);
            List<Change> frameworks = third.stream().filter(c -> c.kind().equals("framework")).toList();
            assertEquals(List.of("delete", "update"), frameworks.stream().map(Change::type).distinct().toList(),
                    third.toString());
            assertTrue(frameworks.stream().allMatch(c -> c.type().equals("delete") == c.object().contains("/v.26.05")),
                    third.toString());
            assertEquals(frameworks.stream().filter(c -> c.type().equals("delete")).count(),
                    frameworks.stream().filter(c -> c.type().equals("update")).count());
            assertTrue(frameworks.stream().filter(c -> c.type().equals("update"))
                    .allMatch(c -> c.graph().equals(BASE + "graph/29-2099.00/v.26.06")), third.toString());
            assertEquals(List.of("update"), third.stream().filter(c -> c.object().equals(occupation))
                    .map(Change::type).toList(), third.toString());

            // the last version removed: now everything is deleted
            long seen = store.changes(Instant.EPOCH, 1000, 0).size();
            assertTrue(store.remove(BASE + "graph/29-2099.00/v.26.06"));
            List<Change> last = store.changes(Instant.EPOCH, 1000, 0).stream().filter(c -> c.sequence() > seen)
                    .toList();
            assertFalse(last.isEmpty());
            assertTrue(last.stream().allMatch(c -> c.type().equals("delete")), last.toString());
            assertTrue(last.stream().anyMatch(c -> c.object().equals(occupation)), last.toString());
            assertLogRebuilds(store);
        }
    }
}
