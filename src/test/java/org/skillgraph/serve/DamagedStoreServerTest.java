package org.skillgraph.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillgraph.ingest.Importer;
import org.skillgraph.store.GraphStore;

/** A server whose store's files are cut short under it answers each request with a short error of its own. */
class DamagedStoreServerTest {
    static final String BASE = "http://localhost:3030/";
    static final String TOKEN = "0123456789abcdef0123456789abcdef";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    @Test
    void pagesAndImportsOfAStoreWhoseDatabaseFilesWereCutShortAreShortErrorsOfTheSite() throws Exception {
        Path db = tmp.resolve("db");
        GraphStore store = GraphStore.open(db);
        new Importer(store, BASE, null, Clock.fixed(Instant.parse("2026-05-20T10:00:00Z"), ZoneOffset.UTC))
                .importPaths(List.of(Path.of("seeds")));
        SkillgraphServer server = SkillgraphServer.create(store).base(BASE).port(0).importToken(TOKEN).build().start();
        try {
            assertEquals(200, get(server, "/").statusCode());
            // the database's memory-mapped files and its node table cut short, as a damaged disk or another program
            // leaves them: a read of a mapped page past the end faults, and the JVM reports it as an InternalError
            try (var files = Files.list(db.resolve("Data-0001"))) {
                for (Path f : files.filter(f -> f.getFileName().toString().matches(".*\\.(dat|idn|obj)")).toList()) {
                    Files.write(f, new byte[0]);
                }
            }
            for (String path : List.of("/", "/changes?since=2026-01-01T00:00:00Z", "/ontology.ttl",
                    "/doc/occupation/29-2011.00.ttl")) {
                HttpResponse<String> r = get(server, path);
                assertEquals(500, r.statusCode(), path);
                assertEquals("Internal error", r.body().strip(), path + ": " + r.body());
                assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), path);
            }
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port()
                    + "/import?name=29-2011.00.txt")).header("Authorization", "Bearer " + TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(Path.of("seeds/29-2011.00.txt"))))
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(500, r.statusCode());
            String error = new ObjectMapper().readTree(r.body()).path("error").asText();
            assertTrue(error.startsWith("29-2011.00.txt: the import failed ("), r.body());
            assertFalse(error.contains("java.lang."), error);
        } finally {
            server.stop();
            // the store is not closed: its files are damaged past what closing can write back
        }
    }

    private static HttpResponse<String> get(SkillgraphServer server, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
