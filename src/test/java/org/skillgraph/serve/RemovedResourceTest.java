package org.skillgraph.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillgraph.ingest.Importer;
import org.skillgraph.store.GraphStore;

/** What was removed answers 410 Gone, naming the change-feed entry that removed it; what remains is served. */
class RemovedResourceTest {
    static final String BASE = "http://localhost:3030/";

    @TempDir
    Path tmp;

    @Test
    void aRemovedOccupationIsGoneAndItsRemovalNamed() throws Exception {
        try (GraphStore store = GraphStore.open(tmp.resolve("db"))) {
            new Importer(store, BASE, null, Clock.fixed(Instant.parse("2026-05-20T10:00:00Z"), ZoneOffset.UTC))
                    .importPaths(List.of(Path.of("seeds/29-2099.00.json"), Path.of("seeds/29-2011.00.txt")));
            assertTrue(store.remove(BASE + "graph/29-2099.00/v.26.05"));
            SkillgraphServer server = SkillgraphServer.create(store).base(BASE).port(0).build().start();
            try {
                HttpClient http = HttpClient.newHttpClient();
                String root = "http://localhost:" + server.port();
                for (String path : List.of("/id/occupation/29-2099.00", "/doc/occupation/29-2099.00.ttl",
                        "/id/framework/29-2099.00/occupational/v.26.05", "/graph/29-2099.00/v.26.05")) {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(root + path))
                            .header("Accept", "text/turtle").build(), HttpResponse.BodyHandlers.ofString());
                    assertEquals(410, r.statusCode(), path + ": " + r.body());
                    assertTrue(r.body().matches("(?s)Gone: .* was removed \\(the change feed's " + BASE
                            + "changes/\\d+\\)\\s*"), r.body());
                }
                // never there: 404; still there: described
                HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create(root
                        + "/id/occupation/11-1111.00")).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(404, unknown.statusCode());
                HttpResponse<String> kept = http.send(HttpRequest.newBuilder(URI.create(root
                        + "/doc/occupation/29-2011.00.ttl")).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, kept.statusCode());
                // the removal's own entry is described, and links to what it removed
                String entry = http.send(HttpRequest.newBuilder(URI.create(root + "/id/occupation/29-2099.00"))
                        .build(), HttpResponse.BodyHandlers.ofString()).body().replaceAll("(?s).*\\((the change feed's )"
                        + BASE.replace(".", "\\.") + "(changes/\\d+)\\).*", "$2").strip();
                HttpResponse<String> feed = http.send(HttpRequest.newBuilder(URI.create(root + "/doc/" + entry
                        + ".ttl")).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, feed.statusCode(), entry);
                assertTrue(feed.body().contains("29-2099.00"), feed.body());
            } finally {
                server.stop();
            }
        }
    }
}
