package org.skillgraph.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillgraph.harvest.Dumps;
import org.skillgraph.ingest.Importer;
import org.skillgraph.read.SourceReader;
import org.skillgraph.store.GraphStore;

/** Documents imported into a running server ({@code POST /import}) are what it serves from the next request on. */
class ImportServerTest {
    static final String BASE = "http://localhost:3030/";
    static final String TOKEN = "0123456789abcdef0123456789abcdef";
    static final String LEVEL = "/doc/framework/29-2011.00/occupational/v.26.05/level/emerging";
    static final String OLD = "Time-sensitive specimen handling";
    static final String NEW = "Time-critical specimen handling";
    static final String OCCUPATION = "/doc/occupation/29-2011.00.html";
    /** The page's framework is named after the occupation's title, which the changed page changes too. */
    static final String OLD_FRAMEWORK = "Medical and Clinical Laboratory Technologists: ";
    static final String NEW_FRAMEWORK = "Medical and Clinical Laboratory Scientists: ";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path tmp;
    static GraphStore store;
    static SkillgraphServer server;
    static SkillgraphServer readOnly;
    static byte[] page;
    static byte[] changed;

    @BeforeAll
    static void start() throws Exception {
        store = GraphStore.open(tmp.resolve("db"));
        new Importer(store, BASE, null, Clock.fixed(Instant.parse("2026-05-20T10:00:00Z"), ZoneOffset.UTC))
                .importPaths(List.of(Path.of("seeds")));
        Dumps.regenerate(store);
        page = Files.readAllBytes(Path.of("seeds/29-2011.00.txt"));
        changed = new String(page, StandardCharsets.UTF_8).replace(OLD, NEW)
                .replace("\nMedical and Clinical Laboratory Technologists\n", "\nMedical and Clinical Laboratory Scientists\n")
                .getBytes(StandardCharsets.UTF_8);
        server = SkillgraphServer.create(store).base(BASE).port(0).importToken(TOKEN).build().start();
        readOnly = SkillgraphServer.create(store).base(BASE).port(0).queryCacheBytes(0).build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
        readOnly.stop();
        store.close();
    }

