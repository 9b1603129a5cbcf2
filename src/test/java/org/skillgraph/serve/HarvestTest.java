package org.skillgraph.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
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

/**
 * Harvest routes over real HTTP: CTDL-ASN graphs and resources, dumps with ranges and conditional requests, VoID,
 * sitemap, robots.
 */
class HarvestTest {
    @TempDir
    static Path tmp;
    static GraphStore store;
    static SkillgraphServer server;
    static String root;
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
            java.util.Locale.ENGLISH);

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

    /** The N-Quads dump as the manifest lists it. */
    static Dumps.Dump nquads() {
        return Dumps.read(store.dumpsDirectory()).stream().filter(d -> d.name().endsWith(".nq.gz")).findFirst()
                .orElseThrow();
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** An HTTP date (IMF-fixdate), as Last-Modified is written. */
    static String httpDate(Instant t) {
        return HTTP_DATE.format(t.atOffset(ZoneOffset.UTC));
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
        Dumps.Dump nq = nquads();
        assertTrue(manifest.toString().contains(nq.sha256()), manifest.toString());
    }

    @Test
    void dumpsStreamWithLengthRangesAndTheirCounts() throws Exception {
        Dumps.Dump nq = nquads();
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
    void dumpsAnswerConditionalRequestsOnTheirSha256AndTime() throws Exception {
        Dumps.Dump nq = nquads();
        String path = "/dumps/" + nq.name();
        String etag = "\"" + nq.sha256() + "\"";
        HttpResponse<byte[]> r = get(path);
        assertEquals(etag, r.headers().firstValue("ETag").orElseThrow(), "the tag is the manifest's SHA-256");
        // the file's name stays as an import changes its bytes: a cache asks again before each use
        assertEquals("no-cache", r.headers().firstValue("Cache-Control").orElse(null));
        assertEquals("no-cache", get(path, "If-None-Match", etag).headers().firstValue("Cache-Control").orElse(null));
        // a gzip file already: not compressed again for a client that accepts gzip
        HttpResponse<byte[]> asked = get(path, "Accept-Encoding", "gzip");
        assertTrue(asked.headers().firstValue("Content-Encoding").isEmpty(), asked.headers().toString());
        assertEquals(etag, asked.headers().firstValue("ETag").orElseThrow());
        assertTrue(java.util.Arrays.equals(r.body(), asked.body()));
        Instant modified = Files.getLastModifiedTime(store.dumpsDirectory().resolve(nq.name())).toInstant();
        assertEquals(httpDate(modified), r.headers().firstValue("Last-Modified").orElseThrow(), "the file's time");
        String before = httpDate(modified.minusSeconds(86_400));

        // If-None-Match (weak comparison), also on HEAD
        for (String tag : List.of(etag, "*", "W/" + etag, "\"other\", " + etag)) {
            HttpResponse<byte[]> same = get(path, "If-None-Match", tag);
            assertEquals(304, same.statusCode(), tag);
            assertEquals(0, same.body().length);
            assertEquals(etag, same.headers().firstValue("ETag").orElseThrow());
        }
        HttpResponse<Void> head = HTTP.send(HttpRequest.newBuilder(URI.create(root + path))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).header("If-None-Match", etag).build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(304, head.statusCode());
        assertEquals(200, get(path, "If-None-Match", "\"other\"").statusCode());

        // If-Match (strong comparison): what a replica sends with the SHA-256 of the manifest it read
        for (String tag : List.of("\"deadbeef\"", "W/" + etag, nq.sha256())) {
            assertEquals(412, get(path, "If-Match", tag).statusCode(), tag);
        }
        assertEquals(412, get(path, "If-Match", "\"deadbeef\"", "Range", "bytes=10-109").statusCode(),
                "a failed precondition before any range");
        for (String tag : List.of(etag, "*", "\"deadbeef\", " + etag)) {
            HttpResponse<byte[]> matched = get(path, "If-Match", tag);
            assertEquals(200, matched.statusCode(), tag);
            assertEquals(nq.sha256(), sha256(matched.body()));
        }
        assertEquals(206, get(path, "If-Match", etag, "Range", "bytes=10-109").statusCode());

        // the dates, each only without its entity-tag counterpart
        assertEquals(304, get(path, "If-Modified-Since", httpDate(modified)).statusCode());
        assertEquals(200, get(path, "If-Modified-Since", before).statusCode());
        assertEquals(200, get(path, "If-None-Match", "\"other\"", "If-Modified-Since", httpDate(modified))
                .statusCode(), "If-None-Match takes precedence over If-Modified-Since");
        assertEquals(412, get(path, "If-Unmodified-Since", before).statusCode());
        assertEquals(200, get(path, "If-Unmodified-Since", httpDate(modified)).statusCode());
        assertEquals(200, get(path, "If-Match", etag, "If-Unmodified-Since", before).statusCode(),
                "If-Match takes precedence over If-Unmodified-Since");
        assertEquals(304, get(path, "If-None-Match", etag, "Range", "bytes=10-109").statusCode());

        // If-Range by date: the part when the file has that time, else the whole file
        assertEquals(206, get(path, "Range", "bytes=10-109", "If-Range", httpDate(modified)).statusCode());
        HttpResponse<byte[]> older = get(path, "Range", "bytes=10-109", "If-Range", before);
        assertEquals(200, older.statusCode());
        assertEquals(nq.bytes(), older.body().length);
    }

    @Test
    void severalRangesAreAnsweredWithTheWholeFile() throws Exception {
        Dumps.Dump nq = nquads();
        String path = "/dumps/" + nq.name();
        for (String range : List.of("bytes=0-9,20-29", "bytes=0-9, -10", "items=0-9")) {
            HttpResponse<byte[]> r = get(path, "Range", range);
            assertEquals(200, r.statusCode(), range);
            assertEquals(nq.sha256(), sha256(r.body()), range);
        }
        HttpResponse<byte[]> one = get(path, "Range", "bytes=0-9," + (nq.bytes() + 5) + "-");
        assertEquals(206, one.statusCode(), "the one range that can be satisfied");
        assertEquals("bytes 0-9/" + nq.bytes(), one.headers().firstValue("Content-Range").orElseThrow());
        HttpResponse<byte[]> none = get(path, "Range", "bytes=" + (nq.bytes() + 5) + "-," + (nq.bytes() + 9) + "-");
        assertEquals(416, none.statusCode());
        assertEquals("bytes */" + nq.bytes(), none.headers().firstValue("Content-Range").orElse(null));
    }

    @Test
    void anInvalidRangeIsIgnoredAndTheWholeFileSent() throws Exception {
        Dumps.Dump nq = nquads();
        String path = "/dumps/" + nq.name();
        // RFC 9110 §14.1.1: not a byte range-set (letters, no range at all, a range and junk), or an int-range whose
        // last-pos is less than its first-pos; §14.2: such a Range is ignored, and the answer is the whole file
        for (String range : List.of("bytes=abc", "bytes=50-10", "bytes=0-9,50-10", "bytes=", "bytes=-", "bytes=0-9,abc",
                "bytes=1-2-3", "bytes=0 - 9", "bytes=99999999999999999999-99999999999999999998")) {
            HttpResponse<byte[]> r = get(path, "Range", range);
            assertEquals(200, r.statusCode(), range);
            assertEquals(Long.toString(nq.bytes()), r.headers().firstValue("Content-Length").orElse(null), range);
            assertEquals(null, r.headers().firstValue("Content-Range").orElse(null), range);
            assertEquals("\"" + nq.sha256() + "\"", r.headers().firstValue("ETag").orElse(null), range);
            assertEquals(nq.sha256(), sha256(r.body()), range);
        }
        // a valid range-set none of whose ranges can be satisfied is still 416 (§14.1.2, §15.5.17)
        for (String range : List.of("bytes=" + nq.bytes() + "-", "bytes=-0", "bytes=" + (nq.bytes() + 5) + "-"
                + (nq.bytes() + 9), "bytes=99999999999999999999-", "BYTES=" + nq.bytes() + "-")) {
            HttpResponse<byte[]> r = get(path, "Range", range);
            assertEquals(416, r.statusCode(), range);
            assertEquals("bytes */" + nq.bytes(), r.headers().firstValue("Content-Range").orElse(null), range);
        }
        // a valid range, the list's spaces and empty elements allowed (§5.6.1), is 206
        HttpResponse<byte[]> part = get(path, "Range", "bytes=10-19 , ," + (nq.bytes() + 5) + "-");
        assertEquals(206, part.statusCode());
        assertEquals("bytes 10-19/" + nq.bytes(), part.headers().firstValue("Content-Range").orElse(null));
        assertEquals("10", part.headers().firstValue("Content-Length").orElse(null));
        // §15.3.7: a 206 has the ETag (and Date) a 200 would have
        assertEquals("\"" + nq.sha256() + "\"", part.headers().firstValue("ETag").orElse(null));
        assertTrue(part.headers().firstValue("Date").isPresent());
    }

    @Test
    void a304OfADumpHasNoContentLength() throws Exception {
        Dumps.Dump nq = nquads();
        String path = "/dumps/" + nq.name();
        String etag = "\"" + nq.sha256() + "\"";
        Instant modified = Files.getLastModifiedTime(store.dumpsDirectory().resolve(nq.name())).toInstant();
        // RFC 9110 §8.6, §15.4.5: a 304 sends no Content-Length, or the 200's; not 0
        for (String[] condition : List.of(new String[] {"If-None-Match", etag},
                new String[] {"If-Modified-Since", httpDate(modified)})) {
            HttpResponse<byte[]> r = get(path, condition);
            assertEquals(304, r.statusCode(), condition[0]);
            assertEquals(null, r.headers().firstValue("Content-Length").orElse(null), condition[0]);
            assertEquals(etag, r.headers().firstValue("ETag").orElse(null), condition[0]);
            assertTrue(r.headers().firstValue("Date").isPresent(), condition[0]);
        }
        HttpResponse<Void> head = HTTP.send(HttpRequest.newBuilder(URI.create(root + path))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).header("If-None-Match", etag).build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(304, head.statusCode());
        assertEquals(null, head.headers().firstValue("Content-Length").orElse(null), "HEAD");
    }

    @Test
    void a304OfAnotherHarvestDocumentHasNoContentLength() throws Exception {
        HttpResponse<byte[]> r = get("/dumps/" + Dumps.MANIFEST);
        String etag = r.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> same = get("/dumps/" + Dumps.MANIFEST, "If-None-Match", etag);
        assertEquals(304, same.statusCode());
        assertEquals(null, same.headers().firstValue("Content-Length").orElse(null));
        assertEquals(etag, same.headers().firstValue("ETag").orElse(null));
    }

    /**
     * The dumps follow an import a moment later: the manifest, and the distributions the dataset description gives,
     * change after the import, with no import of their own. A client that read them in between and revalidates
     * with If-Modified-Since must not be told that they have not changed (it was, when their Last-Modified was the
     * import's time).
     */
    @Test
    void theManifestAndTheDescriptionAreModifiedWhenTheDumpsFollowAnImport() throws Exception {
        Path manifest = store.dumpsDirectory().resolve(Dumps.MANIFEST);
        java.nio.file.attribute.FileTime saved = Files.getLastModifiedTime(manifest);
        HttpResponse<byte[]> before = get("/dumps/" + Dumps.MANIFEST);
        String read = before.headers().firstValue("Last-Modified").orElseThrow();
        Instant refreshed = java.time.ZonedDateTime.parse(read, HTTP_DATE.withZone(ZoneOffset.UTC)).toInstant()
                .plusSeconds(3);
        try {
            // as a refresh does, after the import: the manifest is written again
            Files.setLastModifiedTime(manifest, java.nio.file.attribute.FileTime.from(refreshed));
            HttpResponse<byte[]> after = get("/dumps/" + Dumps.MANIFEST, "If-Modified-Since", read);
            assertEquals(200, after.statusCode(), "the manifest changed after " + read);
            assertEquals(HTTP_DATE.format(refreshed.atZone(ZoneOffset.UTC)),
                    after.headers().firstValue("Last-Modified").orElseThrow());
            // another origin: a description made now, from the manifest as it is
            HttpResponse<byte[]> description = HTTP.send(HttpRequest.newBuilder(URI.create(
                    root.replace("localhost", "127.0.0.1") + "/.well-known/void.ttl")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(HTTP_DATE.format(refreshed.atZone(ZoneOffset.UTC)),
                    description.headers().firstValue("Last-Modified").orElseThrow());
        } finally {
            Files.setLastModifiedTime(manifest, saved);
        }
    }

    @Test
    void aDumpReplacedBeforeItsManifestIsSentWithItsOwnSha256() throws Exception {
        Dumps.Dump nq = nquads();
        String path = "/dumps/" + nq.name();
        Path file = store.dumpsDirectory().resolve(nq.name());
        Path saved = tmp.resolve("saved-" + nq.name());
        Files.copy(file, saved, StandardCopyOption.COPY_ATTRIBUTES);
        ByteArrayOutputStream newer = new ByteArrayOutputStream();
        newer.write(Files.readAllBytes(saved));
        new GZIPOutputStream(newer).close(); // one more (empty) gzip member: another file, still a valid dump
        try {
            // as a refresh does: the new file is moved into place, and the manifest follows a moment later
            Path next = store.dumpsDirectory().resolve(nq.name() + ".next");
            Files.write(next, newer.toByteArray());
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            String newTag = "\"" + sha256(newer.toByteArray()) + "\"";
            HttpResponse<byte[]> r = get(path);
            assertEquals(newTag, r.headers().firstValue("ETag").orElseThrow(), "the tag of the bytes sent");
            assertEquals(sha256(newer.toByteArray()), sha256(r.body()));
            assertEquals(412, get(path, "If-Match", "\"" + nq.sha256() + "\"").statusCode(),
                    "a replica holding the older manifest is told to read it again");
            assertEquals(200, get(path, "If-Match", newTag).statusCode());
        } finally {
            Files.move(saved, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        HttpResponse<byte[]> back = get(path);
        assertEquals("\"" + nq.sha256() + "\"", back.headers().firstValue("ETag").orElseThrow(),
                "a file that no record lists gets the SHA-256 of its bytes");
        assertEquals(nq.sha256(), sha256(back.body()));
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
        // the negotiated answer names its format's own URL, which answers that format whatever the Accept
        assertEquals("/.well-known/void.ttl", r.headers().firstValue("Content-Location").orElse(null));
        assertTrue(r.headers().allValues("Vary").contains("Accept"), r.headers().toString());
        HttpResponse<byte[]> ttl = get("/.well-known/void.ttl", "Accept", "text/html");
        assertEquals(200, ttl.statusCode());
        assertTrue(ttl.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"), ttl.headers().toString());
        assertArrayEquals(r.body(), ttl.body());
        assertTrue(ttl.headers().firstValue("Content-Location").isEmpty(), "a format's own URL");
        assertFalse(ttl.headers().allValues("Vary").contains("Accept"), ttl.headers().toString());
        for (String ext : List.of("jsonld", "rdf", "nt", "html")) {
            assertEquals(200, get("/.well-known/void." + ext).statusCode(), ext);
        }
        assertEquals(404, get("/.well-known/void.png").statusCode());
    }

    @Test
    void theDatasetDescriptionListsEveryVocabularyTheStoreUses() throws Exception {
        Model m = ModelFactory.createDefaultModel();
        RDFParser.source(new ByteArrayInputStream(get("/.well-known/void", "Accept", "text/turtle").body()))
                .lang(Lang.TURTLE).parse(m);
        var listed = m.listObjectsOfProperty(m.createResource(root + "/.well-known/void#dataset"),
                m.createProperty("http://rdfs.org/ns/void#", "vocabulary")).mapWith(o -> o.asResource().getURI()).toSet();
        java.util.Set<String> used = new java.util.TreeSet<>();
        Txn.executeRead(store.dataset(), () -> {
            Model union = store.dataset().getUnionModel();
            union.listStatements().forEachRemaining(t -> {
                used.add(t.getPredicate().getNameSpace());
                if (t.getPredicate().equals(org.apache.jena.vocabulary.RDF.type) && t.getObject().isURIResource()) {
                    used.add(t.getObject().asResource().getNameSpace());
                }
            });
        });
        // RDF, RDFS, OWL and XSD are the languages of the description itself, not vocabularies of the domain
        used.removeAll(List.of(org.apache.jena.vocabulary.RDF.uri, org.apache.jena.vocabulary.RDFS.uri,
                org.apache.jena.vocabulary.OWL.NS, org.apache.jena.vocabulary.XSD.NS));
        used.removeAll(listed);
        assertEquals(java.util.Set.of(), used, "namespaces the store uses that void:vocabulary does not list");
    }

    @Test
    void aChangeFeedEntryOutsideTheSiteBaseIsListedWithoutACtidNotA500() throws Exception {
        SkillgraphServer other = SkillgraphServer.create(store).base("https://other.example/").port(0).build().start();
        try {
            HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + other.port()
                    + "/changes?since=1970-01-01T00:00:00Z")).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
            JsonNode changes = new ObjectMapper().readTree(r.body()).get("changes");
            assertEquals(6, changes.size(), "every entry, in its place");
            for (JsonNode c : changes) {
                assertTrue(c.get("resource").asText().startsWith("http://localhost:3030/id/"), c.toString());
                assertTrue(!c.has("ctid") && !c.has("ctdlGraph"), c.toString());
            }
        } finally {
            other.stop();
        }
    }

    /**
     * A harvester that fetches every CTID the feed lists, as the Credential Registry is used, gets each one: a
     * framework's and an occupation's (a {@code ceterms:Occupation}, a resource of its own in CTDL), at
     * {@code /resources/{ctid}} with that URL as its {@code @id}, and at the entry's {@code ctdlGraph}.
     */
    @Test
    void everyCtidTheChangeFeedListsIsServed() throws Exception {
        JsonNode changes = new ObjectMapper().readTree(get("/changes?since=1970-01-01T00:00:00Z").body()).get("changes");
        java.util.Set<String> kinds = new java.util.TreeSet<>();
        for (JsonNode c : changes) {
            String ctid = c.get("ctid").asText();
            kinds.add(c.get("kind").asText());
            HttpResponse<byte[]> r = get("/resources/" + ctid);
            String body = new String(r.body(), StandardCharsets.UTF_8);
            assertEquals(200, r.statusCode(), c + ": " + body);
            JsonNode doc = new ObjectMapper().readTree(body);
            assertEquals(root + "/resources/" + ctid, doc.get("@id").asText(), body);
            assertEquals(ctid, doc.get("ceterms:ctid").asText(), body);
            assertEquals(c.get("kind").asText().equals("occupation") ? "ceterms:Occupation" : "ceasn:CompetencyFramework",
                    doc.get("@type").asText(), body);
            assertTrue(c.has("ctdlGraph"), c.toString());
            HttpResponse<byte[]> g = get(c.get("ctdlGraph").asText().replace(root, ""));
            assertEquals(200, g.statusCode(), c.toString());
            assertEquals(root + "/resources/" + ctid, new ObjectMapper().readTree(g.body()).at("/@graph/0/@id").asText());
        }
        assertEquals(java.util.Set.of("framework", "occupation"), kinds);
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

    /**
     * An entry's time is when its import began, and the entry is visible only once the import commits: a harvester
     * that polled during an import and asks again from that poll's time never sees it. The sequence number follows
     * the commits, so {@code after} resumes without a gap.
     */
    @Test
    void theChangeFeedResumesAfterTheLastSequenceRead() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode all = json.readTree(get("/changes?since=1970-01-01T00:00:00Z").body()).get("changes");
        long fourth = all.get(3).get("sequence").asLong();
        JsonNode rest = json.readTree(get("/changes?after=" + fourth).body());
        assertEquals(all.size() - 4, rest.get("changes").size(), rest.toString());
        assertEquals(fourth + 1, rest.get("changes").get(0).get("sequence").asLong());
        JsonNode page = json.readTree(get("/changes?after=0&limit=2").body());
        assertEquals(2, page.get("changes").size());
        String next = page.get("next").asText();
        assertTrue(next.contains("after=" + page.get("changes").get(1).get("sequence").asLong()), next);
        JsonNode second = json.readTree(get(next.replace(root, "")).body());
        assertEquals(all.get(2).get("sequence").asLong(), second.get("changes").get(0).get("sequence").asLong());
        assertEquals(400, get("/changes?after=-1").statusCode());
        assertEquals(400, get("/changes?after=x").statusCode());
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
    void everyPageTheSitemapListsIsHtmlToAClientThatAcceptsAnything() throws Exception {
        String sitemap = new String(get("/sitemap.xml").body(), StandardCharsets.UTF_8);
        List<String> urls = org.jsoup.Jsoup.parse(sitemap, "", org.jsoup.parser.Parser.xmlParser()).select("url > loc")
                .eachText();
        assertTrue(urls.contains(root + "/ontology.html"), "the ontology's HTML page: " + urls.subList(0, 3));
        assertFalse(urls.contains(root + "/ontology"), "negotiated: Turtle to a client that accepts anything");
        // the site's own pages, and a sample of the resources' (each one is made the same way)
        List<String> sample = new java.util.ArrayList<>(urls.subList(0, 3));
        for (int i = 3; i < urls.size(); i += Math.max(1, urls.size() / 20)) {
            sample.add(urls.get(i));
        }
        for (String url : sample) {
            HttpResponse<String> r = HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                    .header("Accept", "*/*").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), url);
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"),
                    url + ": " + r.headers().firstValue("Content-Type"));
        }
    }

    @Test
    void aBigSitemapBecomesAnIndex() {
        List<String> pages = new java.util.ArrayList<>();
        for (int i = 0; i < 120_000; i++) {
            pages.add("http://x/doc/" + i + ".html");
        }
        String index = org.skillgraph.harvest.Sitemap.xml(pages, "http://x/", 0);
        assertTrue(index.contains("<sitemapindex") && index.contains("http://x/sitemap.xml?page=3"));
        assertTrue(org.skillgraph.harvest.Sitemap.xml(pages, "http://x/", 3).contains("http://x/doc/119999.html"));
        assertEquals(null, org.skillgraph.harvest.Sitemap.xml(pages, "http://x/", 4));
        assertTrue(Files.exists(store.dumpsDirectory().resolve(Dumps.MANIFEST)));
    }

    /**
     * The sitemap protocol scopes a sitemap to the folder it is in ("a Sitemap file located at
     * http://example.com/catalog/sitemap.xml can include any URLs starting with http://example.com/catalog/ but can
     * not include URLs starting with http://example.com/images/"): the index's sitemaps, which list the /doc/ pages,
     * must be at the site's root, not in a folder of their own (/sitemaps/1.xml could list only /sitemaps/…).
     */
    @Test
    void anIndexNamesSitemapsWhoseFolderHoldsEveryUrlTheyList() throws Exception {
        List<String> pages = new java.util.ArrayList<>();
        for (int i = 0; i < 120_000; i++) {
            pages.add(root + "/doc/" + i + ".html");
        }
        String index = org.skillgraph.harvest.Sitemap.xml(pages, root + "/", 0);
        List<String> sitemaps = org.jsoup.Jsoup.parse(index, "", org.jsoup.parser.Parser.xmlParser())
                .select("sitemap > loc").eachText();
        assertEquals(3, sitemaps.size(), index);
        for (String sitemap : sitemaps) {
            String path = URI.create(sitemap).getPath();
            String folder = root + path.substring(0, path.lastIndexOf('/') + 1);
            assertEquals(root + "/", folder, sitemap + " may list only URLs under " + folder);
        }
        // and the server answers each of them (the seeds' sitemap is one file: page 1 of it is that file)
        HttpResponse<byte[]> first = get(URI.create(sitemaps.get(0)).getRawPath() + "?"
                + URI.create(sitemaps.get(0)).getRawQuery());
        assertEquals(200, first.statusCode(), sitemaps.get(0));
        assertTrue(new String(first.body(), StandardCharsets.UTF_8).contains("/doc/occupation/29-2011.00.html"));
        assertEquals(404, get("/sitemap.xml?page=2").statusCode());
        assertEquals(400, get("/sitemap.xml?page=x").statusCode());
        assertEquals(400, get("/sitemap.xml?page=0").statusCode());
    }
}
