package org.skillgraph.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillgraph.serve.SkillgraphServer;
import org.skillgraph.store.GraphStore;

/** {@code export} writes the harvest files exactly as the server returns them for the same public URL. */
class ExportCommandTest {
    @TempDir
    Path tmp;

    @Test
    void exportedFilesAreWhatTheServerAnswers() throws Exception {
        Path store = tmp.resolve("db");
        Path out = tmp.resolve("out");
        StringWriter err = new StringWriter();
        assertEquals(0, SkillgraphCommand.execute(new PrintWriter(new StringWriter()), new PrintWriter(err),
                "ingest", "--store", store.toString(), "seeds"), err.toString());
        assertEquals(0, SkillgraphCommand.execute(new PrintWriter(new StringWriter()), new PrintWriter(err),
                "export", "--store", store.toString(), "--out", out.toString(), "--site", "https://data.example.org/"),
                err.toString());
        List<Path> graphs;
        try (Stream<Path> s = Files.list(out.resolve("graph"))) {
            graphs = s.toList();
        }
        assertEquals(10, graphs.size(), "4 frameworks, their 4 progression models and the 2 occupations");
        JsonNode feed = new ObjectMapper().readTree(out.resolve("changes").toFile());
        assertEquals(6, feed.get("changes").size());
        assertTrue(Files.size(out.resolve("dumps/skillgraph.nq.gz")) > 1000);
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("dumps/dumps.json").toFile());
        assertTrue(manifest.at("/patch/file").asText().endsWith(".rdfp"), "the patch a replica starts from");
        assertEquals(2, manifest.get("dumps").size());
        for (JsonNode d : manifest.get("dumps")) {
            assertEquals(d.get("sha256").asText(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(out.resolve("dumps").resolve(d.get("name").asText())))),
                    "the manifest describes the dump file exported beside it");
        }
        assertTrue(Files.exists(out.resolve("patches/index.json")));
        assertTrue(Files.exists(out.resolve("ims/case/v1p1/CFDocuments/index.json")));

        try (GraphStore gs = GraphStore.open(store)) {
            SkillgraphServer server = SkillgraphServer.create(gs).port(0).publicUrl("https://data.example.org/")
                    .build().start();
            try {
                HttpClient http = HttpClient.newHttpClient();
                for (String path : List.of("graph/" + graphs.get(0).getFileName(), ".well-known/void", "changes",
                        "dumps/dumps.json")) {
                    HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                            + server.port() + "/" + path)).header("Accept", "text/turtle").build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    assertEquals(200, r.statusCode());
                    assertArrayEquals(r.body(), Files.readAllBytes(out.resolve(path)), path);
                }
            } finally {
                server.stop();
            }
        }
        String doc = Files.readString(graphs.get(0));
        assertTrue(doc.contains("\"@id\" : \"https://data.example.org/graph/ce-"), "ids use the public URL");
    }

    /**
     * Two versions of one framework (same CTIDs; the newest one served) export completely: every graph document
     * and every resource document it names, each what the server answers, and nothing only the older version has.
     */
    @Test
    void twoVersionsOfOneFrameworkExportCompletely() throws Exception {
        Path in = tmp.resolve("in");
        Files.createDirectories(in);
        String json = Files.readString(Path.of("seeds/29-2099.00.json"));
        String dropped = "Clinical safety and hygiene protocols — follow established procedures for patient handling "
                + "and workspace sanitation under direct oversight.";
        assertTrue(json.contains(",\"" + dropped + "\"]"));
        Files.writeString(in.resolve("29-2099.00.json"), json);
        Files.writeString(in.resolve("29-2099.00-v.26.06.json"), json
                .replace("\"version\":\"v.26.05\"", "\"version\":\"v.26.06\"")
                .replace("\"label\":\"Emerging\"", "\"label\":\"Emerging (revised)\"")
                .replace(",\"" + dropped + "\"]", "]"));
        Path store = tmp.resolve("db");
        Path out = tmp.resolve("out");
        StringWriter err = new StringWriter();
        assertEquals(0, SkillgraphCommand.execute(new PrintWriter(new StringWriter()), new PrintWriter(err),
                "ingest", "--store", store.toString(), in.toString()), err.toString());
        assertEquals(0, SkillgraphCommand.execute(new PrintWriter(new StringWriter()), new PrintWriter(err),
                "export", "--store", store.toString(), "--out", out.toString(), "--site", "https://data.example.org/"),
                err.toString());
        List<Path> graphs;
        try (Stream<Path> s = Files.list(out.resolve("graph"))) {
            graphs = s.sorted().toList();
        }
        assertEquals(3, graphs.size(), "the framework, its progression model and its occupation, once");
        java.util.Set<String> named = new java.util.TreeSet<>();
        for (Path g : graphs) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("https://data\\.example\\.org/resources/(ce-[0-9a-f-]+)")
                    .matcher(Files.readString(g));
            while (m.find()) {
                named.add(m.group(1));
            }
        }
        assertTrue(graphs.stream().anyMatch(g -> {
            try {
                return Files.readString(g).contains("Emerging (revised)");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }), "the newest version's levels");
        java.util.Set<String> exported;
        try (Stream<Path> s = Files.list(out.resolve("resources"))) {
            exported = s.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toCollection(
                    java.util.TreeSet::new));
        }
        assertEquals(named, exported, "every resource the graph documents name, and no other");
        assertEquals(1 + 39 + 1 + 4 + 1, exported.size(), "the framework, its statements, model and levels, the occupation");
        try (GraphStore gs = GraphStore.open(store)) {
            SkillgraphServer server = SkillgraphServer.create(gs).port(0).publicUrl("https://data.example.org/")
                    .build().start();
            try {
                HttpClient http = HttpClient.newHttpClient();
                List<String> paths = new java.util.ArrayList<>();
                graphs.forEach(g -> paths.add("graph/" + g.getFileName()));
                exported.forEach(r -> paths.add("resources/" + r));
                for (String path : paths) {
                    HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                            + server.port() + "/" + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
                    assertEquals(200, r.statusCode(), path);
                    assertArrayEquals(r.body(), Files.readAllBytes(out.resolve(path)), path);
                }
            } finally {
                server.stop();
            }
        }
    }

    private static int run(StringWriter err, String... args) {
        return SkillgraphCommand.execute(new PrintWriter(new StringWriter()), new PrintWriter(err, true), args);
    }

    private Path seedStore() {
        Path store = tmp.resolve("db");
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "ingest", "--store", store.toString(), "seeds"), err.toString());
        return store;
    }

    private static List<String> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    /** A static host ignores a query string: the exported feed holds every entry, with no next page to follow. */
    @Test
    void theExportedChangeFeedIsWhole() throws Exception {
        Path corpus = tmp.resolve("corpus");
        Path store = tmp.resolve("db");
        Path out = tmp.resolve("out");
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "synth", "--occupations", "36", "--seed", "2", "--out", corpus.toString()), err.toString());
        assertEquals(0, run(err, "ingest", "--store", store.toString(), corpus.toString()), err.toString());
        assertEquals(0, run(err, "export", "--store", store.toString(), "--out", out.toString(), "--site",
                "https://data.example.org/"), err.toString());
        long stored;
        try (GraphStore gs = GraphStore.open(store)) {
            stored = gs.changes(java.time.Instant.EPOCH, Long.MAX_VALUE, 0).size();
        }
        assertTrue(stored > 100, "more entries than the server's first page: " + stored);
        JsonNode feed = new ObjectMapper().readTree(out.resolve("changes").toFile());
        assertEquals(stored, feed.get("changes").size());
        assertFalse(feed.has("next"), feed.path("next").asText());
        for (int i = 0; i < stored; i++) {
            assertEquals(i + 1, feed.get("changes").get(i).get("sequence").asLong(), "in order, none left out");
        }
        assertEquals("https://data.example.org/patches/", feed.get("patches").asText());
    }

    /** A framework removed since the last export is no longer published: the folder holds exactly the new export. */
    @Test
    void reExportingLeavesOnlyTheCurrentFiles() throws Exception {
        Path store = seedStore();
        Path out = tmp.resolve("out");
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "export", "--store", store.toString(), "--out", out.toString()), err.toString());
        List<String> before = files(out);
        assertEquals(0, run(err, "remove", "--store", store.toString(), "29-2099.00"), err.toString());
        assertEquals(0, run(err, "export", "--store", store.toString(), "--out", out.toString()), err.toString());
        Path fresh = tmp.resolve("fresh");
        assertEquals(0, run(err, "export", "--store", store.toString(), "--out", fresh.toString()), err.toString());
        List<String> after = files(out);
        assertEquals(files(fresh), after, "the same files as an export into a new folder");
        assertTrue(before.stream().filter(f -> f.startsWith("graph/")).count()
                > after.stream().filter(f -> f.startsWith("graph/")).count(), "the removed frameworks' graphs are gone");
        assertTrue(before.stream().anyMatch(f -> f.startsWith("ims/case/v1p1/CFPackages/") && !after.contains(f)));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of("db", "fresh", "out"), s.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no folder left beside --out");
        }
    }

    /** --out is replaced as a whole, so a folder that is not a previous export is refused and left as it was. */
    @Test
    void anOutThatIsNotAnExportIsRefusedAndKept() throws Exception {
        Path store = seedStore();
        Path mine = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(mine.resolve("notes.txt"), "mine");
        Files.createDirectories(mine.resolve("graph"));
        StringWriter err = new StringWriter();
        assertEquals(2, run(err, "export", "--store", store.toString(), "--out", mine.toString()));
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("skillgraph: " + mine + ": --out holds notes.txt"), err.toString());
        assertEquals(List.of("notes.txt"), files(mine));

        Path file = Files.writeString(tmp.resolve("afile"), "x");
        StringWriter err2 = new StringWriter();
        assertEquals(2, run(err2, "export", "--store", store.toString(), "--out", file.toString()));
        assertEquals("skillgraph: " + file + ": --out must be a folder, and this is a file\n",
                err2.toString().replace("\r", ""));
        assertEquals("x", Files.readString(file));

        StringWriter err3 = new StringWriter();
        assertEquals(2, run(err3, "export", "--store", store.toString(), "--out", file.resolve("x").toString()));
        assertEquals(1, err3.toString().lines().count(), err3.toString());
        assertTrue(err3.toString().startsWith("skillgraph: " + file.resolve("x") + ": cannot write the export there"),
                err3.toString());
    }

    /** A folder the export cannot be written in is named in one line, exit code 1. */
    @Test
    void anOutThatCannotBeWrittenIsOneLine() throws Exception {
        Path store = seedStore();
        StringWriter err = new StringWriter();
        assertEquals(2, run(err, "export", "--store", store.toString(), "--out", "/proc/skillgraph-export"));
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("skillgraph: /proc/skillgraph-export: cannot write the export there ("),
                err.toString());
    }

    /** --site is an absolute http(s) URL whose path is the one the server publishes the data at. */
    @Test
    void aSiteOfAnotherFormOrPathIsWrongUsage() throws Exception {
        Path store = seedStore();
        for (String site : List.of("https://data.example.org/sub/", "ftp://data.example.org/", "not a url",
                "data.example.org", "https://data.example.org/?x=1")) {
            StringWriter err = new StringWriter();
            Path out = tmp.resolve("out");
            assertEquals(2, run(err, "export", "--store", store.toString(), "--out", out.toString(), "--site", site),
                    site + ": " + err);
            assertEquals(1, err.toString().lines().count(), err.toString());
            assertTrue(err.toString().startsWith("skillgraph: --site "), err.toString());
            assertFalse(Files.exists(out), site);
        }
    }

    /** A store under a base with a path is published under that path, which --site then names. */
    @Test
    void aSiteWithTheBasePathIsHonoured() throws Exception {
        Path store = tmp.resolve("db");
        Path out = tmp.resolve("out");
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "ingest", "--store", store.toString(), "--base", "http://localhost:3030/skills/",
                "seeds"), err.toString());
        assertEquals(0, run(err, "export", "--store", store.toString(), "--out", out.toString(), "--site",
                "https://data.example.org/skills"), err.toString());
        assertTrue(err.toString().contains("for https://data.example.org/skills/"), err.toString());
        JsonNode feed = new ObjectMapper().readTree(out.resolve("changes").toFile());
        assertTrue(feed.at("/changes/0/ctdlGraph").asText("").startsWith("https://data.example.org/skills/graph/ce-")
                || feed.at("/changes/1/ctdlGraph").asText("").startsWith("https://data.example.org/skills/graph/ce-"),
                feed.toString());
        assertEquals("https://data.example.org/skills/patches/", feed.get("patches").asText());
    }

    /** The sitemap lists HTML pages a static export does not hold: it is not exported, nor named by robots.txt. */
    @Test
    void noSitemapOfPagesTheExportDoesNotHold() throws Exception {
        Path store = seedStore();
        Path out = tmp.resolve("out");
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "export", "--store", store.toString(), "--out", out.toString()), err.toString());
        assertFalse(Files.exists(out.resolve("sitemap.xml")));
        assertFalse(Files.exists(out.resolve("sitemaps")));
        String robots = Files.readString(out.resolve("robots.txt"));
        assertFalse(robots.contains("Sitemap"), robots);
        assertTrue(robots.startsWith("User-agent: *\nDisallow: /sparql\n"), robots);
    }
}
