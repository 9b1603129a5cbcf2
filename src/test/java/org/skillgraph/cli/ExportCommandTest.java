package org.skillgraph.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
        assertEquals(8, graphs.size(), "4 frameworks and their 4 progression models");
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
                        "sitemap.xml", "dumps/dumps.json")) {
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
        assertEquals(2, graphs.size(), "the framework and its progression model, once");
        java.util.Set<String> named = new java.util.TreeSet<>();
        for (Path g : graphs) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("https://data\\.example\\.org/resources/(ce-[0-9a-f-]+)")
                    .matcher(Files.readString(g));
            while (m.find()) {
                named.add(m.group(1));
            }
        }
        assertTrue(Files.readString(graphs.get(0)).contains("Emerging (revised)")
                || Files.readString(graphs.get(1)).contains("Emerging (revised)"), "the newest version's levels");
        java.util.Set<String> exported;
        try (Stream<Path> s = Files.list(out.resolve("resources"))) {
            exported = s.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toCollection(
                    java.util.TreeSet::new));
        }
        assertEquals(named, exported, "every resource the graph documents name, and no other");
        assertEquals(1 + 39 + 1 + 4, exported.size());
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
}
