package org.skillgraph.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillgraph.harvest.Dumps;
import org.skillgraph.ingest.Importer;
import org.skillgraph.store.GraphStore;
import org.skillgraph.vocab.CEASN;
import org.skillgraph.vocab.CETERMS;

/** Harvest routes over real HTTP: CTDL-ASN graphs and resources, dumps with ranges, VoID, sitemap, robots. */
class HarvestTest {
    @TempDir
    static Path tmp;
    static GraphStore store;
    static SkillgraphServer server;
    static String root;
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        store = GraphStore.open(tmp.resolve("db"));
        new Importer(store, "http://localhost:3030/", null).importPaths(List.of(Path.of("seeds")));
        Dumps.regenerate(store);
        server = SkillgraphServer.create(store).port(0).build().start();
        root = "http://localhost:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.stop();
        store.close();
    }

    static HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(root + path));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String frameworkCtid(String part) {
        return Txn.calculateRead(store.dataset(), () -> store.dataset().getUnionModel()
                .listSubjectsWithProperty(org.apache.jena.vocabulary.RDF.type, CEASN.CompetencyFramework).toList()
                .stream().filter(r -> r.getURI().contains(part)).findFirst().orElseThrow()
                .getProperty(CETERMS.ctid).getString());
    }

    @Test
    void ctdlGraphAndResourceDocuments() throws Exception {
        String ctid = frameworkCtid("29-2011.00/occupational");
        HttpResponse<byte[]> r = get("/graph/" + ctid);
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("application/ld+json"));
        JsonNode doc = new ObjectMapper().readTree(r.body());
        assertEquals("https://credreg.net/ctdlasn/schema/context/json", doc.get("@context").asText());
        assertEquals(root + "/graph/" + ctid, doc.get("@id").asText());
        assertEquals(41, doc.get("@graph").size());
        assertEquals(root + "/resources/" + ctid, doc.at("/@graph/0/@id").asText());
        String competency = doc.at("/@graph/1/ceterms:ctid").asText();
        JsonNode one = new ObjectMapper().readTree(get("/resources/" + competency).body());
        assertEquals(root + "/resources/" + competency, one.get("@id").asText(), "@id is the URL fetched");
        assertEquals(404, get("/graph/ce-00000000-0000-0000-0000-000000000000").statusCode());
        assertEquals(404, get("/graph/not-a-ctid").statusCode());
        String model = doc.at("/@graph/0/asn:hasProgressionModel").asText().replace(root + "/resources/", "");
        JsonNode levels = new ObjectMapper().readTree(get("/graph/" + model).body());
        assertEquals(5, levels.get("@graph").size());
    }

    @Test
    void theDumpsManifestIsServedForReplicasToCheckTheirDownload() throws Exception {
        HttpResponse<byte[]> r = get("/dumps/" + Dumps.MANIFEST);
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode manifest = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
        Dumps.Dump nq = Dumps.read(store.dumpsDirectory()).stream().filter(d -> d.name().endsWith(".nq.gz"))
                .findFirst().orElseThrow();
        assertTrue(manifest.toString().contains(nq.sha256()), manifest.toString());
    }

    @Test
    void dumpsStreamWithLengthRangesAndTheirCounts() throws Exception {
        Dumps.Dump nq = Dumps.read(store.dumpsDirectory()).stream().filter(d -> d.name().endsWith(".nq.gz"))
                .findFirst().orElseThrow();
        HttpResponse<byte[]> r = get("/dumps/" + nq.name());
        assertEquals(200, r.statusCode());
        assertEquals(Long.toString(nq.bytes()), r.headers().firstValue("Content-Length").orElseThrow());
        assertEquals(nq.sha256(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(r.body())));
        Dataset ds = DatasetFactory.create();
        RDFParser.source(new GZIPInputStream(new ByteArrayInputStream(r.body()))).lang(Lang.NQUADS).parse(ds);
        long quads = ds.asDatasetGraph().stream().count();
        assertEquals(nq.quads(), quads);
        long stored = Txn.calculateRead(store.dataset(), () -> store.dataset().asDatasetGraph().stream().count());
        assertEquals(stored, quads, "the dump holds every quad of the store");
        HttpResponse<byte[]> part = get("/dumps/" + nq.name(), "Range", "bytes=10-109");
        assertEquals(206, part.statusCode());
        assertEquals(100, part.body().length);
        assertEquals("bytes 10-109/" + nq.bytes(), part.headers().firstValue("Content-Range").orElseThrow());
        HttpResponse<byte[]> beyond = get("/dumps/" + nq.name(), "Range", "bytes=" + (nq.bytes() + 5) + "-");
        assertEquals(416, beyond.statusCode());
        assertEquals("bytes */" + nq.bytes(), beyond.headers().firstValue("Content-Range").orElse(null),
                "a 416 says how long the file is");
        // resuming with If-Range: the part when the dump is the one the client started, else the whole file
        String etag = "\"" + nq.sha256() + "\"";
        assertEquals(206, get("/dumps/" + nq.name(), "Range", "bytes=10-109", "If-Range", etag).statusCode());
        HttpResponse<byte[]> changed = get("/dumps/" + nq.name(), "Range", "bytes=10-109", "If-Range", "\"older\"");
        assertEquals(200, changed.statusCode());
        assertEquals(nq.bytes(), changed.body().length);
        assertEquals(404, get("/dumps/nothing.gz").statusCode());
        HttpResponse<byte[]> trig = get("/dumps/skillgraph.trig.gz");
        Dataset ds2 = DatasetFactory.create();
        RDFParser.source(new GZIPInputStream(new ByteArrayInputStream(trig.body()))).lang(Lang.TRIG).parse(ds2);
        assertEquals(stored, ds2.asDatasetGraph().stream().count());
    }

    @Test
    void theDatasetDescribesItself() throws Exception {
        HttpResponse<byte[]> r = get("/.well-known/void", "Accept", "text/turtle");
        assertEquals(200, r.statusCode());
        Model m = ModelFactory.createDefaultModel();
        RDFParser.source(new ByteArrayInputStream(r.body())).lang(Lang.TURTLE).parse(m);
        var d = m.createResource(root + "/.well-known/void#dataset");
        String v = "http://rdfs.org/ns/void#";
        assertTrue(m.contains(d, m.createProperty(v, "sparqlEndpoint"), m.createResource(root + "/sparql")));
        assertTrue(m.contains(d, m.createProperty(v, "dataDump"), m.createResource(root + "/dumps/skillgraph.nq.gz")));
        assertTrue(m.contains(d, org.apache.jena.vocabulary.DCTerms.license,
                m.createResource("https://creativecommons.org/licenses/by/4.0/")));
        long triples = d.getProperty(m.createProperty(v, "triples")).getLong();
        long stored = Txn.calculateRead(store.dataset(), () -> store.dataset().getUnionModel().size());
        assertEquals(stored, triples);
        assertTrue(d.getProperty(m.createProperty(v, "entities")).getLong() > 300);
        assertTrue(new String(get("/.well-known/void", "Accept", "text/html").body(), StandardCharsets.UTF_8)
                .contains("sparql"));
        assertEquals(200, get("/.well-known/void", "Accept", "application/ld+json").statusCode());
    }

    @Test
    void theChangeFeedOverHttp() throws Exception {
        JsonNode feed = new ObjectMapper().readTree(get("/changes?since=1970-01-01T00:00:00Z&limit=4").body());
        assertEquals(4, feed.get("changes").size());
        JsonNode first = feed.get("changes").get(0);
        assertEquals("create", first.get("type").asText());
        assertTrue(first.get("ctid").asText().startsWith("ce-"));
        assertTrue(feed.get("next").asText().contains("offset=4"));
        JsonNode rest = new ObjectMapper().readTree(get("/changes?since=1970-01-01T00:00:00Z&limit=4&offset=4").body());
        assertEquals(2, rest.get("changes").size());
        assertTrue(!rest.has("next"));
        JsonNode framework = java.util.stream.StreamSupport.stream(feed.get("changes").spliterator(), false)
                .filter(c -> c.get("kind").asText().equals("framework")).findFirst().orElseThrow();
        assertEquals(200, get(framework.get("ctdlGraph").asText().replace(root, "")).statusCode());
        JsonNode later = new ObjectMapper().readTree(get("/changes?since=2100-01-01T00:00:00Z").body());
        assertEquals(0, later.get("changes").size());
        assertEquals(400, get("/changes?since=yesterday").statusCode());
        JsonNode patches = new ObjectMapper().readTree(get("/patches/").body());
        assertTrue(patches.size() >= 2, patches.toString());
        HttpResponse<byte[]> patch = get(patches.get(0).asText().replace(root, ""));
        assertEquals(200, patch.statusCode());
        assertTrue(new String(patch.body(), StandardCharsets.UTF_8).contains("TX"));
    }

    @Test
    void sitemapAndRobots() throws Exception {
        String sitemap = new String(get("/sitemap.xml").body(), StandardCharsets.UTF_8);
        assertTrue(sitemap.contains("<loc>" + root + "/doc/occupation/29-2011.00.html</loc>"), sitemap.substring(0, 500));
        assertTrue(sitemap.contains("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"));
        String robots = new String(get("/robots.txt").body(), StandardCharsets.UTF_8);
        assertTrue(robots.contains("Sitemap: " + root + "/sitemap.xml"), robots);
    }

    @Test
    void aBigSitemapBecomesAnIndex() {
        List<String> pages = new java.util.ArrayList<>();
        for (int i = 0; i < 120_000; i++) {
            pages.add("http://x/doc/" + i + ".html");
        }
        String index = org.skillgraph.harvest.Sitemap.xml(pages, "http://x/", 0);
        assertTrue(index.contains("<sitemapindex") && index.contains("http://x/sitemaps/3.xml"));
        assertTrue(org.skillgraph.harvest.Sitemap.xml(pages, "http://x/", 3).contains("http://x/doc/119999.html"));
        assertEquals(null, org.skillgraph.harvest.Sitemap.xml(pages, "http://x/", 4));
        assertTrue(Files.exists(store.dumpsDirectory().resolve(Dumps.MANIFEST)));
    }
}
