package org.skillgraph.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.Socket;
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
import java.util.List;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillgraph.ingest.Importer;
import org.skillgraph.store.GraphStore;

/** The SPARQL endpoint's answers to requests the protocol says are the client's mistakes, and its negotiation. */
class SparqlProtocolTest {
    static final String BASE = "http://localhost:3030/";
    static final String GRAPH = BASE + "graph/29-2099.00/v.26.05";
    static final String CONSTRUCT = "CONSTRUCT WHERE { ?s <http://www.w3.org/2004/02/skos/core#notation> ?n }";
    static final String SELECT = "SELECT ?s WHERE { ?s ?p ?o } LIMIT 2";

    @TempDir
    static Path tmp;
    static GraphStore store;
    static SkillgraphServer server;
    static String root;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.copy(Path.of("seeds/29-2099.00.json"), in.resolve("export.json"));
        store = GraphStore.open(tmp.resolve("db"));
        new Importer(store, BASE, null, Clock.fixed(Instant.parse("2026-05-20T10:00:00Z"), ZoneOffset.UTC))
                .importPaths(List.of(in));
        server = SkillgraphServer.create(store).base(BASE).port(0).build().start();
        root = "http://localhost:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.stop();
        store.close();
    }

    /** A request on the client's kept connections (a refusal that ends one says so: see aRefusedBody…). */
    static HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(root + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String path, String... headers) throws Exception {
        return send("GET", path, null, headers);
    }

    static String query(String q) {
        return "/sparql?query=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
    }

    static String type(HttpResponse<?> r) {
        return r.headers().firstValue("Content-Type").orElse("(none)");
    }

    /** A 400 (or other status) in plain text whose message says {@code says}, with no Java in it. */
    static void assertPlain(int status, String says, HttpResponse<String> r) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(type(r).startsWith("text/plain"), type(r));
        assertTrue(r.body().contains(says), r.body());
        assertFalse(r.body().contains("java.") || r.body().contains("\tat "), "no stack trace: " + r.body());
    }

    @Test
    void aRefusedBodyIsReadSoItsAnswerArrivesAndTheConnectionStays() throws Exception {
        // an update, a body of a type the endpoint does not take, or a graph-store write (Fuseki's own 405, sent with
        // sendError) is refused without its servlet reading the body; the body is read to its end all the same, so
        // the connection serves the client's next request
        String update = "INSERT DATA { <urn:x> <urn:y> \"" + "z".repeat(2_000) + "\" }";
        String[][] refusals = {{"POST", "/sparql", "application/sparql-update", "400"},
            {"POST", "/sparql", "image/png", "415"}, {"PUT", "/sparql?graph=urn:g", "text/turtle", "405"}};
        for (int i = 0; i < 12; i++) {
            String[] r = refusals[i % refusals.length];
            HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create(root + r[1]))
                    .header("Content-Type", r[2]).method(r[0], HttpRequest.BodyPublishers.ofString(update)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(Integer.parseInt(r[3]), refused.statusCode(), r[0] + " " + r[1] + " " + refused.body());
            assertTrue(refused.headers().firstValue("Connection").isEmpty(), r[0] + " " + r[1] + " " + refused.headers());
            // a query read to its end, in its own body or as a form, leaves the connection open too
            boolean form = i % 2 == 0;
            HttpResponse<String> next = HTTP.send(HttpRequest.newBuilder(URI.create(root + "/sparql"))
                    .header("Content-Type", form ? "application/x-www-form-urlencoded" : "application/sparql-query")
                    .header("Accept", "application/sparql-results+json").header("Cache-Control", "no-cache")
                    .POST(HttpRequest.BodyPublishers.ofString(form ? "query=" + URLEncoder.encode(SELECT,
                            StandardCharsets.UTF_8) : SELECT)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, next.statusCode(), next.body());
            assertTrue(next.headers().firstValue("Connection").isEmpty(), (form ? "form: " : "") + next.headers());
        }
    }

    @Test
    void aLargeRefusedBodyIsReadSoTheClientThatSendsItWholeGetsTheAnswer() throws Exception {
        // a client that writes its whole body before it reads, as most do: a server that closed with the body unread
        // would have its system answer the rest with a reset, the client's write would fail, and the answer be lost
        // (Java's HttpClient lost about one 4 MB refusal in ten that way); the next request on the connection is
        // answered too
        byte[] body = ("ASK {} #" + "x".repeat(12 << 20)).getBytes(StandardCharsets.US_ASCII);
        for (String[] r : new String[][] {{"POST /sparql", "application/sparql-query", "413"},
            {"POST /sparql", "application/sparql-update", "400"}, {"PUT /sparql?graph=urn:g", "text/turtle", "405"}}) {
            String answers = exchange(server.port(), r[0] + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + r[1]
                    + "\r\nContent-Length: " + body.length + "\r\n\r\n", body,
                    "GET /sparql HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertTrue(answers.startsWith("HTTP/1.1 " + r[2] + " "), r[0] + ": " + answers);
            assertFalse(answers.substring(0, answers.indexOf("\r\n\r\n")).toLowerCase(java.util.Locale.ROOT)
                    .contains("connection: close"), answers);
            assertTrue(answers.indexOf("HTTP/1.1 200 ") > 0, "the next request on the connection: " + answers);
        }
    }

    @Test
    void aBodyTheClientHoldsBackOrThatIsTooLongToReadIsNotReadAndTheConnectionEnds() throws Exception {
        // a client that expects 100 (curl, for a large upload) sends nothing until asked: it is answered at once,
        // without being asked, and the answer says the connection ends (Jetty closes it)
        String waiting = exchange(server.port(), "POST /sparql HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
                + "application/sparql-update\r\nContent-Length: 4000000\r\nExpect: 100-continue\r\n\r\n", null, null);
        assertTrue(waiting.startsWith("HTTP/1.1 400 "), waiting);
        assertTrue(waiting.toLowerCase(java.util.Locale.ROOT).contains("\r\nconnection: close\r\n"), waiting);
        // so is one that says its body is longer than is read to be thrown away
        String tooLong = exchange(server.port(), "POST /sparql HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
                + "application/sparql-query\r\nContent-Length: " + (UnreadBodies.MOST_READ + 1) + "\r\n\r\n", null, null);
        assertTrue(tooLong.startsWith("HTTP/1.1 413 "), tooLong);
        assertTrue(tooLong.toLowerCase(java.util.Locale.ROOT).contains("\r\nconnection: close\r\n"), tooLong);
        // a client that expects 100 and whose body is asked for sends it: a query is answered, and the connection
        // serves the next request
        String asked = exchange(server.port(), "POST /sparql HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
                + "application/sparql-query\r\nAccept: text/csv\r\nContent-Length: " + SELECT.length()
                + "\r\nExpect: 100-continue\r\n\r\n", SELECT.getBytes(StandardCharsets.US_ASCII),
                "GET /sparql HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertTrue(asked.startsWith("HTTP/1.1 100 "), asked);
        int query = asked.indexOf("HTTP/1.1 200 ");
        int next = asked.indexOf("HTTP/1.1 200 ", query + 1);
        assertTrue(query > 0 && next > query, asked);
        assertFalse(asked.substring(query, next).toLowerCase(java.util.Locale.ROOT).contains("connection: close"), asked);
    }

    /**
     * What the server on {@code port} sends on one connection, read until it closes it, for a request's head, then
     * its body (if any), then the next request (if any, saying {@code Connection: close}).
     */
    static String exchange(int port, String head, byte[] body, String next) throws Exception {
        try (Socket s = new Socket("localhost", port)) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            if (next != null) {
                out.write(next.getBytes(StandardCharsets.ISO_8859_1));
            }
            out.flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void propertyFunctionArgumentsItCannotTakeAreABadRequest() throws Exception {
        String tooMany = "SELECT * { ?s <http://jena.apache.org/text#query> (1 2 3 4 5 6) }";
        assertPlain(400, "Too many arguments in list", get(query(tooMany), "Accept", "application/sparql-results+json"));
        assertPlain(400, "Too many arguments in list", send("POST", "/sparql", tooMany,
                "Content-Type", "application/sparql-query"));
        assertPlain(400, "Zero-length argument list", get(query("SELECT * { ?s <http://jena.apache.org/text#query> () }")));
        // arguments it takes still run
        HttpResponse<String> ok = get(query("SELECT * { ?s <http://jena.apache.org/text#query> \"nurse\" } LIMIT 1"),
                "Accept", "application/sparql-results+json");
        assertEquals(200, ok.statusCode(), ok.body());
        assertTrue(type(ok).startsWith("application/sparql-results+json"), type(ok));
        assertTrue(new ObjectMapper().readTree(ok.body()).has("results"), ok.body());
    }

    @Test
    void twoQueriesInOneRequestAreABadRequest() throws Exception {
        assertPlain(400, "one query", get("/sparql?query=" + URLEncoder.encode("SELECT * {}", StandardCharsets.UTF_8)
                + "&query=" + URLEncoder.encode("ASK {}", StandardCharsets.UTF_8)));
        assertPlain(400, "2 'query' parameters", send("POST", "/sparql", "query=ASK%20%7B%7D&query=ASK%20%7B%7D",
                "Content-Type", "application/x-www-form-urlencoded"));
    }

    @Test
    void aPostWithNoQueryIsABadRequestAndAnotherMediaTypeIsUnsupported() throws Exception {
        assertPlain(400, "No query", send("POST", "/sparql", null));
        assertPlain(400, "No query", send("POST", "/sparql", "", "Content-Type", "application/x-www-form-urlencoded"));
        HttpResponse<String> xml = send("POST", "/sparql", "SELECT * {}", "Content-Type", "application/xml");
        assertPlain(415, "application/xml", xml);
        assertTrue(xml.body().contains("application/sparql-query"), xml.body());
        // a query in the URL of a POST is still run; a POST of RDF data is still a write, refused as one
        HttpResponse<String> ask = send("POST", query("ASK {}"), null, "Accept", "application/sparql-results+json");
        assertEquals(200, ask.statusCode(), ask.body());
        assertTrue(type(ask).startsWith("application/sparql-results+json"), type(ask));
        assertTrue(new ObjectMapper().readTree(ask.body()).has("boolean"), ask.body());
        HttpResponse<String> data = send("POST", "/sparql", "<urn:a> <urn:b> <urn:c> .", "Content-Type", "text/turtle");
        assertPlain(405, "not allowed", data);
        assertEquals("GET, HEAD, POST, OPTIONS", data.headers().firstValue("Allow").orElse(null));
    }

    @Test
    void malformedPercentEncodingIsABadRequestSayingSo() throws Exception {
        for (String target : List.of("/sparql?query=SELECT%zz", "/sparql?query=%FF", "/sparql?query=ASK%7B%7D&x=%2")) {
            String[] r = raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertEquals("400", r[0], target);
            assertTrue(r[1].toLowerCase(java.util.Locale.ROOT).contains("\ncontent-type: text/plain"), target + "\n" + r[1]);
            assertTrue(r[2].contains("query string's percent-encoding is malformed"), target + "\n" + r[2]);
        }
        assertPlain(400, "form body's parameters cannot be read", send("POST", "/sparql", "query=ASK%zz",
                "Content-Type", "application/x-www-form-urlencoded"));
    }

    /** Status, headers and body of a request written as it is (a client would refuse a malformed URI). */
    static String[] raw(String request) throws Exception {
        String all = exchange(server.port(), request, null, null);
        int end = all.indexOf("\r\n\r\n");
        return new String[] {all.substring(9, 12), all.substring(0, end).replace("\r\n", "\n"), all.substring(end + 4)};
    }

    @Test
    void qualitiesAreWeighedWhenARangeHasOtherParameters() throws Exception {
        // Jena's MediaType reads everything after a range's first parameter as that parameter's value: the charset's
        // value was "utf-8;q=0.5", the range had no q and weighed 1, and JSON was chosen over the CSV asked for
        HttpResponse<String> csv = get(query(SELECT), "Accept",
                "application/sparql-results+json;charset=utf-8;q=0.5, text/csv;q=0.6");
        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(type(csv).startsWith("text/csv"), type(csv));
        HttpResponse<String> rdfXml = get(query(CONSTRUCT), "Accept",
                "text/turtle;charset=utf-8;q=0.5, application/rdf+xml;q=0.6");
        assertEquals(200, rdfXml.statusCode(), rdfXml.body());
        assertTrue(type(rdfXml).startsWith("application/rdf+xml"), type(rdfXml));
        // a JSON-LD profile does not hide the range's quality either
        HttpResponse<String> turtle = get(query(CONSTRUCT), "Accept",
                "application/ld+json;profile=\"http://www.w3.org/ns/json-ld#compacted\";q=0.2, text/turtle;q=0.9");
        assertEquals(200, turtle.statusCode(), turtle.body());
        assertTrue(type(turtle).startsWith("text/turtle"), type(turtle));
    }

    @Test
    void mediaTypesInAcceptAreCaseInsensitive() throws Exception {
        HttpResponse<String> csv = get(query(SELECT), "Accept", "TEXT/CSV");
        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(type(csv).startsWith("text/csv"), type(csv));
        assertTrue(csv.body().startsWith("s\r\n"), csv.body());
        HttpResponse<String> json = get(query(SELECT), "Accept", "Application/SPARQL-Results+JSON");
        assertEquals(200, json.statusCode(), json.body());
        assertTrue(type(json).startsWith("application/sparql-results+json"), type(json));
        assertEquals(2, new ObjectMapper().readTree(json.body()).at("/results/bindings").size(), json.body());
        HttpResponse<String> turtle = get(query(CONSTRUCT), "Accept", "Text/Turtle");
        assertEquals(200, turtle.statusCode(), turtle.body());
        assertTrue(type(turtle).startsWith("text/turtle"), type(turtle));
        assertTrue(parse(turtle.body(), Lang.TURTLE).size() > 0, turtle.body());
    }

    @Test
    void applicationJsonIsJsonLdForAGraphAndSparqlJsonForResults() throws Exception {
        for (String q : List.of(CONSTRUCT, "DESCRIBE <" + BASE + "id/occupation/29-2099.00>")) {
            HttpResponse<String> r = get(query(q), "Accept", "application/json");
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(type(r).startsWith("application/ld+json"), q + ": " + type(r));
            assertTrue(parse(r.body(), Lang.JSONLD).size() > 0, r.body());
        }
        HttpResponse<String> gsp = get("/sparql?graph=" + URLEncoder.encode(GRAPH, StandardCharsets.UTF_8),
                "Accept", "application/json");
        assertEquals(200, gsp.statusCode());
        assertTrue(type(gsp).startsWith("application/ld+json"), type(gsp));
        assertTrue(parse(gsp.body(), Lang.JSONLD).size() > 600);
        HttpResponse<String> select = get(query(SELECT), "Accept", "application/json");
        assertEquals(200, select.statusCode(), select.body());
        assertTrue(type(select).startsWith("application/json"), type(select));
        assertEquals(2, new ObjectMapper().readTree(select.body()).at("/results/bindings").size(), select.body());
        HttpResponse<String> ask = get(query("ASK {}"), "Accept", "application/json");
        assertTrue(type(ask).startsWith("application/json"), type(ask));
        assertTrue(new ObjectMapper().readTree(ask.body()).get("boolean").asBoolean(), ask.body());
    }

    @Test
    void aGraphWithoutAcceptIsTurtleAsOnTheRestOfTheSite() throws Exception {
        HttpResponse<String> r = get("/sparql?graph=" + URLEncoder.encode(GRAPH, StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode());
        assertTrue(type(r).startsWith("text/turtle"), type(r));
        assertTrue(parse(r.body(), Lang.TURTLE).size() > 600);
    }

    @Test
    void aReadOfTheWholeStoreThroughTheGraphStoreIsSentToTheDump() throws Exception {
        // the default graph queries see is the union of every graph: read whole, it is the dump, a prepared file
        for (String path : List.of("/sparql?default", "/sparql?default=", "/sparql?graph=urn:x-arq:UnionGraph")) {
            HttpResponse<String> r = get(path, "Accept", "application/n-triples");
            assertEquals(303, r.statusCode(), path + ": " + r.body());
            assertEquals("/dumps/skillgraph.nq.gz", r.headers().firstValue("Location").orElse(""), path);
            assertTrue(r.body().startsWith("The default graph is the union of every named graph"), r.body());
        }
        assertEquals(303, send("HEAD", "/sparql?default", null).statusCode());
        // one document's graph is read as before, and a query of the default graph sees the union
        assertEquals(200, get("/sparql?graph=" + URLEncoder.encode(GRAPH, StandardCharsets.UTF_8)).statusCode());
        HttpResponse<String> count = get("/sparql?query=" + URLEncoder.encode("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }",
                StandardCharsets.UTF_8), "Accept", "text/csv");
        assertTrue(Long.parseLong(count.body().lines().skip(1).findFirst().orElseThrow().strip()) > 600, count.body());
    }

    @Test
    void aQueryPostedAsPlainTextIsUnsupportedAndAQueryInBothBodyAndUrlIsRefused() throws Exception {
        HttpResponse<String> plain = send("POST", "/sparql", SELECT, "Content-Type", "text/plain");
        assertEquals(415, plain.statusCode(), plain.body());
        assertTrue(plain.body().contains("not text/plain"), plain.body());
        HttpResponse<String> both = send("POST", "/sparql?query=" + URLEncoder.encode("ASK {}", StandardCharsets.UTF_8),
                SELECT, "Content-Type", "application/sparql-query");
        assertEquals(400, both.statusCode(), both.body());
        assertTrue(both.body().contains("one in its body (application/sparql-query) and another in the URL"),
                both.body());
    }

    @Test
    void aQueryOverAMegabyteIsTooLarge() throws Exception {
        // the parser's time grows with the square of the longest token: a 10 MB comment took minutes before this
        String longComment = "ASK {} #" + "x".repeat(SparqlFilter.MAX_QUERY);
        assertPlain(413, "at most", send("POST", "/sparql", longComment, "Content-Type", "application/sparql-query"));
        assertPlain(413, "at most", send("POST", "/sparql", "query=" + URLEncoder.encode(longComment,
                StandardCharsets.UTF_8), "Content-Type", "application/x-www-form-urlencoded"));
        // a body without a Content-Length is read only as far as the limit
        HttpResponse<String> chunked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(root + "/sparql"))
                .header("Content-Type", "application/sparql-query").POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(longComment.getBytes(StandardCharsets.UTF_8)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertPlain(413, "at most", chunked);
        // a long query within the limit still runs
        HttpResponse<String> ok = send("POST", "/sparql", "ASK {} #" + "x".repeat(100_000),
                "Content-Type", "application/sparql-query", "Accept", "application/sparql-results+json");
        assertEquals(200, ok.statusCode(), ok.body());
    }

    static Model parse(String body, Lang lang) {
        Model m = ModelFactory.createDefaultModel();
        RDFParser.source(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))).lang(lang).parse(m);
        return m;
    }
}
