package org.skillgraph.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
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
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.skillgraph.ingest.Importer;
import org.skillgraph.store.GraphStore;
import org.skillgraph.vocab.ASN;
import org.skillgraph.vocab.CEASN;

/** The server over real HTTP on a free port: every route, format and status code. */
class ServerTest {
    static final String BASE = "http://localhost:3030/";
    static final String OCC = BASE + "id/occupation/29-2011.00";
    static final String LEVEL = BASE + "id/framework/29-2011.00/occupational/v.26.05/level/emerging";

    @TempDir
    static Path tmp;
    static GraphStore store;
    static SkillgraphServer server;
    static String root;
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.copy(Path.of("seeds/29-2099.00.json"), in.resolve("export.json"));
        // the page, with markup and entities inside one statement: they must show as text
        String page = Files.readString(Path.of("seeds/29-2011.00.txt"), StandardCharsets.UTF_8).replace(
                "Biological sample preparationperform basic processing steps",
                "Biological sample preparationperform <b>basic</b> & \"careful\" <script>alert(1)</script> steps");
        Files.writeString(in.resolve("page.txt"), page, StandardCharsets.UTF_8);
        store = GraphStore.open(tmp.resolve("db"));
        new Importer(store, BASE, null, Clock.fixed(Instant.parse("2026-05-20T10:00:00Z"), ZoneOffset.UTC))
                .importPaths(List.of(in));
        server = SkillgraphServer.create(store).base(BASE).port(0).resultLimit(25).descriptionPageSize(5)
                .queryTimeoutMillis(5_000).shaclValidation(true).build().start();
        root = "http://localhost:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.stop();
        store.close();
    }

    static HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(root + path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> send(String method, String path, String contentType, String body, String... headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(root + path)).header("Content-Type", contentType)
                .header("Accept", "application/sparql-results+json");
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static Model parse(String body, Lang lang) {
        Model m = ModelFactory.createDefaultModel();
        RDFParser.source(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))).lang(lang).parse(m);
        return m;
    }

    // ---- linked data --------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({
        "'', ttl",
        "*/*, ttl",
        "text/turtle, ttl",
        "application/ld+json, jsonld",
        "application/rdf+xml, rdf",
        "application/n-triples, nt",
        "'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', html",
        "'text/turtle;q=0.5, application/ld+json;q=0.9', jsonld",
        "'text/html;q=0.1, application/n-triples', nt",
        "TEXT/TURTLE, ttl",
        "'Application/LD+JSON', jsonld",
        "'text/turtle;q=0, */*', jsonld",
        "'*/*;q=0.1, text/turtle;q=0, application/ld+json;q=0', rdf",
        "application/json, jsonld",
        "'application/json, application/rdf+xml;q=0.5', jsonld",
        "'application/*', jsonld",
        "'text/turtle;q=0.1, */*;q=0.5', jsonld",
        "'application/ld+json;q=0, application/json, text/turtle;q=0.5', ttl",
        "'text/*;q=0, text/html', html",
        // the other names Jena gives a format: N-Triples' text/plain (rdflib's parse(url, format="nt") asks for it
        // so), Turtle's application/turtle; never over the format's own name, nor for a format refused by it
        "'text/plain, */*;q=0.1', nt",
        "'application/turtle', ttl",
        "'application/rdf+xml;q=0.5, text/plain', nt",
        "'text/plain, application/n-triples', nt",
        "'application/n-triples;q=0, text/plain, text/html;q=0.5', html"})
    void aResourceUriAnswers303ToTheNegotiatedDocument(String accept, String ext) throws Exception {
        HttpResponse<String> r = accept.isEmpty() ? get("/id/occupation/29-2011.00")
                : get("/id/occupation/29-2011.00", "Accept", accept);
        assertEquals(303, r.statusCode());
        assertEquals("/doc/occupation/29-2011.00." + ext, r.headers().firstValue("Location").orElseThrow());
        assertTrue(r.headers().allValues("Vary").contains("Accept"), r.headers().toString());
        assertTrue(r.headers().firstValue("Link").orElseThrow().contains("</doc/occupation/29-2011.00.jsonld>; "
                + "rel=\"alternate\"; type=\"application/ld+json\""));
    }

    @Test
    void anExtensionOnTheResourceUriOverridesAccept() throws Exception {
        HttpResponse<String> r = get("/id/occupation/29-2011.00.rdf", "Accept", "text/html");
        assertEquals(303, r.statusCode());
        assertEquals("/doc/occupation/29-2011.00.rdf", r.headers().firstValue("Location").orElseThrow());
        assertFalse(r.headers().allValues("Vary").contains("Accept"), "the extension chose: " + r.headers());
    }

    @ParameterizedTest
    @CsvSource({"ttl, TURTLE", "jsonld, JSONLD", "rdf, RDFXML", "nt, NTRIPLES"})
    void everyRdfFormatDescribesTheResourceAndWhatLinksToIt(String ext, String lang) throws Exception {
        HttpResponse<String> r = get("/doc/framework/29-2011.00/occupational/v.26.05/level/emerging." + ext);
        assertEquals(200, r.statusCode(), r.body());
        Model m = parse(r.body(), org.apache.jena.riot.RDFLanguages.nameToLang(lang));
        var level = m.createResource(LEVEL);
        assertTrue(m.contains(level, SKOS.prefLabel, m.createLiteral("Emerging", "en")), r.body());
        // incoming structural links: the level lists its statements (first page), with their labels
        long incoming = m.listStatements(null, null, level).filterDrop(st -> st.getPredicate().equals(FOAF.primaryTopic))
                .toList().size();
        assertEquals(5, incoming, "one page of incoming links");
        var first = m.listSubjectsWithProperty(ASN.hasProgressionLevel, level).next();
        assertTrue(first.hasProperty(CEASN.competencyLabel) || first.hasProperty(SKOS.prefLabel));
        // bounded: the next page is linked
        assertTrue(r.body().contains("hydra") && r.body().contains("page=2"), "no link to the next page");
        assertFalse(r.headers().allValues("Vary").contains("Accept"), "an explicit extension does not vary");
    }

    @Test
    void pagesOfIncomingLinksCoverEverythingOnce() throws Exception {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int page = 1; page <= 3; page++) {
            Model m = parse(get("/doc/framework/29-2011.00/occupational/v.26.05/level/emerging.nt?page=" + page).body(),
                    Lang.NTRIPLES);
            m.listSubjectsWithProperty(ASN.hasProgressionLevel, m.createResource(LEVEL))
                    .forEachRemaining(s -> assertTrue(seen.add(s.getURI()), "twice: " + s));
        }
        assertEquals(10, seen.size());
        HttpResponse<String> past = get("/doc/framework/29-2011.00/occupational/v.26.05/level/emerging.nt?page=50");
        assertEquals(404, past.statusCode(), "no page after the last");
        assertTrue(past.body().contains("page 50"), past.body());
        HttpResponse<String> huge = get("/doc/framework/29-2011.00/occupational/v.26.05/level/emerging.nt?page=99999999999");
        assertEquals(400, huge.statusCode());
        assertTrue(huge.body().contains("from 1 to 100000"), huge.body());
    }

    static final String LEVEL_DOC = "/doc/framework/29-2011.00/occupational/v.26.05/level/emerging";

    @ParameterizedTest
    @CsvSource({"ttl, TURTLE", "jsonld, JSONLD", "rdf, RDFXML", "nt, NTRIPLES"})
    void eachPageOfADescriptionStatesItsNeighboursAboutItsOwnUrl(String ext, String lang) throws Exception {
        var hydra = "http://www.w3.org/ns/hydra/core#";
        String doc = root + LEVEL_DOC + "." + ext;
        java.util.Map<String, String> pages = java.util.Map.of("", doc, "?page=2", doc + "?page=2");
        for (var asked : pages.entrySet()) {
            HttpResponse<String> r = get(LEVEL_DOC + "." + ext + asked.getKey());
            assertEquals(200, r.statusCode(), r.body());
            Model m = parse(r.body(), org.apache.jena.riot.RDFLanguages.nameToLang(lang));
            var self = m.createResource(asked.getValue());
            boolean first = asked.getKey().isEmpty();
            // the page fetched is the document: its topic, and the pages before and after it
            assertTrue(m.contains(self, FOAF.primaryTopic, m.createResource(LEVEL)), r.body());
            assertTrue(m.contains(self, m.createProperty(hydra + "first"), m.createResource(doc)), r.body());
            assertEquals(first ? null : doc, object(m, self, hydra + "previous"), r.body());
            assertEquals(doc + (first ? "?page=2" : "?page=3"), object(m, self, hydra + "next"), r.body());
            assertEquals(first ? 3 : 4, m.listStatements(self, null, (org.apache.jena.rdf.model.RDFNode) null)
                    .toList().size(), "topic, first, [previous,] next: " + r.body());
            // and nothing about another document
            assertEquals(1, m.listSubjectsWithProperty(FOAF.primaryTopic).toList().size(), r.body());
            String link = r.headers().firstValue("Link").orElseThrow();
            String path = LEVEL_DOC + "." + ext;
            assertTrue(link.contains("<" + path + ">; rel=\"first\""), link);
            assertEquals(!first, link.contains("<" + path + ">; rel=\"prev\""), link);
            assertTrue(link.contains("<" + path + (first ? "?page=2" : "?page=3") + ">; rel=\"next\""), link);
            assertTrue(link.contains("<" + path + asked.getKey() + ">; rel=\"alternate\"; type=\""),
                    "the alternates stay: " + link);
        }
        // the last page: previous, and no next
        HttpResponse<String> last = get(LEVEL_DOC + "." + ext + "?page=3");
        Model m = parse(last.body(), org.apache.jena.riot.RDFLanguages.nameToLang(lang));
        var self = m.createResource(doc + "?page=3");
        assertEquals(doc + "?page=2", object(m, self, hydra + "previous"), last.body());
        assertEquals(null, object(m, self, hydra + "next"), last.body());
        String link = last.headers().firstValue("Link").orElseThrow();
        assertTrue(link.contains("<" + LEVEL_DOC + "." + ext + "?page=2>; rel=\"prev\""), link);
        assertFalse(link.contains("rel=\"next\""), link);
    }

    @Test
    void aDescriptionOnOnePageHasNoPagingControls() throws Exception {
        HttpResponse<String> r = get(LEVEL_DOC + "/statement/1.ttl"); // linked from nothing
        Model m = parse(r.body(), Lang.TURTLE);
        assertTrue(m.contains(m.createResource(root + LEVEL_DOC + "/statement/1.ttl"), FOAF.primaryTopic,
                m.createResource(LEVEL + "/statement/1")), r.body());
        assertFalse(r.body().contains("hydra"), r.body());
        assertFalse(r.headers().firstValue("Link").orElseThrow().matches(".*rel=\"(first|prev|next)\".*"));
    }

    @Test
    void aNegotiatedPageIsNamedByItsFormatsUrlWithItsPage() throws Exception {
        HttpResponse<String> r = get(LEVEL_DOC + "?page=2", "Accept", "application/n-triples");
        assertEquals(LEVEL_DOC + ".nt?page=2", r.headers().firstValue("Content-Location").orElseThrow());
        Model m = parse(r.body(), Lang.NTRIPLES);
        var self = m.createResource(root + LEVEL_DOC + ".nt?page=2");
        assertTrue(m.contains(self, FOAF.primaryTopic, m.createResource(LEVEL)), r.body());
        assertEquals(root + LEVEL_DOC + ".nt", object(m, self, "http://www.w3.org/ns/hydra/core#previous"));
        // ?page=1 asked for: that URL is the document, and the first page is named without ?page
        Model one = parse(get(LEVEL_DOC + ".nt?page=1").body(), Lang.NTRIPLES);
        var asked = one.createResource(root + LEVEL_DOC + ".nt?page=1");
        assertTrue(one.contains(asked, FOAF.primaryTopic, one.createResource(LEVEL)));
        assertEquals(root + LEVEL_DOC + ".nt", object(one, asked, "http://www.w3.org/ns/hydra/core#first"));
    }

    @Test
    void theHtmlPagesLinkTheirNeighboursLikeTheRdfFormats() throws Exception {
        HttpResponse<String> r = get(LEVEL_DOC + ".html?page=2");
        String link = r.headers().firstValue("Link").orElseThrow();
        assertTrue(link.contains("<" + LEVEL_DOC + ".html>; rel=\"prev\""), link);
        assertTrue(link.contains("<" + LEVEL_DOC + ".html?page=3>; rel=\"next\""), link);
        org.jsoup.nodes.Document html = org.jsoup.Jsoup.parse(r.body());
        assertEquals(LEVEL_DOC + ".html", html.head().select("link[rel=prev]").attr("href"));
        assertEquals(LEVEL_DOC + ".html?page=3", html.head().select("link[rel=next]").attr("href"));
        assertEquals(LEVEL_DOC + ".html", html.select("nav.pager a[rel=prev]").attr("href"));
        assertEquals(LEVEL_DOC + ".html?page=3", html.select("nav.pager a[rel=next]").attr("href"));
    }

    @Test
    void theAlternatesOfAPageAreThatPageInTheOtherFormats() throws Exception {
        String level = "/id/framework/29-2011.00/occupational/v.26.05/level/emerging";
        HttpResponse<String> turtle = get(LEVEL_DOC + ".ttl?page=2");
        java.util.Set<String> onPage = statementsAt(parse(turtle.body(), Lang.TURTLE));
        assertEquals(5, onPage.size(), turtle.body());
        String link = turtle.headers().firstValue("Link").orElseThrow();
        for (String[] f : new String[][] {{"jsonld", "JSONLD"}, {"rdf", "RDFXML"}, {"nt", "NTRIPLES"}}) {
            String alternate = LEVEL_DOC + "." + f[0] + "?page=2";
            assertTrue(link.contains("<" + alternate + ">; rel=\"alternate\""), link);
            HttpResponse<String> r = get(alternate);
            assertEquals(onPage, statementsAt(parse(r.body(), org.apache.jena.riot.RDFLanguages.nameToLang(f[1]))),
                    "the alternate holds the links of the page it stands for: " + alternate);
        }
        // the page's HTML names the same alternates, in its head and its body; and so does the 303 of ?page=2
        org.jsoup.nodes.Document html = org.jsoup.Jsoup.parse(get(LEVEL_DOC + ".html?page=2").body());
        assertEquals(LEVEL_DOC + ".jsonld?page=2",
                html.head().select("link[rel=alternate][type=application/ld+json]").attr("href"));
        assertEquals(LEVEL_DOC + ".nt?page=2", html.select("p.formats a[type=application/n-triples]").attr("href"));
        String seeOther = get(level + "?page=2", "Accept", "text/turtle").headers().firstValue("Link").orElseThrow();
        assertTrue(seeOther.contains("<" + LEVEL_DOC + ".rdf?page=2>; rel=\"alternate\""), seeOther);
        // the first page's alternates are named without ?page
        assertTrue(get(LEVEL_DOC + ".ttl").headers().firstValue("Link").orElseThrow()
                .contains("<" + LEVEL_DOC + ".jsonld>; rel=\"alternate\""));
    }

    private static java.util.Set<String> statementsAt(Model m) {
        java.util.Set<String> s = new java.util.TreeSet<>();
        m.listSubjectsWithProperty(ASN.hasProgressionLevel, m.createResource(LEVEL))
                .forEachRemaining(r -> s.add(r.getURI()));
        return s;
    }

    /** The one object of {@code s p} as a URI, or null; more than one fails. */
    private static String object(Model m, org.apache.jena.rdf.model.Resource s, String p) {
        List<org.apache.jena.rdf.model.RDFNode> os = m.listObjectsOfProperty(s, m.createProperty(p)).toList();
        assertTrue(os.size() <= 1, p + ": " + os);
        return os.isEmpty() ? null : os.get(0).asResource().getURI();
    }

    @Test
    void theDocumentWithoutExtensionIsNegotiatedWithContentLocation() throws Exception {
        HttpResponse<String> r = get("/doc/occupation/29-2011.00", "Accept", "application/n-triples");
        assertEquals(200, r.statusCode());
        assertEquals("/doc/occupation/29-2011.00.nt", r.headers().firstValue("Content-Location").orElseThrow());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("application/n-triples"));
        assertTrue(r.headers().allValues("Vary").contains("Accept"), r.headers().toString());
        Model m = parse(r.body(), Lang.NTRIPLES);
        assertTrue(m.contains(m.createResource(OCC), SKOS.notation, "29-2011.00"));
    }

    @Test
    void conditionalGetAnswers304() throws Exception {
        HttpResponse<String> r = get("/doc/occupation/29-2011.00.ttl");
        String etag = r.headers().firstValue("ETag").orElseThrow();
        String modified = r.headers().firstValue("Last-Modified").orElseThrow();
        assertEquals("Wed, 20 May 2026 10:00:00 GMT", modified);
        assertEquals(304, get("/doc/occupation/29-2011.00.ttl", "If-None-Match", etag).statusCode());
        assertEquals(304, get("/doc/occupation/29-2011.00.ttl", "If-Modified-Since", modified).statusCode());
        assertEquals(200, get("/doc/occupation/29-2011.00.ttl", "If-None-Match", "\"other\"").statusCode());
        assertEquals(200, get("/doc/occupation/29-2011.00.ttl", "If-Modified-Since",
                "Tue, 19 May 2026 10:00:00 GMT").statusCode());
    }

    @Test
    void theRootSendsAnRdfClientToTheDatasetDescription() throws Exception {
        String browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        for (String[] c : new String[][] {{"text/turtle", "ttl"}, {"application/ld+json", "jsonld"},
            {"application/rdf+xml", "rdf"}, {"application/n-triples", "nt"}, {"text/turtle, text/html;q=0.9", "ttl"}}) {
            HttpResponse<String> r = get("/", "Accept", c[0]);
            assertEquals(303, r.statusCode(), c[0]);
            assertEquals("/.well-known/void." + c[1], r.headers().firstValue("Location").orElse(null), c[0]);
            assertTrue(r.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept")), c[0]);
            assertEquals(200, get("/.well-known/void." + c[1]).statusCode(), c[0]);
        }
        // a browser, curl's */*, no Accept, or HTML as much as Turtle: the home page
        for (String accept : new String[] {browser, "*/*", "text/html, text/turtle", "text/turtle;q=0.5, */*;q=0.5"}) {
            HttpResponse<String> r = get("/", "Accept", accept);
            assertEquals(200, r.statusCode(), accept);
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), accept);
        }
        assertEquals(200, get("/").statusCode());
    }

    @Test
    void everyAnswerOfTheSiteIsRevalidatedBeforeACacheUsesIt() throws Exception {
        // with only a Last-Modified, a cache may keep a page for a tenth of its age (or a 404 by its own default):
        // an import would not show through it. no-cache: kept, but asked again with the ETag before each use
        HttpResponse<String> page = get("/doc/occupation/29-2011.00.ttl");
        String etag = page.headers().firstValue("ETag").orElseThrow();
        for (HttpResponse<String> r : List.of(page, get("/doc/occupation/29-2011.00.html"),
                get("/doc/occupation/29-2011.00.ttl", "If-None-Match", etag), get("/id/occupation/29-2011.00"),
                get("/doc/occupation/99-9999.00.ttl"), get("/static/style.css"), get("/"))) {
            assertEquals("no-cache", r.headers().firstValue("Cache-Control").orElse(null), r.statusCode() + " " + r.uri());
        }
        assertEquals(304, get("/doc/occupation/29-2011.00.ttl", "If-None-Match", etag).statusCode());
        assertEquals(404, get("/doc/occupation/99-9999.00.ttl").statusCode());
        HttpResponse<String> refused = sendBody("DELETE", "/doc/occupation/29-2011.00.ttl", "text/plain", "");
        assertEquals(405, refused.statusCode());
        assertEquals("no-cache", refused.headers().firstValue("Cache-Control").orElse(null), "a 405 too");
    }

    /** A GET, HEAD or POST whose answer is kept as bytes, as sent (compressed or not). */
    static HttpResponse<byte[]> raw(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(root + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static byte[] gunzip(byte[] bytes) throws Exception {
        try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }

    @Test
    void answersAreCompressedForAClientThatAcceptsGzip() throws Exception {
        for (String path : List.of("/doc/occupation/29-2011.00.ttl", "/doc/occupation/29-2011.00.html", "/changes")) {
            HttpResponse<byte[]> plain = raw("GET", path, null);
            assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty(), "only when asked: " + path);
            HttpResponse<byte[]> gz = raw("GET", path, null, "Accept-Encoding", "gzip");
            assertEquals("gzip", gz.headers().firstValue("Content-Encoding").orElse(null), path);
            assertTrue(gz.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept-Encoding")), path);
            assertTrue(gz.body().length * 3 < plain.body().length, path + ": " + gz.body().length + " bytes");
            assertEquals(new String(plain.body(), StandardCharsets.UTF_8),
                    new String(gunzip(gz.body()), StandardCharsets.UTF_8), path);
            // the compressed answer has a tag of its own, and a conditional request with it is a 304
            String tag = gz.headers().firstValue("ETag").orElseThrow();
            assertEquals(plain.headers().firstValue("ETag").orElseThrow().replaceAll("\"$", "--gzip\""), tag, path);
            assertEquals(304, raw("GET", path, null, "Accept-Encoding", "gzip", "If-None-Match", tag).statusCode());
            // a HEAD's headers are its GET's
            HttpResponse<byte[]> head = raw("HEAD", path, null, "Accept-Encoding", "gzip");
            for (String h : List.of("Content-Encoding", "ETag", "Content-Length", "Content-Type")) {
                assertEquals(gz.headers().firstValue(h), head.headers().firstValue(h), path + " " + h);
            }
        }
        // the endpoint's service description: HEAD's headers are GET's too
        HttpResponse<byte[]> description = raw("GET", "/sparql", null, "Accept", "text/turtle", "Accept-Encoding", "gzip");
        assertEquals("gzip", description.headers().firstValue("Content-Encoding").orElse(null));
        HttpResponse<byte[]> described = raw("HEAD", "/sparql", null, "Accept", "text/turtle", "Accept-Encoding", "gzip");
        for (String h : List.of("Content-Encoding", "Content-Length", "Content-Type")) {
            assertEquals(description.headers().firstValue(h), described.headers().firstValue(h), "/sparql " + h);
        }
        // a SPARQL answer, to a query sent as its own body
        String query = "SELECT ?s ?p ?o { GRAPH ?g { ?s ?p ?o } } ORDER BY ?s ?p ?o"; // the server keeps 25 rows
        HttpResponse<byte[]> plain = raw("POST", "/sparql", query, "Content-Type", "application/sparql-query",
                "Accept", "application/sparql-results+json", "Cache-Control", "no-cache");
        HttpResponse<byte[]> answer = raw("POST", "/sparql", query, "Content-Type", "application/sparql-query",
                "Accept", "application/sparql-results+json", "Accept-Encoding", "gzip");
        assertEquals(200, answer.statusCode());
        assertEquals("gzip", answer.headers().firstValue("Content-Encoding").orElse(null));
        JsonNode bindings = new ObjectMapper().readTree(gunzip(answer.body())).path("results").path("bindings");
        assertEquals(25, bindings.size());
        assertEquals(new ObjectMapper().readTree(plain.body()).path("results").path("bindings"), bindings);
    }

    @Test
    void a304HasNoContentLength() throws Exception {
        // RFC 9110 §8.6, §15.4.5: a 304 sends no Content-Length, or the 200's; not 0
        for (String path : List.of("/doc/occupation/29-2011.00.ttl", "/doc/occupation/29-2011.00.html")) {
            HttpResponse<String> r = get(path);
            String etag = r.headers().firstValue("ETag").orElseThrow();
            for (String[] condition : List.of(new String[] {"If-None-Match", etag},
                    new String[] {"If-Modified-Since", r.headers().firstValue("Last-Modified").orElseThrow()})) {
                HttpResponse<String> same = get(path, condition);
                assertEquals(304, same.statusCode(), path + " " + condition[0]);
                assertEquals(null, same.headers().firstValue("Content-Length").orElse(null), path + " " + condition[0]);
                assertEquals(etag, same.headers().firstValue("ETag").orElse(null), path + " " + condition[0]);
                assertEquals(r.headers().allValues("Vary"), same.headers().allValues("Vary"), path + " " + condition[0]);
            }
        }
    }

    @Test
    void unknownResourcesAre404InHtmlForBrowsersAndPlainForRdfClients() throws Exception {
        HttpResponse<String> html = get("/id/occupation/00-0000.00", "Accept", "text/html");
        assertEquals(404, html.statusCode());
        assertTrue(html.body().contains("<h1>Not found</h1>"), html.body());
        HttpResponse<String> plain = get("/id/occupation/00-0000.00", "Accept", "text/turtle");
        assertEquals(404, plain.statusCode());
        assertTrue(plain.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"));
        assertEquals(404, get("/doc/occupation/00-0000.00.ttl").statusCode());
        assertEquals(404, get("/no/such/page").statusCode());
    }

    @Test
    void unacceptableTypesAre406() throws Exception {
        HttpResponse<String> png = get("/id/occupation/29-2011.00", "Accept", "image/png");
        assertEquals(406, png.statusCode());
        for (String offered : List.of("text/turtle", "application/ld+json", "application/json", "text/plain",
                "application/turtle")) {
            assertTrue(png.body().contains(offered), "the 406 lists " + offered + ", which negotiation answers: "
                    + png.body());
        }
        assertFalse(png.body().contains("x/"), "only media types: " + png.body());
        assertEquals(406, get("/id/occupation/29-2011.00", "Accept", "x/ld-json-11").statusCode());
        assertEquals(406, get("/id/occupation/29-2011.00", "Accept", "text/turtle;q=0").statusCode(),
                "q=0 is a refusal");
        assertEquals(406, get("/id/occupation/29-2011.00", "Accept", "*/*;q=0").statusCode());
        assertEquals(406, get("/doc/occupation/29-2011.00", "Accept", "application/pdf").statusCode());
    }

    @Test
    void theBaseIsConfigurationNotTheHost() throws Exception {
        try (GraphStore other = GraphStore.open(tmp.resolve("other"))) {
            new Importer(other, "https://data.example.org/", null).importPaths(List.of(Path.of("seeds/29-2099.00.json")));
            SkillgraphServer s = SkillgraphServer.create(other).base("https://data.example.org/").port(0).build().start();
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port()
                        + "/doc/occupation/29-2099.00.nt")).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode());
                assertTrue(r.body().contains("<https://data.example.org/id/occupation/29-2099.00>"), r.body());
            } finally {
                s.stop();
            }
        }
    }

    // ---- HTML --------------------------------------------------------------------------------------

    @Test
    void theOccupationPageIsAReadableDocumentAndEscapesSourceText() throws Exception {
        HttpResponse<String> r = get("/doc/occupation/29-2011.00.html");
        assertEquals(200, r.statusCode());
        String html = r.body();
        assertTrue(html.contains("<h1>Medical and Clinical Laboratory Technologists</h1>"));
        assertTrue(html.contains("Entry / Apprentice"));
        assertTrue(html.contains("href=\"/id/source/anthropic-economic-index\""), "citation chips link to sources");
        assertTrue(html.contains("href=\"/id/anchor/skill/critical-thinking\""), "anchors link to their pages");
        assertTrue(html.contains("Communication"), "durable-skill domains");
        assertTrue(html.contains("&lt;b&gt;basic&lt;/b&gt; &amp; \"careful\" &lt;script&gt;alert(1)&lt;/script&gt;"),
                "markup in statement text shows as text");
        assertFalse(html.contains("<script>alert(1)</script>"));
        assertFalse(html.contains("<b>basic</b>"));
    }

    @Test
    void anAnchorPageListsTheOccupationsUsingIt() throws Exception {
        String html = get("/doc/anchor/skill/science.html").body();
        assertTrue(html.contains("href=\"/id/occupation/29-2011.00\""), html);
        String source = get("/doc/source/skill-automation-feasibility-index.html").body();
        assertTrue(source.contains("as cites as evidence") || source.contains("cites as evidence"), source);
        assertTrue(source.contains("/statement/"), "a source shows what cites it");
    }

    @Test
    void homeSearchQueryAndOntologyPages() throws Exception {
        String home = get("/").body();
        assertTrue(home.contains("href=\"/id/occupation/29-2099.00\""), home);
        assertTrue(home.contains("<strong>2</strong><span>occupations</span>"), home);
        String search = get("/search?q=" + URLEncoder.encode("microscopy", StandardCharsets.UTF_8)).body();
        assertTrue(search.contains("href=\"/id/framework/29-2011.00/occupational/v.26.05/level/emerging/statement/4\""),
                search);
        assertEquals(200, get("/search?q=" + URLEncoder.encode("\"unbalanced (", StandardCharsets.UTF_8)).statusCode());
        String query = get("/query").body();
        assertTrue(query.contains("statements-per-level"), query);
        HttpResponse<String> rq = get("/queries/statements-per-level.rq");
        assertEquals(200, rq.statusCode());
        assertTrue(rq.body().contains("SELECT"));
        HttpResponse<String> negotiated = get("/ontology", "Accept", "text/html");
        assertEquals("/ontology.html", negotiated.headers().firstValue("Content-Location").orElseThrow());
        assertEquals("/ontology.ttl", get("/ontology", "Accept", "text/turtle").headers().firstValue("Content-Location")
                .orElseThrow());
        assertEquals(200, get("/ontology.html").statusCode(), "the URL it names answers");
        assertTrue(get("/ontology.ttl").headers().firstValue("Content-Location").isEmpty(), "a format's own URL");
        String ontology = negotiated.body();
        assertTrue(ontology.contains("id=\"OnetSkill\""), "terms are documented at their own anchors");
        Model onto = parse(get("/ontology.ttl").body(), Lang.TURTLE);
        assertTrue(onto.contains(onto.createResource("https://w3id.org/skillgraph/ontology"), null, (org.apache.jena.rdf.model.RDFNode) null));
        assertEquals(200, get("/static/style.css").statusCode());
        assertEquals(404, get("/static/../pom.xml").statusCode());
        HttpResponse<String> missing = get("/static/nope.css");
        assertEquals(404, missing.statusCode());
        assertEquals("Not found: /static/nope.css", missing.body().strip(), "the path asked, not the jar's");
    }

    /** A GET sent as written (java.net.URI refuses a malformed escape): the status line, headers and body. */
    static String raw(String target) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/turtle\r\n"
                    + "Origin: https://app.example.org\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aMalformedQueryStringIsABadRequestNotAServerError() throws Exception {
        for (String target : List.of("/id/occupation/29-2011.00?x=%zz", "/doc/occupation/29-2011.00.ttl?page=%zz",
                "/changes?since=%zz", "/search?q=%C3%28%zz", "/ims/case/v1p1/CFDocuments?limit=%2")) {
            String r = raw(target);
            assertTrue(r.startsWith("HTTP/1.1 400 "), target + ":\n" + r);
            assertTrue(r.contains("the query string is not percent-encoded UTF-8"), target + ":\n" + r);
            assertTrue(r.contains("Access-Control-Allow-Origin: "), "CORS on the error too: " + r);
        }
        // and Jetty's own answers (a malformed or ambiguous path) name no server version, and are plain text saying
        // what is wrong, with CORS, as the site's other errors
        String path = raw("/id/%zz");
        assertTrue(path.startsWith("HTTP/1.1 400 "), path);
        assertFalse(path.toLowerCase(java.util.Locale.ROOT).contains("jetty"), path);
        for (String[] bad : List.of(new String[] {"/id/%zz", "a malformed %-escape"},
                new String[] {"/id/a%00b", "a malformed %-escape"},
                new String[] {"/id/a%2Fb", "Ambiguous URI path separator"})) {
            String r = raw(bad[0]);
            String lower = r.toLowerCase(java.util.Locale.ROOT);
            assertTrue(r.startsWith("HTTP/1.1 400 "), bad[0] + ":\n" + r);
            assertTrue(lower.contains("\r\ncontent-type: text/plain"), bad[0] + ":\n" + r);
            assertTrue(lower.contains("\r\naccess-control-allow-origin: *"), "CORS on Jetty's errors too: " + r);
            assertTrue(r.contains("\r\n\r\nBad Request: ") && r.contains(bad[1]), bad[0] + ":\n" + r);
            assertFalse(lower.contains("<html") || lower.contains("badmessage"), bad[0] + ":\n" + r);
        }
        assertFalse(get("/id/occupation/29-2011.00").headers().firstValue("Server").orElse("").contains("Jetty"));
    }

    @Test
    void aScriptOnAnotherSiteMaySendEveryConditionalHeaderTheServerAnswers() throws Exception {
        for (String header : List.of("If-Match", "If-None-Match", "If-Modified-Since", "If-Unmodified-Since", "If-Range",
                "Range")) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(root + "/dumps/skillgraph.nq.gz"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://app.example.org")
                    .header("Access-Control-Request-Method", "GET").header("Access-Control-Request-Headers", header)
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(r.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase(java.util.Locale.ROOT)
                    .contains(header.toLowerCase(java.util.Locale.ROOT)), header + ": " + r.headers());
        }
    }

    @Test
    void aSearchIsForWordsNotLuceneSyntax() throws Exception {
        for (String q : List.of("AND", "OR", "NOT", "blood%20AND", "%22unclosed", "a~b%5E2*?")) {
            assertEquals(200, get("/search?q=" + q).statusCode(), q);
        }
        assertTrue(get("/search?q=BIOLOGICAL%20Sample").body().contains("Biological sample preparation"));
    }

    @Test
    void aSearchOfTooManyWordsIsABadRequest() throws Exception {
        String q = URLEncoder.encode(String.join(" ", java.util.stream.IntStream.range(0, 1500).mapToObj(i -> "w" + i)
                .toList()), StandardCharsets.UTF_8);
        HttpResponse<String> plain = get("/search?q=" + q, "Accept", "text/plain");
        assertEquals(400, plain.statusCode(), plain.body());
        assertTrue(plain.body().contains("search for fewer"), plain.body());
        HttpResponse<String> browser = get("/search?q=" + q, "Accept", "text/html");
        assertEquals(400, browser.statusCode());
        assertTrue(browser.body().contains("search for fewer"), browser.body());
    }

    @Test
    void theSiteIsReadOnly() throws Exception {
        assertEquals(405, send("POST", "/doc/occupation/29-2011.00.ttl", "text/turtle", "").statusCode());
        assertEquals(405, send("PUT", "/id/occupation/29-2011.00", "text/turtle", "<a:b> <a:c> <a:d> .").statusCode());
        for (String method : List.of("PATCH", "TRACE", "DELETE")) {
            HttpResponse<String> r = send(method, "/id/occupation/29-2011.00", "text/plain", "");
            assertEquals(405, r.statusCode(), method);
            assertEquals("GET, HEAD, OPTIONS", r.headers().firstValue("Allow").orElse(null), method);
        }
        HttpResponse<String> options = send("OPTIONS", "/doc/occupation/29-2011.00.ttl", "text/plain", "");
        assertEquals(204, options.statusCode());
        assertEquals("GET, HEAD, OPTIONS", options.headers().firstValue("Allow").orElse(null));
    }

    @Test
    void theOtherUrisOfTheDataUnderTheBaseDereferenceToo() throws Exception {
        HttpResponse<String> graph = get("/graph/29-2011.00/v.26.05", "Accept", "text/turtle");
        assertEquals(303, graph.statusCode());
        assertEquals("/doc/graph/29-2011.00/v.26.05.ttl", graph.headers().firstValue("Location").orElseThrow());
        Model m = parse(get("/doc/graph/29-2011.00/v.26.05.ttl").body(), Lang.TURTLE);
        assertTrue(m.contains(m.createResource(BASE + "graph/29-2011.00/v.26.05"), org.apache.jena.vocabulary.RDF.type,
                m.createResource(org.skillgraph.vocab.SG.NS + "SourceDocument")), "the source document's description");
        HttpResponse<String> entry = get("/changes/1", "Accept", "text/html");
        assertEquals(303, entry.statusCode());
        assertEquals("/doc/changes/1.html", entry.headers().firstValue("Location").orElseThrow());
        assertEquals(200, get("/doc/changes/1.html").statusCode());
        assertEquals(404, get("/changes/999999", "Accept", "text/turtle").statusCode());
        assertEquals(404, get("/graph/29-2011.00/v.99", "Accept", "text/turtle").statusCode());
        // the change feed's graph: no triple names it, and it is in the dumps like the document graphs
        HttpResponse<String> feed = get("/graph/changes", "Accept", "text/turtle");
        assertEquals(303, feed.statusCode());
        assertEquals("/doc/graph/changes.ttl", feed.headers().firstValue("Location").orElseThrow());
        String sd = "http://www.w3.org/ns/sparql-service-description#";
        Model f = parse(get("/doc/graph/changes.ttl").body(), Lang.TURTLE);
        org.apache.jena.rdf.model.Resource changes = f.createResource(BASE + "graph/changes");
        assertTrue(f.contains(changes, org.apache.jena.vocabulary.RDF.type, f.createResource(sd + "NamedGraph")));
        assertTrue(f.contains(changes, f.createProperty(sd + "name"), changes));
        assertEquals(200, get("/doc/graph/changes.html").statusCode());
        assertTrue(get("/changes").headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"),
                "the change feed itself is another route");
        assertTrue(m.contains(m.createResource(BASE + "graph/29-2011.00/v.26.05"), org.apache.jena.vocabulary.RDF.type,
                m.createResource(sd + "NamedGraph")), "a document graph is said to be a named graph too");
    }

    @Test
    void anExtensionOnTheOtherUrisOfTheDataForcesAFormatAsUnderId() throws Exception {
        for (String[] c : new String[][] {{"/graph/29-2011.00/v.26.05", "ttl"}, {"/graph/changes", "jsonld"},
                {"/changes/1", "nt"}, {"/graph/29-2011.00/v.26.05", "html"}}) {
            HttpResponse<String> r = get(c[0] + "." + c[1], "Accept", "application/rdf+xml");
            assertEquals(303, r.statusCode(), c[0] + "." + c[1]);
            assertEquals("/doc" + c[0] + "." + c[1], r.headers().firstValue("Location").orElseThrow());
            assertEquals(200, get("/doc" + c[0] + "." + c[1]).statusCode());
        }
        assertEquals(404, get("/graph/29-2011.00/v.99.ttl").statusCode());
    }

    @Test
    void aPathParameterIsPartOfTheUriNotDropped() throws Exception {
        // ';x' makes another URI, which the graph does not have: not the occupation's 303 or document
        for (String path : List.of("/id/occupation/29-2011.00;x", "/id/occupation/29-2011.00;x.ttl",
                "/id/occupation;x/29-2011.00", "/doc/occupation/29-2011.00;x", "/doc/occupation/29-2011.00.ttl;x",
                "/doc/occupation/29-2011.00;x.ttl", "/graph/29-2011.00/v.26.05;x", "/changes/1;x")) {
            HttpResponse<String> r = get(path, "Accept", "text/turtle");
            assertEquals(404, r.statusCode(), path + " -> " + r.headers().firstValue("Location").orElse(""));
            assertTrue(r.body().contains(";x"), "the URI not found is the one asked for: " + r.body());
        }
        assertEquals(303, get("/id/occupation/29-2011.00", "Accept", "text/turtle").statusCode());
    }

    @Test
    void theRedirectKeepsThePageAskedFor() throws Exception {
        HttpResponse<String> r = get("/id/occupation/29-2011.00?page=2", "Accept", "text/turtle");
        assertEquals("/doc/occupation/29-2011.00.ttl?page=2", r.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void lastModifiedIsAnHttpDate() throws Exception {
        assertEquals("Wed, 20 May 2026 10:00:00 GMT", get("/doc/occupation/29-2011.00.ttl").headers()
                .firstValue("Last-Modified").orElseThrow(), "when the data last changed, as HTTP writes a date");
    }

    @Test
    void pagesAreHtml5WithTheirAlternatesInTheHead() throws Exception {
        String html = get("/doc/occupation/29-2011.00.html").body();
        assertTrue(html.startsWith("<!doctype html>"), html.substring(0, 40));
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(html);
        assertEquals(4, doc.head().select("link[rel=alternate]").size(), doc.head().toString());
        assertEquals("/doc/occupation/29-2011.00.ttl",
                doc.head().select("link[rel=alternate][type=text/turtle]").attr("href"));
    }

    @Test
    void corsAnswersVaryByOriginAndErrorsKeepThem() throws Exception {
        for (String path : List.of("/id/occupation/29-2011.00", "/doc/occupation/29-2011.00.ttl",
                "/doc/occupation/no-such.ttl", "/ontology")) {
            HttpResponse<String> r = get(path, "Origin", "https://app.example.org", "Accept", "text/turtle");
            assertEquals("https://app.example.org", r.headers().firstValue("Access-Control-Allow-Origin").orElse(null),
                    path + " " + r.statusCode());
            List<String> vary = r.headers().allValues("Vary");
            assertTrue(vary.contains("Origin"), path + " " + vary);
            assertEquals(!path.endsWith(".ttl") || r.statusCode() == 404, vary.contains("Accept"),
                    "negotiated answers (and error pages) vary with Accept too: " + path + " " + vary);
            assertTrue(r.headers().firstValue("Access-Control-Expose-Headers").orElse("").contains("ETag"), path);
            assertFalse(r.headers().firstValue("Access-Control-Allow-Credentials").isPresent(), path);
        }
    }

    // ---- SPARQL ------------------------------------------------------------------------------------

    static final String COUNT = "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a <https://purl.org/ctdlasn/terms/Competency> }";

    @Test
    void sparqlGetAndBothPostsOverTheUnionOfAllDocuments() throws Exception {
        String q = URLEncoder.encode(COUNT, StandardCharsets.UTF_8);
        JsonNode get = new ObjectMapper().readTree(get("/sparql?query=" + q, "Accept",
                "application/sparql-results+json").body());
        assertEquals(186, get.at("/results/bindings/0/n/value").asInt());
        JsonNode form = new ObjectMapper().readTree(send("POST", "/sparql", "application/x-www-form-urlencoded",
                "query=" + q).body());
        assertEquals(186, form.at("/results/bindings/0/n/value").asInt());
        JsonNode direct = new ObjectMapper().readTree(send("POST", "/sparql", "application/sparql-query", COUNT).body());
        assertEquals(186, direct.at("/results/bindings/0/n/value").asInt());
    }

    @Test
    void answersAreWrittenThroughPooledBuffersNotAFreshNativeBufferEach() throws Exception {
        org.eclipse.jetty.server.ServerConnector connector =
                (org.eclipse.jetty.server.ServerConnector) server.jetty().getConnectors()[0];
        int outputBuffer = connector.getConnectionFactory(org.eclipse.jetty.server.HttpConnectionFactory.class)
                .getHttpConfiguration().getOutputBufferSize();
        org.eclipse.jetty.io.ArrayByteBufferPool pool =
                (org.eclipse.jetty.io.ArrayByteBufferPool) connector.getByteBufferPool();
        assertTrue(pool.getMaxCapacity() >= outputBuffer, "the pool keeps buffers of " + pool.getMaxCapacity()
                + " bytes at most, and each answer is given one of " + outputBuffer);
        pool.setStatisticsEnabled(true);
        long pooledBefore = pool.getDirectMemory();
        // computed answers (no-cache) stream through the output buffer; then the kept answer is sent, in pieces
        for (int i = 0; i < 20; i++) {
            HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(root + "/sparql?query="
                    + URLEncoder.encode(COUNT, StandardCharsets.UTF_8))).header("Accept", "application/sparql-results+json");
            if (i < 10) {
                r.header("Cache-Control", "no-cache");
            }
            assertEquals(200, HTTP.send(r.GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        }
        assertEquals(java.util.Map.of(), pool.getNoBucketDirectAcquires(),
                "buffers acquired outside the pool (size → count)");
        long added = pool.getDirectMemory() - pooledBefore;
        assertTrue(added <= 2L * outputBuffer, "one request at a time reuses its buffers, yet the pool grew by "
                + added + " bytes");
        // a body larger than a piece (PageServlet.writeInPieces) arrives whole
        HttpResponse<byte[]> big = HTTP.send(HttpRequest.newBuilder(URI.create(root + "/doc/occupation/29-2011.00.html"))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, big.statusCode());
        assertTrue(big.body().length > PageServlet.PIECE, "a page of " + big.body().length + " bytes");
        assertEquals(big.body().length, Long.parseLong(big.headers().firstValue("Content-Length").orElseThrow()));
        assertTrue(new String(big.body(), StandardCharsets.UTF_8).strip().endsWith("</html>"));
    }

    @ParameterizedTest
    @CsvSource({"application/sparql-results+xml, <sparql", "text/csv, n", "text/tab-separated-values, ?n"})
    void selectResultsInXmlCsvTsv(String accept, String start) throws Exception {
        HttpResponse<String> r = get("/sparql?query=" + URLEncoder.encode(COUNT, StandardCharsets.UTF_8), "Accept", accept);
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains(start) && r.body().contains("186"), r.body());
    }

    @ParameterizedTest
    @CsvSource({"text/turtle, TURTLE", "application/ld+json, JSONLD", "application/rdf+xml, RDFXML",
        "application/n-triples, NTRIPLES"})
    void constructAndDescribeInEveryRdfFormat(String accept, String lang) throws Exception {
        String q = "CONSTRUCT { ?o <http://www.w3.org/2004/02/skos/core#notation> ?n } WHERE { ?o a "
                + "<https://purl.org/ctdl/terms/Occupation> ; <http://www.w3.org/2004/02/skos/core#notation> ?n }";
        HttpResponse<String> r = get("/sparql?query=" + URLEncoder.encode(q, StandardCharsets.UTF_8), "Accept", accept);
        assertEquals(200, r.statusCode(), r.body());
        Model m = parse(r.body(), org.apache.jena.riot.RDFLanguages.nameToLang(lang));
        assertEquals(2, m.size());
        HttpResponse<String> d = get("/sparql?query=" + URLEncoder.encode("DESCRIBE <" + OCC + ">",
                StandardCharsets.UTF_8), "Accept", accept);
        assertEquals(200, d.statusCode());
        assertTrue(parse(d.body(), org.apache.jena.riot.RDFLanguages.nameToLang(lang)).containsResource(
                ModelFactory.createDefaultModel().createResource(OCC)));
    }

    @Test
    void eachDocumentIsANamedGraph() throws Exception {
        String q = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + BASE + "graph/29-2099.00/v.26.05> { ?s ?p ?o } }";
        JsonNode r = new ObjectMapper().readTree(get("/sparql?query=" + URLEncoder.encode(q, StandardCharsets.UTF_8),
                "Accept", "application/sparql-results+json").body());
        long stored = org.apache.jena.system.Txn.calculateRead(store.dataset(),
                () -> store.dataset().getNamedModel(BASE + "graph/29-2099.00/v.26.05").size());
        assertTrue(stored > 600);
        assertEquals(stored, r.at("/results/bindings/0/n/value").asLong());
        HttpResponse<String> gsp = get("/sparql?graph=" + URLEncoder.encode(BASE + "graph/29-2099.00/v.26.05",
                StandardCharsets.UTF_8), "Accept", "application/n-triples");
        assertEquals(200, gsp.statusCode());
        assertEquals(stored, parse(gsp.body(), Lang.NTRIPLES).size());
    }

    @Test
    void resultsAreCappedAndTheCapIsSaid() throws Exception {
        HttpResponse<String> r = get("/sparql?query=" + URLEncoder.encode("SELECT * WHERE { ?s ?p ?o }",
                StandardCharsets.UTF_8), "Accept", "application/sparql-results+json");
        assertEquals(200, r.statusCode());
        assertEquals("25", r.headers().firstValue("X-Result-Limit").orElseThrow());
        assertEquals(25, new ObjectMapper().readTree(r.body()).at("/results/bindings").size());
        // the same text again, run again (the filter remembers how it parsed): capped and said so again
        HttpResponse<String> again = send("POST", "/sparql", "application/sparql-query", "SELECT * WHERE { ?s ?p ?o }",
                "Cache-Control", "no-cache");
        assertFalse(again.headers().firstValue("Age").isPresent(), "run again, not the kept answer");
        assertEquals("25", again.headers().firstValue("X-Result-Limit").orElseThrow());
        assertEquals(25, new ObjectMapper().readTree(again.body()).at("/results/bindings").size());
        HttpResponse<String> small = send("POST", "/sparql", "application/sparql-query", "SELECT * WHERE { ?s ?p ?o } LIMIT 3");
        assertEquals(3, new ObjectMapper().readTree(small.body()).at("/results/bindings").size());
        assertFalse(small.headers().firstValue("X-Result-Limit").isPresent());
    }

    @Test
    void aQueryAskedAgainIsAnsweredWithTheKeptAnswerUnlessAskedFresh() throws Exception {
        String json = "application/sparql-results+json";
        String query = "SELECT ?label WHERE { ?s <https://purl.org/ctdlasn/terms/competencyLabel> ?label } ORDER BY ?label LIMIT 7";
        HttpResponse<String> first = get("/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8), "Accept", json);
        assertEquals(200, first.statusCode());
        assertFalse(first.headers().firstValue("Age").isPresent(), "a first answer is computed");
        assertEquals(7, new ObjectMapper().readTree(first.body()).at("/results/bindings").size());
        // the same query laid out otherwise, with a comment, and sent as a POST: the kept answer
        HttpResponse<String> again = send("POST", "/sparql", "application/sparql-query",
                "# the same\nSELECT ?label\nWHERE {\n  ?s <https://purl.org/ctdlasn/terms/competencyLabel> ?label\n}\n"
                        + "ORDER BY ?label\nLIMIT 7");
        assertEquals(200, again.statusCode());
        assertTrue(again.headers().firstValue("Age").isPresent(), "asked again, the answer is the kept one");
        assertEquals(first.body(), again.body());
        for (String h : List.of("Content-Type", "Cache-Control", "Pragma")) {
            assertEquals(first.headers().firstValue(h), again.headers().firstValue(h), h);
        }
        assertTrue(again.headers().firstValue("Cache-Control").orElse("").contains("no-store"),
                "the kept answer tells HTTP caches what the first did: not to store it (it changes with imports)");
        // another format is another answer; asked fresh, the query runs again
        HttpResponse<String> xml = get("/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8),
                "Accept", "application/sparql-results+xml");
        assertFalse(xml.headers().firstValue("Age").isPresent());
        assertTrue(xml.body().contains("<sparql"), xml.body());
        HttpResponse<String> fresh = get("/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8),
                "Accept", json, "Cache-Control", "no-cache");
        assertFalse(fresh.headers().firstValue("Age").isPresent(), "no-cache asks for the query to run again");
        assertEquals(first.body(), fresh.body());
        // run again, the same data gives the same answer: the kept one stays, its age counted from when it was made
        Thread.sleep(1_100);
        HttpResponse<String> rerun = get("/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8),
                "Accept", json, "Cache-Control", "no-cache");
        assertFalse(rerun.headers().firstValue("Age").isPresent());
        HttpResponse<String> keptStill = get("/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8),
                "Accept", json);
        assertTrue(Long.parseLong(keptStill.headers().firstValue("Age").orElseThrow()) >= 1,
                "the answer kept before the rerun: Age " + keptStill.headers().firstValue("Age"));
        assertEquals(first.body(), keptStill.body());
        // a capped query's kept answer still says it was capped; an error is never kept
        String all = "/sparql?query=" + URLEncoder.encode("SELECT * WHERE { ?s ?p ?o }", StandardCharsets.UTF_8);
        get(all, "Accept", json);
        HttpResponse<String> capped = get(all, "Accept", json);
        assertTrue(capped.headers().firstValue("Age").isPresent());
        assertEquals("25", capped.headers().firstValue("X-Result-Limit").orElseThrow());
        String bad = "/sparql?query=" + URLEncoder.encode("SELECT * WHERE { ?s ?p }", StandardCharsets.UTF_8);
        assertEquals(400, get(bad, "Accept", json).statusCode());
        HttpResponse<String> badAgain = get(bad, "Accept", json);
        assertEquals(400, badAgain.statusCode());
        assertFalse(badAgain.headers().firstValue("Age").isPresent());
        // a random sample is drawn again each time
        String sample = "/sparql?query=" + URLEncoder.encode("SELECT ?s WHERE { ?s ?p ?o } ORDER BY RAND() LIMIT 3",
                StandardCharsets.UTF_8);
        get(sample, "Accept", json);
        assertFalse(get(sample, "Accept", json).headers().firstValue("Age").isPresent());
    }

    @Test
    void updatesGraphStoreWritesAndAdminAreRefused() throws Exception {
        String update = "INSERT DATA { <urn:a> <urn:b> <urn:c> }";
        for (HttpResponse<String> r : List.of(sendBody("POST", "/sparql", "application/sparql-update", update),
                sendBody("POST", "/sparql", "application/x-www-form-urlencoded",
                        "update=" + URLEncoder.encode(update, StandardCharsets.UTF_8)))) {
            assertEquals(400, r.statusCode());
            assertTrue(r.body().contains("read-only: SPARQL Update is not accepted"), r.body());
        }
        assertClientError(sendBody("POST", "/sparql/update", "application/sparql-update", update));
        assertClientError(sendBody("PUT", "/sparql?default", "text/turtle", "<urn:a> <urn:b> <urn:c> ."));
        assertClientError(sendBody("POST", "/sparql?graph=urn:g", "text/turtle", "<urn:a> <urn:b> <urn:c> ."));
        assertClientError(sendBody("DELETE", "/sparql?graph=" + URLEncoder.encode(BASE + "graph/29-2099.00/v.26.05",
                StandardCharsets.UTF_8), "text/plain", ""));
        for (String admin : List.of("/$/datasets", "/$/server", "/$/ping", "/$/stats", "/$/compact/sparql", "/$/tasks")) {
            assertClientError(get(admin));
        }
        JsonNode r = new ObjectMapper().readTree(get("/sparql?query=" + URLEncoder.encode(COUNT, StandardCharsets.UTF_8),
                "Accept", "application/sparql-results+json").body());
        assertEquals(186, r.at("/results/bindings/0/n/value").asInt(), "nothing was written");
    }

    @Test
    void aConstantRegularExpressionThatDoesNotCompileIsABadRequestNamingIt() throws Exception {
        String json = "application/sparql-results+json";
        for (List<String> c : List.of(
                List.of("SELECT * WHERE { ?s ?p ?o FILTER(REGEX(STR(?o), \"a(b\")) } LIMIT 1", "Unclosed group", "a(b"),
                List.of("SELECT (REPLACE(STR(?o), \"[z-a]\", \"x\") AS ?r) WHERE { ?s ?p ?o } LIMIT 1",
                        "Illegal character range", "[z-a]"),
                List.of("ASK { ?s ?p ?o FILTER(REGEX(STR(?o), \"a\", \"z\")) }", "flags", "\"z\""),
                List.of("SELECT (REPLACE(STR(?o), \"a\", \"x\", \"k\") AS ?r) WHERE { ?s ?p ?o } LIMIT 1", "flag", "k"))) {
            // twice: the second time the query's parse is the one kept
            for (int i = 0; i < 2; i++) {
                HttpResponse<String> r = get("/sparql?query=" + URLEncoder.encode(c.get(0), StandardCharsets.UTF_8),
                        "Accept", json);
                assertEquals(400, r.statusCode(), c.get(0) + "\n" + r.body());
                assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"), c.get(0));
                assertTrue(r.body().contains(c.get(1)) && r.body().contains(c.get(2)), c.get(0) + "\n" + r.body());
                assertFalse(r.body().contains("java."), "no Java class names: " + r.body());
            }
        }
        HttpResponse<String> posted = send("POST", "/sparql", "application/sparql-query",
                "SELECT * WHERE { ?s ?p ?o FILTER(REGEX(?o, \"(\")) }");
        assertEquals(400, posted.statusCode());
        assertTrue(posted.body().contains("Unclosed group"), posted.body());
        // a pattern made for each row is evaluated with the row
        assertEquals(200, get("/sparql?query=" + URLEncoder.encode(
                "SELECT * WHERE { ?s ?p ?o FILTER(REGEX(STR(?o), STR(?p))) } LIMIT 1", StandardCharsets.UTF_8),
                "Accept", json).statusCode());
    }

    @Test
    void theEndpointSaysWhichMethodsItAnswers() throws Exception {
        for (String method : List.of("PUT", "DELETE", "PATCH")) {
            HttpResponse<String> r = sendBody(method, "/sparql", "text/turtle", "<urn:a> <urn:b> <urn:c> .");
            assertEquals(405, r.statusCode(), method);
            assertEquals("GET, HEAD, POST, OPTIONS", r.headers().firstValue("Allow").orElse(null), method);
        }
        HttpResponse<String> options = sendBody("OPTIONS", "/sparql", "text/plain", "");
        assertEquals("GET, HEAD, POST, OPTIONS", options.headers().firstValue("Allow").orElse(null));
    }

    /**
     * A request with a body on the client's kept connections: a refusal reads the body to its end, so the connection
     * serves the next request (or, when it will not, ends it and says so with {@code Connection: close}).
     */
    static HttpResponse<String> sendBody(String method, String path, String contentType, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(root + path)).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertClientError(HttpResponse<String> r) {
        assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, r.request().method() + " " + r.uri() + " answered "
                + r.statusCode());
    }

    @Test
    void aRegistryCanValidateTheGraphAgainstItsOwnShapes() throws Exception {
        String shapes = "@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ceasn: <https://purl.org/ctdlasn/terms/> .\n"
                + "<http://registry.example/shape> a sh:NodeShape ; sh:targetClass ceasn:Competency ;\n"
                + "  sh:property [ sh:path ceasn:competencyText ; sh:minCount 1 ] ;\n"
                + "  sh:property [ sh:path ceasn:comment ; sh:minCount 1 ] .";
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(root + "/sparql/shacl?graph="
                + URLEncoder.encode(BASE + "graph/29-2099.00/v.26.05", StandardCharsets.UTF_8)))
                .header("Content-Type", "text/turtle").header("Accept", "text/turtle")
                .POST(HttpRequest.BodyPublishers.ofString(shapes)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        Model report = parse(r.body(), Lang.TURTLE);
        var sh = "http://www.w3.org/ns/shacl#";
        assertTrue(report.contains(null, report.createProperty(sh, "conforms"), report.createTypedLiteral(false)));
        assertEquals(40, report.listSubjectsWithProperty(report.createProperty(sh, "resultPath"),
                report.createResource("https://purl.org/ctdlasn/terms/comment")).toList().size(),
                "every statement lacks the registry's made-up ceasn:comment");
    }

    @Test
    void theShaclEndpointIsOffUnlessTheServerIsToldOtherwise() throws Exception {
        SkillgraphServer s = SkillgraphServer.create(store).base(BASE).port(0).build().start();
        try {
            // shapes whose regular expression would run for years, and whose SPARQL for hours, with no timeout
            String shapes = "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
                    + "<http://registry.example/a> a sh:NodeShape ; sh:targetNode \"" + "a".repeat(60) + "!\" ;\n"
                    + "  sh:pattern \"(.*a){40}x\" .\n"
                    + "<http://registry.example/b> a sh:NodeShape ; sh:targetNode <http://registry.example/x> ;\n"
                    + "  sh:sparql [ sh:select \"SELECT $this (COUNT(*) AS ?value) WHERE { ?a ?b ?c . ?d ?e ?f . "
                    + "?g ?h ?i } GROUP BY $this\" ] .";
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + s.port()
                    + "/sparql/shacl?graph=" + URLEncoder.encode(BASE + "graph/29-2099.00/v.26.05", StandardCharsets.UTF_8)))
                    .header("Content-Type", "text/turtle").header("Accept", "text/turtle").timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString(shapes)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, r.statusCode(), r.body());
            assertTrue(r.body().contains("serve --allow-shacl"), "the operator is told how to turn it on: " + r.body());
        } finally {
            s.stop();
        }
    }

    @Test
    void corsIsOnForOtherOrigins() throws Exception {
        HttpResponse<String> r = get("/sparql?query=" + URLEncoder.encode(COUNT, StandardCharsets.UTF_8),
                "Origin", "https://researcher.example.net", "Accept", "application/sparql-results+json");
        assertEquals(200, r.statusCode());
        assertNotNull(r.headers().firstValue("Access-Control-Allow-Origin").orElse(null), r.headers().toString());
    }

    @Test
    void headAnswersAQueryAsGetWithoutTheBody() throws Exception {
        String path = "/sparql?query=" + URLEncoder.encode(COUNT, StandardCharsets.UTF_8);
        HttpResponse<String> head = HTTP.send(HttpRequest.newBuilder(URI.create(root + path))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .header("Accept", "application/sparql-results+json").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, head.statusCode());
        assertTrue(head.headers().firstValue("Content-Type").orElse("").startsWith("application/sparql-results+json"),
                head.headers().toString());
    }

    @Test
    void federatedQueryIsOffUnlessTheServerIsToldOtherwise() throws Exception {
        String query = "SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }";
        HttpResponse<String> r = send("POST", "/sparql", "application/sparql-query", query);
        assertClientError(r);
        assertTrue(r.body().contains("serve --allow-service"), "the user is told how to turn it on: " + r.body());
        // in a subquery too
        assertTrue(send("POST", "/sparql", "application/sparql-query", "SELECT * { { SELECT ?s { SERVICE "
                + "<http://127.0.0.1:9/sparql> { ?s ?p ?o } } } }").body().contains("serve --allow-service"));
        assertFalse(get("/sparql", "Accept", "text/turtle").body().contains("BasicFederatedQuery"));
        // nor through a registry's shapes: their SPARQL constraints run over a dataset of the SHACL endpoint's own
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            probe.setSoTimeout(1000);
            String shapes = "@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ceasn: <https://purl.org/ctdlasn/terms/> .\n"
                    + "<http://registry.example/shape> a sh:NodeShape ; sh:targetClass ceasn:Competency ;\n"
                    + "  sh:sparql [ sh:select \"SELECT $this WHERE { SERVICE <http://127.0.0.1:" + probe.getLocalPort()
                    + "/probe> { $this ?p ?o } }\" ] .";
            HttpResponse<String> shacl = HTTP.send(HttpRequest.newBuilder(URI.create(root + "/sparql/shacl?graph="
                    + URLEncoder.encode(BASE + "graph/29-2099.00/v.26.05", StandardCharsets.UTF_8)))
                    .header("Content-Type", "text/turtle").header("Accept", "text/turtle").timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString(shapes)).build(), HttpResponse.BodyHandlers.ofString());
            assertFalse(shacl.body().contains("conforms> true") || shacl.body().contains("sh:conforms true"),
                    shacl.body());
            assertThrows(java.net.SocketTimeoutException.class, () -> probe.accept().close(),
                    "the server made no request to the address the shapes name");
        }
    }

    @Test
    void theEndpointDescribesItself() throws Exception {
        HttpResponse<String> r = get("/sparql", "Accept", "text/turtle");
        assertEquals(200, r.statusCode());
        Model m = parse(r.body(), Lang.TURTLE);
        assertTrue(m.contains(null, org.apache.jena.vocabulary.RDF.type,
                m.createResource("http://www.w3.org/ns/sparql-service-description#Service")));
        HttpResponse<String> browser = get("/sparql", "Accept", "text/html");
        assertEquals(303, browser.statusCode());
        assertEquals("/query", browser.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void aQueryOverTheTimeoutIsStopped() throws Exception {
        try (GraphStore other = GraphStore.open(tmp.resolve("timeout"))) {
            new Importer(other, BASE, null).importPaths(List.of(Path.of("seeds")));
            SkillgraphServer s = SkillgraphServer.create(other).port(0).queryTimeoutMillis(200).resultLimit(10)
                    .build().start();
            try {
                String heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + s.port()
                        + "/sparql?query=" + URLEncoder.encode(heavy, StandardCharsets.UTF_8)))
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(503, r.statusCode(), r.body());
            } finally {
                s.stop();
            }
        }
    }

    @Test
    void theQueryTimeoutStopsSparqlQueriesAndNotTheSitesOwnPages() throws Exception {
        try (GraphStore other = GraphStore.open(tmp.resolve("short-timeout"))) {
            new Importer(other, BASE, null).importPaths(List.of(Path.of("seeds")));
            SkillgraphServer s = SkillgraphServer.create(other).port(0).queryTimeoutMillis(1).build().start();
            try {
                for (String path : List.of("/", "/search?q=blood", "/.well-known/void", "/sitemap.xml",
                        "/doc/occupation/29-2011.00.ttl")) {
                    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + s.port()
                            + path)).build(), HttpResponse.BodyHandlers.ofString());
                    assertEquals(200, r.statusCode(), path + ": " + r.body());
                }
                String heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + s.port()
                        + "/sparql?query=" + URLEncoder.encode(heavy, StandardCharsets.UTF_8))).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(503, r.statusCode(), "a SPARQL query keeps its timeout: " + r.body());
            } finally {
                s.stop();
            }
        }
    }

    @Test
    void aComputedAnswerThatFitsTheOutputBufferIsSentWholeWithItsLength() throws Exception {
        for (String accept : List.of("application/sparql-results+json", "text/csv", "text/turtle")) {
            String query = accept.equals("text/turtle") ? "CONSTRUCT WHERE { ?s ?p ?o } LIMIT 3"
                    : "SELECT * WHERE { ?s ?p ?o } LIMIT 3";
            HttpResponse<String> r = get("/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8),
                    "Accept", accept, "Cache-Control", "no-cache");
            assertEquals(200, r.statusCode(), r.body());
            assertEquals(Long.toString(r.body().getBytes(StandardCharsets.UTF_8).length),
                    r.headers().firstValue("Content-Length").orElse("none (chunked)"), accept);
        }
    }

    @Test
    void aQueryTheTimeoutStopsWhileItsFirstResultsAreWrittenIsA503AsOneStoppedBefore() throws Exception {
        // three rows at once, then a product of the store by itself three times that the timeout stops: Fuseki
        // catches the timeout while writing the results, and then wrote a note after the rows, in a 200
        try (GraphStore other = GraphStore.open(tmp.resolve("timeout-writing"))) {
            new Importer(other, BASE, null).importPaths(List.of(Path.of("seeds")));
            String query = "SELECT ?x WHERE { { VALUES ?x { 1 2 3 } } UNION "
                    + "{ ?a ?b ?c . ?d ?e ?f . ?g ?h ?i FILTER (CONCAT(STR(?c), STR(?f), STR(?i)) = \"-\") BIND (4 AS ?x) } }";
            for (long cache : List.of(0L, 1L << 20)) {
                SkillgraphServer s = SkillgraphServer.create(other).port(0).queryTimeoutMillis(300)
                        .queryCacheBytes(cache).build().start();
                try {
                    for (String accept : List.of("application/sparql-results+json", "text/csv")) {
                        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                                + s.port() + "/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                                .header("Accept", accept).timeout(Duration.ofSeconds(30)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        assertEquals(503, r.statusCode(), "cache " + cache + ", " + accept + ": " + r.body());
                        assertEquals("Query timed out", r.body().strip());
                        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"),
                                r.headers().map().toString());
                    }
                } finally {
                    s.stop();
                }
            }
        }
    }

    @Test
    void aRegularExpressionStopsWithItsQuery() throws Exception {
        SkillgraphServer s = SkillgraphServer.create(store).base(BASE).port(0).queryTimeoutMillis(1_000).build().start();
        try {
            // Java's regular expressions backtrack: this pattern on this text would take years
            String text = "\"" + "a".repeat(60) + "!\"";
            String slow = "\"(.*a){40}x\"";
            String fn = "PREFIX fn: <http://www.w3.org/2005/xpath-functions#> ";
            for (String q : List.of(
                    "SELECT * { VALUES ?t { " + text + " } FILTER(REGEX(?t, " + slow + ")) }",
                    "SELECT * { BIND(REGEX(" + text + ", " + slow + ") AS ?m) }",
                    "SELECT * { ?s ?p ?o FILTER(REGEX(STR(?o), " + slow + ")) }",
                    "SELECT * { VALUES ?t { " + text + " } BIND(REPLACE(?t, " + slow + ", \"\") AS ?r) }",
                    "SELECT (GROUP_CONCAT(REPLACE(" + text + ", " + slow + ", \"\")) AS ?g) {}",
                    "SELECT * { FILTER EXISTS { VALUES ?t { " + text + " } FILTER(REGEX(?t, " + slow + ")) } }",
                    fn + "SELECT * { VALUES ?t { " + text + " } BIND(fn:matches(?t, " + slow + ") AS ?m) }",
                    fn + "SELECT * { VALUES ?t { " + text + " } BIND(fn:replace(?t, " + slow + ", \"\") AS ?m) }",
                    "SELECT * { VALUES ?t { " + text + " } BIND(<java:org.apache.jena.sparql.function.library.FN_Matches>"
                            + "(?t, " + slow + ") AS ?m) }")) {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + s.port()
                        + "/sparql?query=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                        .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(503, r.statusCode(), q + "\n" + r.body());
            }
            // and no thread is left matching once the answers are sent
            long until = System.nanoTime() + 5_000_000_000L;
            while (matching() && System.nanoTime() < until) {
                Thread.sleep(100);
            }
            assertFalse(matching(), "a thread still runs a regular expression after its query's answer");
            // the functions that would outlast the query, or write into the server's log, are refused by any name
            for (String q : List.of(
                    "SELECT * { BIND(<http://jena.apache.org/ARQ/function#wait>(60000) AS ?x) }",
                    "SELECT * { BIND(<java:org.apache.jena.sparql.function.library.wait>(60000) AS ?x) }",
                    "SELECT * { BIND(<http://jena.apache.org/ARQ/function#print>(\"forged log line\") AS ?x) }",
                    "SELECT * { ?x <http://jena.apache.org/ARQ/property#strSplit> (" + text + " " + slow + ") }")) {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + s.port()
                        + "/sparql?query=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                        .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(400, r.statusCode(), q + "\n" + r.body());
                assertTrue(r.body().contains("is not offered on this server"), r.body());
            }
            // the same expressions answer as before when they end
            HttpResponse<String> ok = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + s.port()
                    + "/sparql?query=" + URLEncoder.encode(fn + "SELECT ?r ?m { VALUES ?t { \"abc\" \"xyz\" } "
                    + "FILTER(REGEX(?t, \"^A\", \"i\")) BIND(REPLACE(?t, \"b\", \"B\") AS ?r) "
                    + "BIND(fn:matches(?t, \"c$\") AS ?m) }", StandardCharsets.UTF_8)))
                    .header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("r,m\r\naBc,true\r\n", ok.body());
        } finally {
            s.stop();
        }
    }

    /** Whether a thread of this process is inside a regular expression's matching. */
    private static boolean matching() {
        return Thread.getAllStackTraces().values().stream().anyMatch(trace -> java.util.Arrays.stream(trace)
                .anyMatch(f -> f.getClassName().startsWith("java.util.regex.Pattern$")));
    }

    // ---- page concurrency ----------------------------------------------------------------------------

    @Test
    void pagesBeyondThePageConcurrencyWaitTheirTurnAndAreAllAnswered() throws Exception {
        SkillgraphServer s = SkillgraphServer.create(store).base(BASE).port(0).pageConcurrency(1).build().start();
        try {
            List<String> levels = List.of("emerging", "developing", "proficient", "advanced");
            List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> sent = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                sent.add(HTTP.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + s.port()
                        + "/doc/framework/29-2011.00/occupational/v.26.05/level/" + levels.get(i % 4) + ".nt"))
                        .build(), HttpResponse.BodyHandlers.ofString()));
            }
            for (int i = 0; i < sent.size(); i++) {
                HttpResponse<String> r = sent.get(i).get(30, java.util.concurrent.TimeUnit.SECONDS);
                assertEquals(200, r.statusCode(), r.body());
                String level = "<" + BASE + "id/framework/29-2011.00/occupational/v.26.05/level/" + levels.get(i % 4) + ">";
                assertTrue(r.body().contains(level + " <" + SKOS.prefLabel.getURI() + ">"), r.body());
            }
        } finally {
            s.stop();
        }
    }

    @Test
    void aLongQueryDoesNotHoldUpPages() throws Exception {
        SkillgraphServer s = SkillgraphServer.create(store).base(BASE).port(0).pageConcurrency(1)
                .queryTimeoutMillis(4_000).build().start();
        try {
            String heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
            java.util.concurrent.CompletableFuture<HttpResponse<String>> query = HTTP.sendAsync(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + s.port() + "/sparql?query="
                            + URLEncoder.encode(heavy, StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            Thread.sleep(500);
            HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + s.port()
                    + "/doc/occupation/29-2011.00.ttl")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertFalse(query.isDone(), "the page waited for the query: the SPARQL endpoint counts against the pages' turn");
            assertEquals(503, query.get(30, java.util.concurrent.TimeUnit.SECONDS).statusCode());
        } finally {
            s.stop();
        }
    }

    @Test
    void moreLongQueriesThanThreadsDoNotHoldUpPagesAndTheirTimeoutsLeaveTheStoreClosable() throws Exception {
        // a store of its own, closed at the end: the queries stopped by the timeout two at a time each abort a read
        // transaction, and jena-text's abort of a read raced on the text index's writer and left transactions open
        // for good, so that the store could not be closed ("Can't expel: Active transactions")
        GraphStore other = GraphStore.open(tmp.resolve("long-queries"));
        new Importer(other, BASE, null).importPaths(List.of(Path.of("seeds")));
        SkillgraphServer s = SkillgraphServer.create(other).base(BASE).port(0).pageConcurrency(1).queryConcurrency(2)
                .queryTimeoutMillis(1_500).build().start();
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> queries = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 24; i++) { // more than the server's threads
                String heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } # " + i;
                queries.add(HTTP.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + s.port()
                        + "/sparql?query=" + URLEncoder.encode(heavy, StandardCharsets.UTF_8)))
                        .header("Cache-Control", "no-cache").build(), HttpResponse.BodyHandlers.ofString()));
            }
            Thread.sleep(300);
            HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + s.port()
                    + "/doc/occupation/29-2011.00.ttl")).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(queries.stream().noneMatch(java.util.concurrent.CompletableFuture::isDone),
                    "the page waited for a query to end: the queries had every thread");
            for (java.util.concurrent.CompletableFuture<HttpResponse<String>> q : queries) {
                assertEquals(503, q.get(60, java.util.concurrent.TimeUnit.SECONDS).statusCode());
            }
        } finally {
            s.stop();
        }
        other.close(); // throws while a read transaction is open
        try (GraphStore again = GraphStore.openExisting(tmp.resolve("long-queries"))) {
            assertFalse(again.graphNames().isEmpty());
        }
    }

    @Test
    void slowQueryBodiesDoNotHoldUpPages() throws Exception {
        SkillgraphServer s = SkillgraphServer.create(store).base(BASE).port(0).queryConcurrency(2).build().start();
        List<java.net.Socket> slow = new java.util.ArrayList<>();
        try {
            // a request holds its thread while its body arrives: these never finish theirs
            for (int i = 0; i < 24; i++) {
                java.net.Socket socket = new java.net.Socket("localhost", s.port());
                socket.getOutputStream().write(("POST /sparql HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
                        + "application/sparql-query\r\nContent-Length: 100000\r\n\r\nSELECT").getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                slow.add(socket);
            }
            Thread.sleep(500);
            HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + s.port()
                    + "/doc/occupation/29-2011.00.ttl")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
        } finally {
            for (java.net.Socket socket : slow) {
                socket.close();
            }
            s.stop();
        }
    }

    @Test
    void theQueryConcurrencyIsAtLeastOne() {
        assertThrows(IllegalArgumentException.class, () -> SkillgraphServer.create(store).queryConcurrency(0));
    }

    @Test
    void thePageConcurrencyIsAtLeastOne() {
        assertThrows(IllegalArgumentException.class, () -> SkillgraphServer.create(store).pageConcurrency(0));
    }
}
