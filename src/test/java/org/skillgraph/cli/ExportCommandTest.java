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
}