    static HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(SkillgraphServer to, String name, byte[] body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + to.port() + "/import?name="
                + URLEncoder.encode(name, StandardCharsets.UTF_8))).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static Instant lastModified(HttpResponse<?> r) {
        return ZonedDateTime.parse(r.headers().firstValue("Last-Modified").orElseThrow(),
                DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    }

    static String sparql(String query) throws Exception {
        return get("/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8),
                "Accept", "application/sparql-results+json").body();
    }

    /** The dataset description once it names dumps other than those {@code before} named (30 s at most). */
    static HttpResponse<String> awaitNewDumps(HttpResponse<String> before) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            HttpResponse<String> now = get("/.well-known/void", "Accept", "text/turtle");
            List<Dumps.Dump> dumps = Dumps.read(store.dumpsDirectory());
            if (!dumps.isEmpty() && dumps.stream().allMatch(d -> now.body().contains(d.sha256())
                    && !before.body().contains(d.sha256()))) {
                return now;
            }
            assertTrue(System.nanoTime() < deadline, "the dumps were not brought up to date within 30 s");
            Thread.sleep(50);
        }
    }

    @Test
    void anImportedDocumentIsServedFromTheNextRequestOn() throws Exception {
        // every cache the server keeps is filled first: labels of linked resources and term names (pages), the
        // names an occupation page shows (frameworks, levels, anchors, citation chips), the dataset description and
        // the sitemap (harvest), the CASE catalog
        HttpResponse<String> before = get(LEVEL + ".html");
        assertTrue(before.body().contains(OLD), "the level's page lists the statement by its label");
        assertTrue(get(OCCUPATION).body().contains(OLD_FRAMEWORK));
        HttpResponse<String> voidBefore = get("/.well-known/void", "Accept", "text/turtle");
        String sitemapBefore = get("/sitemap.xml").body();
        String casesBefore = get("/ims/case/v1p1/CFDocuments").body();
        assertFalse(get("/search?q=critical").body().contains(NEW));
        String ask = "ASK { ?s ?p \"" + NEW + "\"@en }";
        assertTrue(sparql(ask).contains("false"));
        assertTrue(get("/sparql?query=" + URLEncoder.encode(ask, StandardCharsets.UTF_8), "Accept",
                "application/sparql-results+json").headers().firstValue("Age").isPresent(), "the answer is kept");

        HttpResponse<String> r = post(server, "29-2011.00.txt", changed, TOKEN);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode result = JSON.readTree(r.body());
        assertEquals("updated", result.get("outcome").asText());
        assertEquals(BASE + "graph/29-2011.00/v.26.05", result.get("graph").asText());
        assertTrue(result.get("dumpsPending").asBoolean(), r.body());

        String html = get(LEVEL + ".html").body();
        assertTrue(html.contains(NEW), "the cached label of the statement was dropped");
        assertFalse(html.contains(OLD));
        assertTrue(get(LEVEL + ".ttl").body().contains(NEW));
        String occupation = get(OCCUPATION).body();
        assertTrue(occupation.contains(NEW_FRAMEWORK), "the occupation page names its frameworks anew");
        assertFalse(occupation.contains(OLD_FRAMEWORK));
        assertTrue(get("/search?q=critical").body().contains(NEW), "the full-text index has the new text");
        assertTrue(sparql(ask).contains("true"), "the kept answer of the SPARQL query was dropped");
        // the dumps follow the answer: the description names the previous ones until the new ones are in place
        HttpResponse<String> voidAfter = awaitNewDumps(voidBefore);
        assertTrue(lastModified(voidAfter).isAfter(lastModified(voidBefore)));
        List<Dumps.Dump> dumps = Dumps.read(store.dumpsDirectory());
        assertEquals(2, dumps.size());
        for (Dumps.Dump d : dumps) {
            assertTrue(voidAfter.body().contains(d.sha256()), "the description names the new dump " + d.name());
            assertFalse(voidBefore.body().contains(d.sha256()));
            // not before the newest import the dumps hold; the manifest's own time when that is later, as the
            // description changed again when the dumps followed the import
            assertFalse(lastModified(voidAfter).isBefore(
                    Instant.parse(d.modified()).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
            assertTrue(voidAfter.body().contains("\"" + d.modified() + "\"^^xsd:dateTime"), "the dump's own date");
        }
        assertEquals(sitemapBefore, get("/sitemap.xml").body(), "the same resources (made again, not stale)");
        assertNotEquals(casesBefore, get("/ims/case/v1p1/CFDocuments").body(), "the CASE document's date moved on");
        JsonNode changes = JSON.readTree(get("/changes").body()).get("changes");
        assertEquals("update", changes.get(changes.size() - 1).get("type").asText());

        // the same bytes again change nothing; the original back again restores the old label
        JsonNode same = JSON.readTree(post(server, "29-2011.00.txt", changed, TOKEN).body());
        assertEquals("unchanged", same.get("outcome").asText());
        assertFalse(same.get("dumpsPending").asBoolean());
        assertEquals(200, post(server, "29-2011.00.txt", page, TOKEN).statusCode());
        assertTrue(get(LEVEL + ".html").body().contains(OLD));
    }

    @Test
    void aServerTakingImportsBringsDumpsLeftBehindUpToDate(@TempDir Path dir) throws Exception {
        Instant first = Instant.parse("2026-05-20T10:00:00Z");
        Instant second = Instant.parse("2026-05-21T10:00:00Z");
        try (GraphStore s = GraphStore.open(dir.resolve("db"))) {
            new Importer(s, BASE, null, Clock.fixed(first, ZoneOffset.UTC)).importPaths(List.of(Path.of("seeds/29-2099.00.json")));
            Dumps.regenerate(s);
            // as a server killed after an import and before its dump refresh leaves them
            new Importer(s, BASE, null, Clock.fixed(second, ZoneOffset.UTC)).importPaths(List.of(Path.of("seeds/29-2011.00.txt")));
            long quadsBefore = Dumps.read(s.dumpsDirectory()).get(0).quads();
            SkillgraphServer started = SkillgraphServer.create(s).base(BASE).port(0).importToken(TOKEN).build().start();
            try {
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (!Dumps.read(s.dumpsDirectory()).get(0).modified().equals(second.toString())) {
                    assertTrue(System.nanoTime() < deadline, "the dumps were not brought up to date within 30 s");
                    Thread.sleep(50);
                }
                assertTrue(Dumps.read(s.dumpsDirectory()).get(0).quads() > quadsBefore, "the page's graph is in the dump");
            } finally {
                started.stop();
            }
        }
    }

    @Test
    void aCreatedDocumentGraphIsTheAnswersLocation(@TempDir Path dir) throws Exception {
        byte[] export = Files.readAllBytes(Path.of("seeds/29-2099.00.json"));
        try (GraphStore s = GraphStore.open(dir.resolve("db"))) {
            SkillgraphServer started = SkillgraphServer.create(s).base(BASE).port(0).importToken(TOKEN).build().start();
            try {
                HttpResponse<String> created = post(started, "29-2099.00.json", export, TOKEN);
                assertEquals(201, created.statusCode(), created.body());
                assertEquals(BASE + "graph/29-2099.00/v.26.05", JSON.readTree(created.body()).get("graph").asText());
                assertEquals(BASE + "graph/29-2099.00/v.26.05", created.headers().firstValue("Location").orElse(null));
                HttpResponse<String> again = post(started, "29-2099.00.json", export, TOKEN);
                assertEquals(200, again.statusCode(), again.body());
                assertFalse(again.headers().firstValue("Location").isPresent(), "nothing was created");
            } finally {
                started.stop();
            }
        }
    }

    @Test
    void aCompressedBodyOrAFormIsRefusedSayingHowToSendTheDocument(@TempDir Path dir) throws Exception {
        // gzip was read as its compressed bytes ("binary file"), a form (curl -F) as an "unrecognised format"
        byte[] export = Files.readAllBytes(Path.of("seeds/29-2099.00.json"));
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gz)) {
            out.write(export);
        }
        try (GraphStore s = GraphStore.open(dir.resolve("db"))) {
            SkillgraphServer started = SkillgraphServer.create(s).base(BASE).port(0).importToken(TOKEN).build().start();
            try {
                String url = "http://localhost:" + started.port() + "/import?name=29-2099.00.json";
                HttpResponse<String> gzipped = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + TOKEN).header("Content-Encoding", "gzip")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(gz.toByteArray())).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(415, gzipped.statusCode(), gzipped.body());
                assertEquals("29-2099.00.json: send the document's own bytes as the request body (curl --data-binary "
                        + "@FILE), not compressed (Content-Encoding: gzip)", JSON.readTree(gzipped.body()).get("error")
                        .asText());
                HttpResponse<String> form = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + TOKEN)
                        .header("Content-Type", "multipart/form-data; boundary=x")
                        .POST(HttpRequest.BodyPublishers.ofString("--x\r\nContent-Disposition: form-data; name=\"f\""
                                + "\r\n\r\n{}\r\n--x--\r\n")).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(415, form.statusCode(), form.body());
                assertTrue(form.body().contains("not a form's parts (curl -F)"), form.body());
                assertEquals(201, post(started, "29-2099.00.json", export, TOKEN).statusCode(), "the bytes as they are");
            } finally {
                started.stop();
            }
        }
    }

    @Test
    void aWarningNamesTheFileAsTheClientNamedIt(@TempDir Path dir) throws Exception {
        byte[] export = new String(Files.readAllBytes(Path.of("seeds/29-2099.00.json")), StandardCharsets.UTF_8)
                .replace("\"sector\":\"62\"", "\"sector\":\"sixty-two\"").getBytes(StandardCharsets.UTF_8);
        try (GraphStore s = GraphStore.open(dir.resolve("db"))) {
            SkillgraphServer started = SkillgraphServer.create(s).base(BASE).port(0).importToken(TOKEN).build().start();
            try {
                HttpResponse<String> created = post(started, "29-2099.00.json", export, TOKEN);
                assertEquals(201, created.statusCode(), created.body());
                JsonNode warnings = JSON.readTree(created.body()).get("warnings");
                assertEquals(1, warnings.size(), created.body());
                assertTrue(warnings.get(0).asText().startsWith("29-2099.00.json: warning: "), created.body());
                assertFalse(created.body().contains(System.getProperty("java.io.tmpdir")), "no server path: " + created.body());
            } finally {
                started.stop();
            }
        }
    }

    @Test
    void aRejectedDocumentNamesItsFileAndPlaceAndChangesNothing() throws Exception {
        String ttl = get(LEVEL + ".ttl").body();
        HttpResponse<String> r = post(server, "export.json", "{\"occupation\": \n".getBytes(StandardCharsets.UTF_8),
                TOKEN);
        assertEquals(422, r.statusCode());
        String error = JSON.readTree(r.body()).get("error").asText();
        assertTrue(error.startsWith("export.json (line 2"), error);
        assertFalse(error.contains(System.getProperty("java.io.tmpdir")), "no server path in the message: " + error);
        assertEquals(ttl, get(LEVEL + ".ttl").body());
    }

    @Test
    void onlyTheTokenHolderImports() throws Exception {
        HttpResponse<String> none = post(server, "29-2011.00.txt", changed, null);
        assertEquals(401, none.statusCode());
        assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        assertEquals(401, post(server, "29-2011.00.txt", changed, TOKEN + "x").statusCode());
        assertEquals(400, post(server, "../29-2011.00.txt", changed, TOKEN).statusCode());
        // a name whose percent-encoding is malformed is a name it cannot take, not a server error
        try (java.net.Socket socket = new java.net.Socket("localhost", server.port())) { // a client would refuse the URI
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /import?name=%zz HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + TOKEN + "\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII));
            String malformed = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(malformed.startsWith("HTTP/1.1 400 "), malformed);
            assertTrue(malformed.contains("?name=FILE"), malformed);
            assertFalse(malformed.contains("java."), malformed);
        }
        assertEquals(405, get("/import").statusCode());
        // a server started without a token has no import at all: the site is read-only
        assertEquals(405, post(readOnly, "29-2011.00.txt", changed, TOKEN).statusCode());
        assertTrue(get(LEVEL + ".ttl").body().contains(OLD));
        assertThrows(IllegalArgumentException.class, () -> SkillgraphServer.create(store).importToken("short"));
    }

    @Test
    void aRefusedUploadIsReadToItsEndOrItsConnectionEnds() throws Exception {
        // an upload that curl holds back until asked (Expect: 100-continue, which it sends for a large file) is
        // refused without being asked for, so the client sends nothing; Jetty then closes the connection after the
        // answer, and the answer says so, or a client would send its next request down the closed connection
        String held = SparqlProtocolTest.exchange(server.port(), "POST /import?name=29-2011.00.txt HTTP/1.1\r\n"
                + "Host: localhost\r\nContent-Length: 1000000\r\nExpect: 100-continue\r\n\r\n", null, null);
        assertTrue(held.startsWith("HTTP/1.1 401 "), held);
        assertTrue(held.toLowerCase(java.util.Locale.ROOT).contains("\r\nconnection: close\r\n"), held);
        // an upload sent whole is read to its end and thrown away: its answer arrives, and the connection stays for
        // the next request (a 401, and a 413 for a document over 8 MB)
        byte[] tooLarge = new byte[(int) SourceReader.DEFAULT_MAX_BYTES + 1];
        java.util.Arrays.fill(tooLarge, (byte) ' ');
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> refused = i % 5 == 4 ? post(server, "29-2011.00.txt", tooLarge, TOKEN)
                    : post(server, "29-2011.00.txt", changed, i % 2 == 0 ? null : TOKEN + "x");
            assertEquals(i % 5 == 4 ? 413 : 401, refused.statusCode(), refused.body());
            assertTrue(refused.headers().firstValue("Connection").isEmpty(), refused.headers().toString());
        }
        // a chunked upload over 8 MB, which the import reads as far as its limit, is read to its end too, a form's
        // type (curl's by default) and all: the next request on the connection is answered
        byte[] chunk = new byte[1 << 20];
        java.util.Arrays.fill(chunk, (byte) ' ');
        java.io.ByteArrayOutputStream chunked = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < 12; i++) {
            chunked.write(("100000\r\n").getBytes(StandardCharsets.US_ASCII));
            chunked.write(chunk);
            chunked.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        chunked.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        String answers = SparqlProtocolTest.exchange(server.port(), "POST /import?name=29-2011.00.txt HTTP/1.1\r\n"
                + "Host: localhost\r\nAuthorization: Bearer " + TOKEN + "\r\nContent-Type: application/x-www-form-urlencoded"
                + "\r\nTransfer-Encoding: chunked\r\n\r\n", chunked.toByteArray(),
                "GET /import HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertTrue(answers.startsWith("HTTP/1.1 413 "), answers);
        assertTrue(answers.indexOf("HTTP/1.1 405 ") > 0, "the next request on the connection: " + answers);
    }

    @Test
    void theImportAnswersPostAndSaysSo() throws Exception {
        for (String method : List.of("TRACE", "GET", "HEAD", "PUT", "DELETE", "PATCH", "PROPFIND")) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port()
                    + "/import?name=x.json")).method(method, HttpRequest.BodyPublishers.noBody())
                    .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(405, r.statusCode(), method + ": " + r.body());
            assertEquals("POST, OPTIONS", r.headers().firstValue("Allow").orElse(null), method);
            assertFalse(r.body().contains("Authorization") || r.body().contains(TOKEN), "no request echoed: " + r.body());
        }
        HttpResponse<String> options = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port()
                + "/import")).method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals("POST, OPTIONS", options.headers().firstValue("Allow").orElse(null));
    }

    @Test
    void aServerKeepingNoAnswersRunsEveryQuery() throws Exception {
        String ask = "http://localhost:" + readOnly.port() + "/sparql?query="
                + URLEncoder.encode("ASK { ?s ?p ?o }", StandardCharsets.UTF_8);
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(ask)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            assertFalse(r.headers().firstValue("Age").isPresent(), "an answer was kept");
        }
        assertThrows(IllegalArgumentException.class, () -> SkillgraphServer.create(store).queryCacheBytes(-1));
    }
}
