package org.skillgraph.harvest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillgraph.ingest.Importer;
import org.skillgraph.store.GraphStore;
import org.skillgraph.synth.SyntheticCorpus;

/**
 * The dumps are kept up to date graph by graph: after any import or removal both dump files hold exactly the
 * store's quads, and only the parts of the graphs that changed were made again.
 */
class DumpsTest {
    static final String BASE = "http://localhost:3030/";

    @TempDir
    Path tmp;

    private static Importer importer(GraphStore store, Instant at) {
        return new Importer(store, BASE, null, Clock.fixed(at, ZoneOffset.UTC))
                .onAccepted(Dumps.stager(store));
    }

    /** The quads as a TDB2 database holds them (numbers by value), so that a dump and a store compare. */
    private static DatasetGraph asStored(DatasetGraph quads) {
        DatasetGraph tdb = DatabaseMgr.createDatasetGraph();
        Txn.executeWrite(tdb, () -> quads.stream().forEach(tdb::add));
        return Txn.calculateRead(tdb, () -> {
            DatasetGraph copy = DatasetFactory.create().asDatasetGraph();
            tdb.stream().forEach(copy::add);
            return copy;
        });
    }

    private static DatasetGraph stored(GraphStore store) {
        return asStored(store.read(ds -> {
            DatasetGraph copy = DatasetFactory.create().asDatasetGraph();
            ds.asDatasetGraph().stream().forEach(copy::add);
            return copy;
        }));
    }

