package org.skillgraph.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.datatypes.xsd.impl.RDFLangString;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Literal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.skillgraph.store.GraphStore;

/**
 * Bad input, end to end: every file of the corpus in {@code src/test/resources/bad/} (and the large or
 * strange ones made here at test time) gives a clear message naming the file and the place, does not stop
 * the rest of a batch, and leaves the store exactly as it was. The corpus and what must happen to each file
 * are listed in {@code bad/expected.tsv}.
 */
class BadInputTest {
    static final String BASE = "http://localhost:3030/";
    static final Path CORPUS = Path.of("src/test/resources/bad");
    static final Path JSON_SEED = Path.of("seeds/29-2099.00.json");
    static final Path PAGE_SEED = Path.of("seeds/29-2011.00.txt");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-20T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path tmp;
    /** A store holding the two seeds: every rejected file must leave it exactly as it is. */
    static GraphStore store;
    static Set<String> before;

    /** One line of bad/expected.tsv. */
    record Expectation(String file, boolean stored, List<String> says) {
    }

    @BeforeAll
    static void storeWithTheSeeds() {
        store = GraphStore.open(tmp.resolve("store"));
        ImportReport r = importer(store).importPaths(List.of(Path.of("seeds")));
        assertEquals(0, r.rejected(), r.toString());
        before = quads(store);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    static Importer importer(GraphStore s) {
        return new Importer(s, BASE, null, CLOCK);
    }

    static Set<String> quads(GraphStore s) {
        return s.read(ds -> {
            Set<String> out = new TreeSet<>();
            ds.asDatasetGraph().find().forEachRemaining(q -> out.add(q.toString()));
            return out;
        });
    }

    static List<Expectation> expectations() throws IOException {
        List<Expectation> out = new ArrayList<>();
        for (String line : Files.readAllLines(CORPUS.resolve("expected.tsv"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("file\t")) {
                continue;
            }
            String[] c = line.split("\t");
            List<String> says = c.length > 2 ? List.of(c[2].split(" \\| ")) : List.of();
            out.add(new Expectation(c[0], c[1].equals("stored"), says));
        }
        return out;
    }

    /** Asserts that importing {@code paths} rejects exactly {@code file}, saying all of {@code says}. */
    static ImportReport.Entry rejectedAlone(Path file, List<String> says) {
        ImportReport r = importer(store).importPaths(List.of(file));
        assertEquals(1, r.entries().size(), r.toString());
        ImportReport.Entry e = r.entries().get(0);
        assertNotNull(e.error(), file + " was not rejected: " + e);
        assertTrue(e.error().contains(file.toString()), "the message names the file: " + e.error());
        for (String s : says) {
            assertTrue(e.error().contains(s), "the message says '" + s + "':\n" + e.error());
        }
        assertFalse(e.error().contains("\tat "), "no stack trace: " + e.error());
        assertEquals(before, quads(store), file + " changed the store");
        return e;
    }

    // ---- the corpus -----------------------------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> everyFileOfTheCorpus() throws IOException {
        return expectations().stream().map(x -> DynamicTest.dynamicTest(x.file(), () -> {
            Path file = CORPUS.resolve(x.file());
            if (!x.stored()) {
                rejectedAlone(file, x.says());
                return;
            }
            try (GraphStore fresh = GraphStore.open(tmp.resolve("fresh-" + x.file()))) {
                ImportReport r = importer(fresh).importPaths(List.of(file));
                ImportReport.Entry e = r.entries().get(0);
                assertNull(e.error(), e.error());
                assertEquals(GraphStore.Outcome.CREATED, e.outcome());
                for (String s : x.says()) {
                    assertTrue(e.warnings().stream().anyMatch(w -> w.contains(s)), "a warning says '" + s + "': "
                            + e.warnings());
                }
            }
        }));
    }

    @Test
    void everyFileOfTheCorpusIsListed() throws IOException {
        Set<String> listed = expectations().stream().map(Expectation::file).collect(Collectors.toCollection(TreeSet::new));
        Set<String> files = new TreeSet<>();
        try (Stream<Path> s = Files.list(CORPUS)) {
            s.map(p -> p.getFileName().toString()).filter(n -> !n.equals("expected.tsv")).forEach(files::add);
        }
        assertEquals(files, listed);
    }

    @Test
    void aRefusedDocumentLeavesThePreviousVersionAndIsInTheShaclReport() {
        Importer importer = importer(store);
        ImportReport r = importer.importPaths(List.of(CORPUS.resolve("job-zone-seven.json")));
        assertEquals(1, r.rejected());
        assertEquals(before, quads(store));
        var verdicts = importer.validationLog().verdicts();
        assertEquals(1, verdicts.size());
        assertFalse(verdicts.get(0).accepted());
        assertEquals(BASE + "graph/29-2099.00/v.26.05", verdicts.get(0).graph());
    }

    @Test
    void scriptAndMarkupInsideAStatementAreStoredAsText() {
        try (GraphStore fresh = GraphStore.open(tmp.resolve("script"))) {
            ImportReport r = importer(fresh).importPaths(List.of(CORPUS.resolve("page-with-script.html")));
            assertEquals(0, r.rejected(), r.toString());
            Literal text = fresh.read(ds -> {
                try (QueryExecution qe = QueryExecution.dataset(ds).query("PREFIX ceasn: <https://purl.org/ctdlasn/terms/> "
                        + "SELECT ?t { <" + BASE + "id/framework/29-2012.00/occupational/v.26.05/level/emerging/statement/1> "
                        + "ceasn:competencyText ?t }").build()) {
                    QuerySolution s = qe.execSelect().next();
                    return s.getLiteral("t");
                }
            });
            assertEquals("perform basic <script>alert(1)</script> processing steps under direct supervision in a "
                    + "clinical laboratory setting.", text.getLexicalForm(), "escaped markup is text, a real script is dropped");
            assertEquals(RDFLangString.rdfLangString.getURI(), text.getDatatypeURI(), "a language-tagged string, not rdf:HTML");
            assertEquals("en", text.getLanguage());
        }
    }

    // ---- made at test time ------------------------------------------------------------------------------

    @Test
    void aStatementOfOneMegabyteInAnExport() throws IOException {
        String json = Files.readString(JSON_SEED, StandardCharsets.UTF_8);
        String big = "Huge topic \u2014 " + "x".repeat(1_000_000);
        Path f = Files.writeString(tmp.resolve("statement-1mb.json"),
                json.replaceFirst("\"Patient medical histories [^\"]*\"", "\"" + big + "\""), StandardCharsets.UTF_8);
        assertTrue(Files.size(f) > 1_000_000);
        long start = System.nanoTime();
        rejectedAlone(f, List.of("(/framework/levels/emerging/statements/0)", "1000013 characters", "10000"));
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "refused quickly");
    }

