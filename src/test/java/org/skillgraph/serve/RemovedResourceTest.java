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
                // the removed occupation's CTID, which the feed's entries list, is gone at /resources/ and /graph/ too
                String occupation = org.skillgraph.map.Ctids.of("occupation/29-2099.00");
                for (String path : List.of("/resources/" + occupation, "/graph/" + occupation)) {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(root + path)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertEquals(410, r.statusCode(), path + ": " + r.body());
                    assertTrue(r.body().contains(BASE + "id/occupation/29-2099.00"), r.body());
                }
                // what was part of a removed resource (its levels, statements, evidence) is gone with it
                for (String[] part : List.of(
                        new String[] {"/id/framework/29-2099.00/occupational/v.26.05/level/emerging/statement/1",
                                "id/framework/29-2099.00/occupational/v.26.05"},
                        new String[] {"/doc/framework/29-2099.00/occupational/v.26.05/level/emerging.ttl",
                                "id/framework/29-2099.00/occupational/v.26.05"},
                        new String[] {"/id/framework/29-2099.00/occupational/v.26.05/progression",
                                "id/framework/29-2099.00/occupational/v.26.05"},
                        new String[] {"/id/occupation/29-2099.00/evidence/v.26.05", "id/occupation/29-2099.00"})) {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(root + part[0]))
                            .header("Accept", "text/turtle").build(), HttpResponse.BodyHandlers.ofString());
                    assertEquals(410, r.statusCode(), part[0] + ": " + r.body());
                    assertTrue(r.body().matches("(?s)Gone: .* lies under " + BASE + part[1]
                            + ", which was removed \\(the change feed's " + BASE + "changes/\\d+\\)\\s*"), r.body());
                }
                // under what remains, or under a kind rather than a resource, an unknown URI is not found
                for (String path : List.of("/id/framework/29-2011.00/occupational/v.26.05/level/nowhere",
                        "/id/framework/nowhere", "/id/occupation/29-2011.00/evidence/v.99.99")) {
                    assertEquals(404, http.send(HttpRequest.newBuilder(URI.create(root + path)).build(),
                            HttpResponse.BodyHandlers.ofString()).statusCode(), path);
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

    @Test
    void anOccupationsEvidenceAndTasksOfARemovedVersionAreGoneWithItsDocument() throws Exception {
        Path newer = tmp.resolve("29-2011.00-v.26.06.txt");
        java.nio.file.Files.writeString(newer, java.nio.file.Files.readString(Path.of("seeds/29-2011.00.txt"))
                .replace("v.26.05", "v.26.06"));
        try (GraphStore store = GraphStore.open(tmp.resolve("db"))) {
            new Importer(store, BASE, null, Clock.fixed(Instant.parse("2026-05-20T10:00:00Z"), ZoneOffset.UTC))
                    .importPaths(List.of(Path.of("seeds/29-2011.00.txt"), newer));
            SkillgraphServer server = SkillgraphServer.create(store).base(BASE).port(0).build().start();
            try {
                HttpClient http = HttpClient.newHttpClient();
                String root = "http://localhost:" + server.port();
                java.util.function.Function<String, HttpResponse<String>> get = path -> get(http, root + path, "text/turtle");
                List<String> older = List.of("/id/occupation/29-2011.00/evidence/v.26.05",
                        "/id/occupation/29-2011.00/tasks/v.26.05/1", "/doc/occupation/29-2011.00/evidence/v.26.05.ttl");
                for (String path : older) {
                    assertEquals(200, get.apply(path.replace("/id/", "/doc/").replaceFirst("(\\.ttl)?$", ".ttl"))
                            .statusCode(), "before the removal: " + path);
                }
                assertTrue(store.remove(BASE + "graph/29-2011.00/v.26.05"));
                // the occupation remains (its other version does), but what the removed version's document said of it
                // went with that document
                for (String path : older) {
                    HttpResponse<String> r = get.apply(path);
                    assertEquals(410, r.statusCode(), path + ": " + r.body());
                    assertTrue(r.body().matches("(?s)Gone: .* was part of " + BASE + "graph/29-2011\\.00/v\\.26\\.05"
                            + ", which was removed \\(the change feed's " + BASE + "changes/\\d+\\)\\s*"), r.body());
                }
                for (String path : List.of("/id/occupation/29-2011.00", "/id/occupation/29-2011.00/evidence/v.26.06",
                        "/id/occupation/29-2011.00/tasks/v.26.06/1")) {
                    assertEquals(303, get.apply(path).statusCode(), path);
                }
                // a version never stored is not found
                assertEquals(404, get.apply("/id/occupation/29-2011.00/evidence/v.99.99").statusCode());
                assertEquals(404, get.apply("/id/occupation/29-2011.00/tasks/v.99.99/1").statusCode());
            } finally {
                server.stop();
            }
        }
    }

    @Test
    void theCtdlDocumentsOfARemovedFrameworkAreGoneAsTheFeedSays() throws Exception {
        try (GraphStore store = GraphStore.open(tmp.resolve("db"))) {
            new Importer(store, BASE, null, Clock.fixed(Instant.parse("2026-05-20T10:00:00Z"), ZoneOffset.UTC))
                    .importPaths(List.of(Path.of("seeds/29-2099.00.json"), Path.of("seeds/29-2011.00.txt")));
            SkillgraphServer server = SkillgraphServer.create(store).base(BASE).port(0).build().start();
            try {
                HttpClient http = HttpClient.newHttpClient();
                String root = "http://localhost:" + server.port();
                java.util.function.Function<String, HttpResponse<String>> get = path -> get(http, root + path, null);
                String removed = BASE + "id/framework/29-2099.00/occupational/v.26.05";
                String ctid = new org.skillgraph.map.Uris(BASE).ctid(removed);
                String kept = new org.skillgraph.map.Uris(BASE).ctid(BASE + "id/framework/29-2011.00/occupational/v.26.05");
                assertEquals(200, get.apply("/graph/" + ctid).statusCode(), "before the removal");
                assertTrue(store.remove(BASE + "graph/29-2099.00/v.26.05"));
                // the feed's delete entry of the framework links to its CTDL graph document, which is gone
                var feed = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                        get.apply("/changes?since=1970-01-01T00:00:00Z&limit=100").body()).get("changes");
                var delete = java.util.stream.StreamSupport.stream(feed.spliterator(), false)
                        .filter(c -> c.get("type").asText().equals("delete") && c.get("kind").asText().equals("framework"))
                        .findFirst().orElseThrow();
                assertEquals(ctid, delete.get("ctid").asText());
                assertEquals(root + "/graph/" + ctid, delete.get("ctdlGraph").asText());
                for (String path : List.of("/graph/" + ctid, "/resources/" + ctid)) {
                    HttpResponse<String> r = get.apply(path);
                    assertEquals(410, r.statusCode(), path + ": " + r.body());
                    assertTrue(r.body().strip().equals("Gone: " + ctid + " (" + removed + ") was removed (the change "
                            + "feed's " + BASE + "changes/" + delete.get("sequence").asText() + ")"), r.body());
                }
                // the removed occupation's CTID (its document went with its last framework version) is gone too
                assertEquals(410, get.apply("/graph/" + new org.skillgraph.map.Uris(BASE).ctid(BASE
                        + "id/occupation/29-2099.00")).statusCode());
                // a CTID never given, and the framework that remains
                assertEquals(404, get.apply("/graph/ce-00000000-0000-5000-8000-000000000000").statusCode());
                assertEquals(200, get.apply("/graph/" + kept).statusCode());
            } finally {
                server.stop();
            }
        }
    }

    /** A GET of {@code url}, with {@code Accept: accept} when it is not null. */
    private static HttpResponse<String> get(HttpClient http, String url, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (accept != null) {
            request.header("Accept", accept);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