    private static DatasetGraph dump(GraphStore store, String name, Lang lang) throws IOException {
        Dataset ds = DatasetFactory.create();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(store.dumpsDirectory().resolve(name)))) {
            RDFParser.source(in).lang(lang).parse(ds);
        }
        return asStored(ds.asDatasetGraph());
    }

    private static void assertDumpsHoldTheStore(GraphStore store, List<Dumps.Dump> dumps) throws Exception {
        DatasetGraph expected = stored(store);
        DatasetGraph nq = dump(store, "skillgraph.nq.gz", Lang.NQUADS);
        DatasetGraph trig = dump(store, "skillgraph.trig.gz", Lang.TRIG);
        assertEquals(expected.stream().count(), nq.stream().count());
        assertTrue(IsoMatcher.isomorphic(expected, nq), "the N-Quads dump holds the store's quads");
        assertTrue(IsoMatcher.isomorphic(expected, trig), "the TriG dump holds the store's quads");
        assertEquals(dumps, Dumps.read(store.dumpsDirectory()), "the manifest lists what was written");
        var manifest = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                store.dumpsDirectory().resolve(Dumps.MANIFEST).toFile());
        assertEquals(store.lastPatch().file(), manifest.at("/patch/file").asText(),
                "the manifest names the patch of the log the dumps hold the store at, where a replica follows on");
        assertEquals(store.lastPatch().id(), manifest.at("/patch/id").asText());
        for (Dumps.Dump d : dumps) {
            Path file = store.dumpsDirectory().resolve(d.name());
            assertEquals(expected.stream().count(), d.quads());
            assertEquals(Files.size(file), d.bytes());
            assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))),
                    d.sha256());
            assertEquals(java.util.Optional.of(d.sha256()), Dumps.sha256(store.dumpsDirectory(), d.name(),
                    Dumps.FileVersion.of(file)), "the SHA-256 of the file in place is found by its version");
        }
        try (Stream<Path> staged = Files.list(store.dumpsDirectory().resolve(Dumps.PARTS).resolve("staged"))) {
            assertEquals(0, staged.count(), "staged parts are used or dropped");
        }
    }

    /** The parts folder: file name → modification time. */
    private static Map<String, FileTime> parts(GraphStore store) throws IOException {
        Map<String, FileTime> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(store.dumpsDirectory().resolve(Dumps.PARTS))) {
            for (Path p : files.filter(p -> p.toString().endsWith(".gz")).toList()) {
                out.put(p.getFileName().toString(), Files.getLastModifiedTime(p));
            }
        }
        return out;
    }

    /** The gzip members of the N-Quads dump. */
    private static int members(GraphStore store) throws IOException {
        byte[] nq = Files.readAllBytes(store.dumpsDirectory().resolve("skillgraph.nq.gz"));
        int members = 0;
        for (int i = 0; i + 3 < nq.length; i++) {
            if ((nq[i] & 0xff) == 0x1f && (nq[i + 1] & 0xff) == 0x8b && nq[i + 2] == 8 && nq[i + 3] == 0) {
                members++; // a gzip header (deflate, no flags), as GZIPOutputStream writes it
            }
        }
        return members;
    }

    @Test
    void followImportsAndRemovalsGraphByGraph() throws Exception {
        Path corpus = SyntheticCorpus.create(5).write(4, tmp.resolve("corpus")).files().get(0).getParent();
        try (GraphStore store = GraphStore.open(tmp.resolve("db"))) {
            importer(store, Instant.parse("2026-05-20T10:00:00Z")).importPaths(List.of(corpus, Path.of("seeds")));
            assertFalse(Dumps.exist(store.dumpsDirectory()), "no dumps before they are made");
            assertDumpsHoldTheStore(store, Dumps.regenerate(store));
            assertTrue(Dumps.exist(store.dumpsDirectory()));
            Map<String, FileTime> first = parts(store);
            assertEquals(2 * 8, first.size(), "two parts for each of 6 documents, the ontology, the change feed "
                    + first.keySet());

            // one document changes: its parts and the change feed's are made again, the others are kept
            Path page = tmp.resolve("page.txt");
            Files.writeString(page, Files.readString(Path.of("seeds/29-2011.00.txt"), StandardCharsets.UTF_8)
                    .replace("perform basic processing steps", "perform simple processing steps"), StandardCharsets.UTF_8);
            Thread.sleep(20);
            importer(store, Instant.parse("2026-05-21T10:00:00Z")).importPaths(List.of(page));
            assertDumpsHoldTheStore(store, Dumps.regenerate(store));
            Map<String, FileTime> second = parts(store);
            long kept = first.entrySet().stream().filter(e -> e.getValue().equals(second.get(e.getKey()))).count();
            // the five other documents' parts are untouched; the changed document's, the feed's and the
            // ontology's (made on every refresh) are new
            assertEquals(2 * 5, kept, second.keySet().toString());
            assertEquals(first.size(), second.size());
            assertEquals(8 + 1, members(store), "the feed's new entries were appended to its parts as a member");

            // the same bytes again change nothing in the store; the part staged for them is not used
            importer(store, Instant.parse("2026-05-22T10:00:00Z")).importPaths(List.of(page));
            assertDumpsHoldTheStore(store, Dumps.regenerate(store));

            // a removed document's parts go
            assertTrue(store.remove(BASE + "graph/29-2099.00/v.26.05"));
            assertDumpsHoldTheStore(store, Dumps.regenerate(store));
            assertEquals(first.size() - 2, parts(store).size());

            // a lost index only costs making every part again
            Files.writeString(store.dumpsDirectory().resolve(Dumps.PARTS).resolve("index.json"), "{not json");
            List<Dumps.Dump> again = Dumps.regenerate(store);
            assertDumpsHoldTheStore(store, again);
            assertEquals(first.size() - 2, parts(store).size(), "the old parts were not left behind");
        }
    }

    @Test
    void aRefreshLooksAgainOnlyAtTheGraphsThePatchLogSaysChanged() throws Exception {
        Path corpus = SyntheticCorpus.create(7).write(2, tmp.resolve("corpus")).files().get(0).getParent();
        try (GraphStore store = GraphStore.open(tmp.resolve("db"))) {
            importer(store, Instant.parse("2026-05-20T10:00:00Z")).importPaths(List.of(Path.of("seeds")));
            assertDumpsHoldTheStore(store, Dumps.regenerate(store));
            // a graph written into the database past the patch log, as no command of skillgraph does: a replica
            // following the log never has it, and neither do dumps made from the log's changes
            String aside = BASE + "graph/aside";
            Txn.executeWrite(store.dataset(), () -> store.dataset().asDatasetGraph().add(
                    org.apache.jena.sparql.core.Quad.create(org.apache.jena.graph.NodeFactory.createURI(aside),
                            org.apache.jena.graph.NodeFactory.createURI(aside), org.apache.jena.vocabulary.RDF.type.asNode(),
                            org.apache.jena.graph.NodeFactory.createURI(BASE + "Aside"))));
            importer(store, Instant.parse("2026-05-21T10:00:00Z")).importPaths(List.of(corpus));
            Dumps.regenerate(store);
            DatasetGraph nq = dump(store, "skillgraph.nq.gz", Lang.NQUADS);
            assertFalse(nq.containsGraph(org.apache.jena.graph.NodeFactory.createURI(aside)),
                    "only the graphs the log names were looked at");
            assertEquals(stored(store).stream().count() - 1, nq.stream().count(), "the two new documents are in");
            // without the index (or its patch in the log) a refresh reads every graph of the store
            Files.delete(store.dumpsDirectory().resolve(Dumps.PARTS).resolve("index.json"));
            assertDumpsHoldTheStore(store, Dumps.regenerate(store));
        }
    }

    @Test
    void aDumpIsOneGzipMemberPerGraph() throws Exception {
        try (GraphStore store = GraphStore.open(tmp.resolve("db"))) {
            importer(store, Instant.parse("2026-05-20T10:00:00Z")).importPaths(List.of(Path.of("seeds")));
            Dumps.regenerate(store);
            assertEquals(4, members(store), "two documents, the change feed, the ontology");
            String text;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(
                    store.dumpsDirectory().resolve("skillgraph.trig.gz")))) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertNotEquals(text.indexOf("PREFIX ceasn:"), text.lastIndexOf("PREFIX ceasn:"),
                    "each TriG member declares its prefixes");
            assertFalse(text.isBlank());
        }
    }

    @Test
    void aDumpFileThatCannotBeWrittenLeavesEveryDumpAsItWas() throws Exception {
        Path corpus = SyntheticCorpus.create(6).write(2, tmp.resolve("corpus")).files().get(0).getParent();
        try (GraphStore store = GraphStore.open(tmp.resolve("db"))) {
            importer(store, Instant.parse("2026-05-20T10:00:00Z")).importPaths(List.of(Path.of("seeds")));
            List<Dumps.Dump> before = Dumps.regenerate(store);
            Path dir = store.dumpsDirectory();
            byte[] nq = Files.readAllBytes(dir.resolve("skillgraph.nq.gz"));
            byte[] trig = Files.readAllBytes(dir.resolve("skillgraph.trig.gz"));
            importer(store, Instant.parse("2026-05-21T10:00:00Z")).importPaths(List.of(corpus));
            // the TriG file's temporary file cannot be created: a folder that is not empty stands in its place
            Files.createDirectories(dir.resolve("skillgraph.trig.gz.tmp").resolve("in-the-way"));
            assertThrows(IOException.class, () -> Dumps.regenerate(store));
            assertArrayEquals(nq, Files.readAllBytes(dir.resolve("skillgraph.nq.gz")),
                    "the N-Quads file is not replaced when the TriG file cannot be");
            assertArrayEquals(trig, Files.readAllBytes(dir.resolve("skillgraph.trig.gz")));
            assertEquals(before, Dumps.read(dir), "the manifest still describes the files");
            assertFalse(Files.exists(dir.resolve("skillgraph.nq.gz.tmp")), "no half-made file is left behind");
            Files.delete(dir.resolve("skillgraph.trig.gz.tmp").resolve("in-the-way"));
            Files.delete(dir.resolve("skillgraph.trig.gz.tmp"));
            assertDumpsHoldTheStore(store, Dumps.regenerate(store));
        }
    }
}