    @Test
    void aStatementOfOneMegabyteInAPage() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(PAGE_SEED, StandardCharsets.UTF_8));
        assertTrue(lines.get(11).startsWith("  1. Biological sample preparation"), lines.get(11));
        lines.set(11, "  1. Biological sample preparation" + "glued".repeat(200_000));
        Path f = tmp.resolve("statement-1mb.txt");
        Files.write(f, lines, StandardCharsets.UTF_8);
        long start = System.nanoTime();
        rejectedAlone(f, List.of("(line 12)", "a line of 1000034 characters"));
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "refused quickly, not split by WordNet");
    }

    @Test
    void twoHundredThousandStrayLinesBetweenSections() throws IOException {
        // neither glued into the next section's description (2.5 million characters) nor 200,000 notes for review
        List<String> lines = new ArrayList<>(Files.readAllLines(PAGE_SEED, StandardCharsets.UTF_8));
        assertTrue(lines.get(58).startsWith("Authoritative source data identified"), lines.get(58));
        List<String> stray = new ArrayList<>();
        for (int k = 0; k < 200_000; k++) {
            stray.add("stray " + k);
        }
        lines.addAll(59, stray);
        Path f = tmp.resolve("many-stray-lines.txt");
        Files.write(f, lines, StandardCharsets.UTF_8);
        assertTrue(Files.size(f) > 2_000_000);
        long start = System.nanoTime();
        rejectedAlone(f, List.of("(line 1171)", "the lines of this page that belong to no section or list (1112 from "
                + "line 60 'stray 0' to this one) run past 10000 characters"));
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "refused quickly");
    }

    @Test
    void aFileOf200MegabytesIsRefusedBySizeWithoutReadingIt() throws IOException {
        Path f = tmp.resolve("huge.json");
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.write("{\"occupation\":".getBytes(StandardCharsets.UTF_8));
            raf.setLength(200L * 1024 * 1024); // sparse: no 200 MB written to disk
        }
        long start = System.nanoTime();
        rejectedAlone(f, List.of("too large (209715200 bytes", "refused without reading it"));
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "refused by its size");
    }

    @Test
    void aPathThatDoesNotExist() {
        Path missing = tmp.resolve("no-such-folder");
        ImportReport r = importer(store).importPaths(List.of(missing));
        assertEquals(1, r.rejected());
        assertEquals(missing + ": no such file or directory", r.entries().get(0).error());
        assertEquals(before, quads(store));
    }

    @Test
    void aSymbolicLinkLoopIsReportedAndTheRestOfTheFolderLoads() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("loop"));
        Files.createSymbolicLink(dir.resolve("again"), dir);
        Path good = Files.writeString(dir.resolve("good.json"), Files.readString(JSON_SEED, StandardCharsets.UTF_8)
                .replace("29-2099.00", "29-2098.00"), StandardCharsets.UTF_8);
        try (GraphStore fresh = GraphStore.open(tmp.resolve("loop-store"))) {
            ImportReport r = importer(fresh).importPaths(List.of(dir));
            assertEquals(1, r.count(GraphStore.Outcome.CREATED), r.toString());
            assertEquals(good, r.entries().stream().filter(e -> e.error() == null).findFirst().orElseThrow().file());
            assertEquals(1, r.rejected(), r.toString());
            String error = r.entries().stream().filter(e -> e.error() != null).findFirst().orElseThrow().error();
            assertTrue(error.contains("again") && error.contains("symbolic link loop"), error);
        }
    }

    @Test
    void aFolderWithAMixOfGoodAndBadFiles() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("mix"));
        List<Expectation> all = expectations();
        for (Expectation x : all) {
            Files.copy(CORPUS.resolve(x.file()), dir.resolve(x.file()));
        }
        Files.writeString(dir.resolve("good-export.json"), Files.readString(JSON_SEED, StandardCharsets.UTF_8)
                .replace("29-2099.00", "29-2097.00"), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("good-page.txt"), Files.readString(PAGE_SEED, StandardCharsets.UTF_8)
                .replace("29-2011.00", "29-2012.00"), StandardCharsets.UTF_8);
        try (GraphStore fresh = GraphStore.open(tmp.resolve("mix-store"))) {
            ImportReport r = importer(fresh).importPaths(List.of(dir));
            long stored = all.stream().filter(Expectation::stored).count();
            assertEquals(all.size() + 2, r.entries().size());
            assertEquals(stored + 1, r.count(GraphStore.Outcome.CREATED), r.toString());
            // page-with-script.html is 29-2012.00 too: the first of the two in file order wins
            assertEquals(all.size() - stored + 1, r.rejected(), r.toString());
            for (ImportReport.Entry e : r.entries()) {
                if (e.error() != null) {
                    assertTrue(e.error().contains(e.file().toString()), e.error());
                }
            }
            assertTrue(r.entries().stream().anyMatch(e -> e.error() != null && e.file().endsWith("page-with-script.html")
                    && e.error().contains("the same document (occupation 29-2012.00, framework v.26.05)")
                    && e.error().contains("good-page.txt")), r.toString());
        }
    }

    @Test
    void duplicateDocumentsInOneBatchTheFirstAcceptableWins() throws IOException {
        String json = Files.readString(JSON_SEED, StandardCharsets.UTF_8).replace("29-2099.00", "29-2096.00");
        Path dir = Files.createDirectories(tmp.resolve("dups"));
        Path a = Files.writeString(dir.resolve("a.json"), json.replace("\"jobZone\":3", "\"jobZone\":7"));
        Path b = Files.writeString(dir.resolve("b.json"), json);
        Path c = Files.writeString(dir.resolve("c.json"), json.replace("Health Technologists", "Health Technicians"));
        try (GraphStore fresh = GraphStore.open(tmp.resolve("dups-store"))) {
            ImportReport r = importer(fresh).importPaths(List.of(dir));
            assertEquals(3, r.entries().size(), r.toString());
            java.util.Map<Path, ImportReport.Entry> byFile = r.entries().stream()
                    .collect(Collectors.toMap(ImportReport.Entry::file, e -> e));
            assertTrue(byFile.get(a).error().contains("refused by the quality gate"), "a: job zone 7");
            assertEquals(GraphStore.Outcome.CREATED, byFile.get(b).outcome(), "b, the first acceptable one, wins");
            assertEquals(c + ": the same document (occupation 29-2096.00, framework v.26.05) as " + b
                    + " earlier in this batch; the first one was kept", byFile.get(c).error());
            String title = fresh.read(ds -> ds.getNamedModel(BASE + "graph/29-2096.00/v.26.05")
                    .getProperty(ds.getDefaultModel().createResource(BASE + "id/occupation/29-2096.00"),
                            org.apache.jena.vocabulary.SKOS.prefLabel).getString());
            assertEquals("Health Technologists and Technicians, All Other", title);
        }
    }
}
