package org.skillgraph.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.skillgraph.ingest.Importer;
import org.skillgraph.store.GraphStore;
import org.skillgraph.vocab.CEASN;
import org.skillgraph.vocab.CETERMS;

/**
 * The CASE 1.1 API over real HTTP on a free port, with both seeds loaded. Every response body, success or
 * error, is validated against the JSON schema the OpenAPI service definition gives for that endpoint and
 * status ({@code src/test/resources/specs/case-v1p1-openapi.json}, strict: required fields,
 * {@code additionalProperties: false}, formats).
 */
class CaseApiTest {
    static final String BASE = "http://localhost:3030/";
    static final String API = "/ims/case/v1p1/";
    static final String FW = BASE + "id/framework/";
    static final Instant IMPORTED = Instant.parse("2026-05-20T10:00:00Z");
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path tmp;
    static GraphStore store;
    static SkillgraphServer server;
    static String root;
    static JsonNode spec;
    static JsonSchemaFactory schemas;
    static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.copy(Path.of("seeds/29-2099.00.json"), in.resolve("29-2099.00.json"));
        Files.copy(Path.of("seeds/29-2011.00.txt"), in.resolve("29-2011.00.txt"));
        store = GraphStore.open(tmp.resolve("db"));
        new Importer(store, BASE, null, Clock.fixed(IMPORTED, ZoneOffset.UTC)).importPaths(List.of(in));
        server = SkillgraphServer.create(store).base(BASE).port(0).build().start();
        root = "http://localhost:" + server.port();
        try (InputStream s = CaseApiTest.class.getResourceAsStream("/specs/case-v1p1-openapi.json")) {
            spec = JSON.readTree(s);
        }
        // OpenAPI 3.0's dialect (draft 4 plus nullable, discriminator…); the document's own keywords and the
        // x-1edtech annotations are known to carry no validation
        JsonMetaSchema openApi = JsonMetaSchema.builder(OpenApi30.getInstance()).addKeywords(Stream.of("openapi",
                "info", "servers", "tags", "paths", "components", "x-1edtech-confidentiality", "x-1edtech-privacy")
                .map(NonValidationKeyword::new).toList()).build();
        schemas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4, b -> b
                .metaSchema(openApi).defaultMetaSchemaIri(openApi.getIri()));
    }

    @AfterAll
    static void stop() {
        server.stop();
        store.close();
    }

    // ---- helpers ------------------------------------------------------------------------------------

    static HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(root + path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The schema the spec gives for a response of {@code operation} (a path of the spec) with this status. */
    static JsonSchema schemaFor(String operation, int status) {
        JsonNode responses = spec.path("paths").path(operation).path("get").path("responses");
        assertFalse(responses.isMissingNode(), "the spec has no GET " + operation);
        JsonNode response = responses.has(Integer.toString(status)) ? responses.get(Integer.toString(status))
                : responses.get("default");
        String ref = response.path("content").path("application/json").path("schema").path("$ref").asText();
        assertTrue(ref.startsWith("#/components/schemas/"), operation + " " + status + ": " + ref);
        return schema(ref.substring("#/components/schemas/".length()));
    }

    /** A named schema of the spec, its {@code $ref}s resolved against the spec document. */
    static JsonSchema schema(String name) {
        return SCHEMAS.computeIfAbsent(name, n -> {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            JsonSchema s = schemas.getSchema(SchemaLocation.of("classpath:specs/case-v1p1-openapi.json#/components/schemas/"
                    + n), config);
            s.initializeValidators();
            return s;
        });
    }

    static Set<ValidationMessage> violations(JsonSchema schema, JsonNode body) {
        return schema.validate(body);
    }

    /** GETs a CASE path, checks the status and the content type, and validates the body against the spec. */
    static JsonNode call(String operation, String path, int status) throws Exception {
        HttpResponse<String> r = get(API + path);
        assertEquals(status, r.statusCode(), path + ": " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), path);
        JsonNode body = JSON.readTree(r.body());
        Set<ValidationMessage> errors = violations(schemaFor(operation, status), body);
        assertTrue(errors.isEmpty(), path + " (" + status + ") does not conform to the CASE 1.1 spec: " + errors
                + "\n" + body.toPrettyString());
        return body;
    }

    static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    /** The UUID part of the CTID of a resource in the store. */
    static String uuid(String uri) {
        return store.read(ds -> {
            Model m = ds.getUnionModel();
            Resource r = m.createResource(uri);
            assertTrue(r.hasProperty(CETERMS.ctid), "no CTID for " + uri);
            return r.getProperty(CETERMS.ctid).getString().substring(3);
        });
    }

    static String competencyText(String uri) {
        return store.read(ds -> ds.getUnionModel().createResource(uri).getProperty(CEASN.competencyText).getString());
    }

    static List<JsonNode> documents() throws Exception {
        return list(call("/CFDocuments", "CFDocuments", 200).get("CFDocuments"));
    }

    static JsonNode pack(String id) throws Exception {
        return call("/CFPackages/{sourcedId}", "CFPackages/" + id, 200);
    }

    static String kind(JsonNode doc) {
        return doc.get("officialSourceURL").asText().replaceAll(".*/framework/[^/]+/([^/]+)/.*", "$1");
    }

    static void assertStatus(JsonNode body, String field, String codeMinor) {
        assertEquals("failure", body.get("imsx_codeMajor").asText());
        assertEquals("error", body.get("imsx_severity").asText());
        JsonNode minor = body.at("/imsx_codeMinor/imsx_codeMinorField/0");
        assertEquals(field, minor.get("imsx_codeMinorFieldName").asText(), body.toString());
        assertEquals(codeMinor, minor.get("imsx_codeMinorFieldValue").asText(), body.toString());
        assertFalse(body.get("imsx_description").asText().isBlank());
    }

    // ---- CFDocuments ----------------------------------------------------------------------------------

    @Test
    void everyFrameworkIsACfDocument() throws Exception {
        HttpResponse<String> r = get(API + "CFDocuments");
        assertEquals("4", r.headers().firstValue("X-Total-Count").orElseThrow());
        List<JsonNode> docs = documents();
        List<String> expected = List.of("29-2011.00/occupational", "29-2011.00/ai-usage", "29-2011.00/durable-skills",
                "29-2099.00/occupational");
        assertEquals(expected, docs.stream().map(d -> d.get("officialSourceURL").asText()
                .replaceAll(".*/framework/([^/]+/[^/]+)/.*", "$1")).toList(), "ordered by occupation, then kind");
        for (JsonNode d : docs) {
            String fw = d.get("officialSourceURL").asText();
            assertTrue(fw.startsWith(FW) && fw.endsWith("/v.26.05"), fw);
            String id = uuid(fw);
            assertEquals(id, d.get("identifier").asText(), "the identifier is the framework's CTID UUID");
            assertEquals(root + API + "CFDocuments/" + id, d.get("uri").asText());
            assertEquals(root + API + "CFPackages/" + id, d.at("/CFPackageURI/uri").asText());
            assertEquals(id, d.at("/CFPackageURI/identifier").asText());
            assertEquals("EBSCOed", d.get("creator").asText());
            assertEquals("EBSCOed", d.get("publisher").asText());
            assertEquals(IMPORTED.toString(), d.get("lastChangeDateTime").asText());
            assertEquals("1.1", d.get("caseVersion").asText());
            assertEquals("v.26.05", d.get("version").asText());
            assertEquals("en", d.get("language").asText());
            assertTrue(d.get("title").asText().contains(fw.contains("29-2011.00") ? "Medical and Clinical Laboratory"
                    : "Health Technologists"), d.get("title").asText());
            // the single document is the same object
            assertEquals(d, call("/CFDocuments/{sourcedId}", "CFDocuments/" + id, 200));
        }
    }

    @Test
    void pagesOfDocumentsCoverTheCollectionInOrder() throws Exception {
        List<JsonNode> all = documents();
        List<JsonNode> paged = new ArrayList<>();
        for (int offset = 0; offset < all.size(); offset += 3) {
            HttpResponse<String> r = get(API + "CFDocuments?limit=3&offset=" + offset);
            assertEquals(200, r.statusCode(), r.body());
            assertEquals("4", r.headers().firstValue("X-Total-Count").orElseThrow());
            String link = r.headers().firstValue("Link").orElseThrow();
            assertTrue(link.contains("?limit=3&offset=0>; rel=\"first\""), link);
            assertTrue(link.contains("?limit=3&offset=3>; rel=\"last\""), link);
            assertEquals(offset == 0, link.contains("rel=\"next\""), link);
            assertEquals(offset > 0, link.contains("rel=\"prev\""), link);
            JsonNode body = call("/CFDocuments", "CFDocuments?limit=3&offset=" + offset, 200);
            paged.addAll(list(body.get("CFDocuments")));
        }
        assertEquals(all, paged);
        assertEquals(List.of(all.get(1), all.get(2)),
                list(call("/CFDocuments", "CFDocuments?offset=1&limit=2", 200).get("CFDocuments")));
        assertEquals(all.subList(2, 4), list(call("/CFDocuments", "CFDocuments?offset=2", 200).get("CFDocuments")));
    }

    @ParameterizedTest
    @CsvSource({
        "limit=0, limit, invalid_selection_field",
        "limit=-1, limit, invalid_selection_field",
        "limit=ten, limit, invalid_selection_field",
        "limit=99999999999, limit, invalid_selection_field",
        "offset=-1, offset, invalid_selection_field",
        "offset=1.5, offset, invalid_selection_field",
        "offset=4, offset, invalid_selection_field",
        "limit=1&limit=2, limit, invalid_selection_field",
        "filter=title, filter, invalid_selection_field",
        "sort=title, sort, invalid_sort_field",
        "orderBy=desc, orderBy, invalid_sort_field"})
    void badPagingParametersAre400(String query, String field, String codeMinor) throws Exception {
        assertStatus(call("/CFDocuments", "CFDocuments?" + query, 400), field, codeMinor);
    }

    // ---- packages, items and the tree -------------------------------------------------------------------

    @Test
    void eachPackageHoldsTheWholeFrameworkAsATree() throws Exception {
        Map<String, Integer> statements = Map.of("occupational", 40, "ai-usage", 12, "durable-skills", 94);
        Map<String, Set<String>> codesByOccupation = new HashMap<>();
        for (JsonNode d : documents()) {
            String docId = d.get("identifier").asText();
            JsonNode pkg = pack(docId);
            JsonNode doc = pkg.get("CFDocument");
            assertEquals(docId, doc.get("identifier").asText());
            assertFalse(doc.has("CFPackageURI"), "a package's document has no package link (CFPckgDocumentDType)");
            String kind = kind(d);
            String soc = d.get("officialSourceURL").asText().replaceAll(".*/framework/([^/]+)/.*", "$1");
            List<JsonNode> items = list(pkg.get("CFItems"));
            List<JsonNode> assocs = list(pkg.get("CFAssociations"));
            Map<String, JsonNode> byId = new HashMap<>();
            for (JsonNode i : items) {
                assertTrue(byId.put(i.get("identifier").asText(), i) == null, "duplicate item " + i);
                assertEquals(root + API + "CFItems/" + i.get("identifier").asText(), i.get("uri").asText());
                assertEquals(IMPORTED.toString(), i.get("lastChangeDateTime").asText());
                assertTrue(codesByOccupation.computeIfAbsent(soc, k -> new HashSet<>())
                        .add(i.get("humanCodingScheme").asText()), "humanCodingScheme not unique: " + i);
            }
            Map<String, List<JsonNode>> byType = new HashMap<>();
            items.forEach(i -> byType.computeIfAbsent(i.get("CFItemType").asText(), k -> new ArrayList<>()).add(i));
            assertEquals(statements.get(kind), byType.get("Competency").size(), kind + " statements of " + soc);
            assertEquals(4, byType.get("Proficiency Level").size(), kind + " levels");
            assertEquals(kind.equals("durable-skills") ? 10 : 0, byType.getOrDefault("Durable Skill Domain", List.of())
                    .size(), kind + " domains");

            // every item is the origin of exactly one isChildOf; the parent chain ends at the document
            Map<String, String> parent = new HashMap<>();
            Map<String, String> skillLevel = new HashMap<>();
            Set<String> assocIds = new HashSet<>();
            for (JsonNode a : assocs) {
                assertTrue(assocIds.add(a.get("identifier").asText()), "duplicate association " + a);
                assertFalse(a.has("CFDocumentURI"), "CFPckgAssociationDType has no document link");
                assertEquals(root + API + "CFAssociations/" + a.get("identifier").asText(), a.get("uri").asText());
                String origin = a.at("/originNodeURI/identifier").asText();
                String destination = a.at("/destinationNodeURI/identifier").asText();
                assertTrue(byId.containsKey(origin), "origin is an item of the package: " + a);
                Map<String, String> target = a.get("associationType").asText().equals("isChildOf") ? parent : skillLevel;
                assertEquals(null, target.put(origin, destination), "two " + a.get("associationType") + " from " + origin);
                String prefix = destination.equals(docId) ? "CFDocuments/" : "CFItems/";
                assertEquals(root + API + prefix + destination, a.at("/destinationNodeURI/uri").asText());
            }
            assertEquals(byId.keySet(), parent.keySet(), "every item has a parent");
            for (JsonNode i : items) {
                String type = i.get("CFItemType").asText();
                String up = parent.get(i.get("identifier").asText());
                switch (type) {
                    case "Proficiency Level", "Durable Skill Domain" -> assertEquals(docId, up, i.toString());
                    default -> {
                        String parentType = byId.get(up).get("CFItemType").asText();
                        assertEquals(kind.equals("durable-skills") ? "Durable Skill Domain" : "Proficiency Level",
                                parentType, i.toString());
                        assertEquals(docId, parent.get(up));
                        if (kind.equals("durable-skills")) {
                            String level = skillLevel.get(i.get("identifier").asText());
                            assertNotNull(level, "a durable statement hasSkillLevel its level: " + i);
                            assertEquals("Proficiency Level", byId.get(level).get("CFItemType").asText());
                        }
                        assertTrue(i.has("listEnumeration"), i.toString());
                    }
                }
            }
            if (!kind.equals("durable-skills")) {
                assertTrue(skillLevel.isEmpty(), "hasSkillLevel only where the level is not the parent");
            }
        }
    }

    @Test
    void statementsCarryTextLabelCodeAndPosition() throws Exception {
        String occupational = FW + "29-2011.00/occupational/v.26.05";
        JsonNode pkg = pack(uuid(occupational));
        String statement = occupational + "/level/proficient/statement/3";
        JsonNode item = list(pkg.get("CFItems")).stream().filter(i -> i.get("identifier").asText()
                .equals(uuid(statement))).findFirst().orElseThrow();
        assertEquals("29-2011.00.P.3", item.get("humanCodingScheme").asText(), "3rd Proficient statement");
        assertEquals("3", item.get("listEnumeration").asText());
        assertEquals(competencyText(statement), item.get("fullStatement").asText());
        assertTrue(item.has("abbreviatedStatement"), item.toString());
        assertEquals("Competency", item.get("CFItemType").asText());
        JsonNode childOf = list(pkg.get("CFAssociations")).stream().filter(a -> a.at("/originNodeURI/identifier")
                .asText().equals(item.get("identifier").asText())).findFirst().orElseThrow();
        assertEquals(3, childOf.get("sequenceNumber").asInt());
        assertEquals("Proficient", childOf.at("/destinationNodeURI/title").asText());
        assertEquals(uuid(occupational + "/level/proficient"), childOf.at("/destinationNodeURI/identifier").asText());

        JsonNode level = call("/CFItems/{sourcedId}", "CFItems/" + uuid(occupational + "/level/proficient"), 200);
        assertEquals("29-2011.00.P", level.get("humanCodingScheme").asText());
        assertEquals("Proficient", level.get("fullStatement").asText());
        assertEquals("3", level.get("listEnumeration").asText());

        String ai = FW + "29-2011.00/ai-usage/v.26.05";
        String aiStatement = list(pack(uuid(ai)).get("CFItems")).stream()
                .filter(i -> i.get("CFItemType").asText().equals("Competency")).findFirst().orElseThrow()
                .get("humanCodingScheme").asText();
        assertTrue(aiStatement.matches("29-2011\\.00\\.AI\\.[A-Z]+\\.\\d+"), aiStatement);

        String durable = FW + "29-2011.00/durable-skills/v.26.05";
        JsonNode character2 = call("/CFItems/{sourcedId}", "CFItems/"
                + uuid(durable + "/level/applying/statement/character-2"), 200);
        // Character is domain 6; the durable scale's Emerging and Exceeding make EM and EX, Applying is A
        assertEquals("29-2011.00.DS.6.A.2", character2.get("humanCodingScheme").asText());
        assertEquals(competencyText(durable + "/level/applying/statement/character-2"),
                character2.get("fullStatement").asText());
        assertEquals("29-2011.00.DS.6", call("/CFItems/{sourcedId}", "CFItems/" + uuid(durable + "/domain/character"),
                200).get("humanCodingScheme").asText());
        assertEquals("29-2011.00.DS.EX", call("/CFItems/{sourcedId}", "CFItems/" + uuid(durable + "/level/exceeding"),
                200).get("humanCodingScheme").asText());
    }

    @Test
    void everyItemAndAssociationOfEveryPackageIsServedOnItsOwn() throws Exception {
        for (JsonNode d : documents()) {
            JsonNode pkg = pack(d.get("identifier").asText());
            List<JsonNode> assocs = list(pkg.get("CFAssociations"));
            for (JsonNode i : list(pkg.get("CFItems"))) {
                String id = i.get("identifier").asText();
                JsonNode item = call("/CFItems/{sourcedId}", "CFItems/" + id, 200);
                ObjectNode withoutLink = item.deepCopy();
                withoutLink.remove("CFDocumentURI");
                assertEquals(i, withoutLink, "the item alone is the package's item plus its document link");
                assertEquals(d.get("identifier").asText(), item.at("/CFDocumentURI/identifier").asText());
                assertEquals(d.get("title").asText(), item.at("/CFDocumentURI/title").asText());

                JsonNode set = call("/CFItemAssociations/{sourcedId}", "CFItemAssociations/" + id, 200);
                assertEquals(item, set.get("CFItem"));
                Set<JsonNode> expected = new HashSet<>(assocs.stream().filter(a -> a.at("/originNodeURI/identifier")
                        .asText().equals(id) || a.at("/destinationNodeURI/identifier").asText().equals(id)).toList());
                assertEquals(expected, new HashSet<>(list(set.get("CFAssociations"))), id);
            }
            for (JsonNode a : assocs) {
                JsonNode alone = call("/CFAssociations/{sourcedId}", "CFAssociations/" + a.get("identifier").asText(), 200);
                ObjectNode withoutLink = alone.deepCopy();
                withoutLink.remove("CFDocumentURI");
                assertEquals(a, withoutLink);
                assertEquals(d.get("identifier").asText(), alone.at("/CFDocumentURI/identifier").asText());
            }
        }
    }

    @Test
    void behindAProxyTheUrisUseThePublicUrl() throws Exception {
        SkillgraphServer published = SkillgraphServer.create(store).base(BASE).port(0)
                .publicUrl("https://data.example.org/").build().start();
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + published.port()
                    + API + "CFDocuments?limit=1")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            JsonNode doc = JSON.readTree(r.body()).at("/CFDocuments/0");
            assertEquals("https://data.example.org" + API + "CFDocuments/" + doc.get("identifier").asText(),
                    doc.get("uri").asText());
            assertTrue(r.headers().firstValue("Link").orElseThrow().startsWith("<https://data.example.org" + API),
                    r.headers().toString());
        } finally {
            published.stop();
        }
    }

    @Test
    void identifiersAreStable() throws Exception {
        String id = uuid(FW + "29-2099.00/occupational/v.26.05");
        assertEquals(pack(id), pack(id));
        // a CTID does not depend on the base URI or the version, so neither does the CASE identifier
        assertEquals(org.skillgraph.map.Ctids.of("framework/29-2099.00/occupational"), "ce-" + id);
    }

    // ---- errors --------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({
        "/CFDocuments/{sourcedId}, CFDocuments",
        "/CFPackages/{sourcedId}, CFPackages",
        "/CFItems/{sourcedId}, CFItems",
        "/CFAssociations/{sourcedId}, CFAssociations",
        "/CFItemAssociations/{sourcedId}, CFItemAssociations"})
    void unknownIdentifiersAre404(String operation, String endpoint) throws Exception {
        assertStatus(call(operation, endpoint + "/00000000-0000-5000-8000-000000000000", 404), "sourcedId",
                "unknownobject");
        assertStatus(call(operation, endpoint + "/not-a-uuid", 404), "sourcedId", "invalid_uuid");
    }

    @Test
    void anIdentifierIsOnlyFoundAtItsOwnKindOfEndpoint() throws Exception {
        String doc = uuid(FW + "29-2099.00/occupational/v.26.05");
        String level = uuid(FW + "29-2099.00/occupational/v.26.05/level/emerging");
        assertStatus(call("/CFItems/{sourcedId}", "CFItems/" + doc, 404), "sourcedId", "unknownobject");
        assertStatus(call("/CFDocuments/{sourcedId}", "CFDocuments/" + level, 404), "sourcedId", "unknownobject");
        assertStatus(call("/CFAssociations/{sourcedId}", "CFAssociations/" + level, 404), "sourcedId", "unknownobject");
        // identifiers are compared in lowercase
        assertEquals(doc, call("/CFDocuments/{sourcedId}", "CFDocuments/" + doc.toUpperCase(), 200)
                .get("identifier").asText());
    }

    @Test
    void errorsKeepTheCorsHeaders() throws Exception {
        HttpResponse<String> ok = get(API + "CFDocuments", "Origin", "https://viewer.example.org");
        assertEquals(200, ok.statusCode());
        assertTrue(ok.headers().firstValue("Access-Control-Allow-Origin").isPresent(), ok.headers().toString());
        HttpResponse<String> r = get(API + "CFItems/00000000-0000-5000-8000-000000000000", "Origin",
                "https://viewer.example.org");
        assertEquals(404, r.statusCode());
        assertTrue(r.headers().firstValue("Access-Control-Allow-Origin").isPresent(), r.headers().toString());
        assertFalse(r.headers().firstValue("ETag").isPresent());
    }

    @Test
    void endpointsThisServerDoesNotOfferAre404WithAStatusBody() throws Exception {
        HttpResponse<String> r = get(API + "CFSubjects/00000000-0000-5000-8000-000000000000");
        assertEquals(404, r.statusCode());
        JsonNode body = JSON.readTree(r.body());
        assertTrue(violations(schema("imsx_StatusInfoDType"), body).isEmpty(), body.toString());
        assertStatus(body, "endpoint", "unknownobject");
    }

    @Test
    void aPathParameterIsPartOfThePathNotDropped() throws Exception {
        String doc = uuid(FW + "29-2099.00/occupational/v.26.05");
        assertEquals(200, get(API + "CFDocuments/" + doc).statusCode());
        for (String path : List.of("CFDocuments;x", "CFDocuments/" + doc + ";x", "CFDocuments;x/" + doc)) {
            HttpResponse<String> r = get(API + path);
            assertEquals(404, r.statusCode(), path + ": " + r.body());
            assertTrue(violations(schema("imsx_StatusInfoDType"), JSON.readTree(r.body())).isEmpty(), r.body());
        }
    }

    @Test
    void conditionalGetAnswers304() throws Exception {
        String path = API + "CFPackages/" + uuid(FW + "29-2099.00/occupational/v.26.05");
        HttpResponse<String> r = get(path);
        String etag = r.headers().firstValue("ETag").orElseThrow();
        assertTrue(r.headers().firstValue("Last-Modified").isPresent());
        assertEquals(304, get(path, "If-None-Match", etag).statusCode());
        assertEquals(200, get(path, "If-None-Match", "\"other\"").statusCode());
    }

    // ---- the validator itself ---------------------------------------------------------------------------

    @Test
    void theValidatorRejectsWhatTheSpecForbids() throws Exception {
        JsonNode doc = documents().get(0);
        JsonSchema schema = schema("CFDocumentDType");
        assertTrue(violations(schema, doc).isEmpty());
        ObjectNode extra = doc.deepCopy();
        extra.put("unexpected", "field");
        assertFalse(violations(schema, extra).isEmpty(), "additionalProperties: false");
        ObjectNode missing = doc.deepCopy();
        missing.remove("creator");
        assertFalse(violations(schema, missing).isEmpty(), "creator is required");
        ObjectNode badLink = doc.deepCopy();
        ((ObjectNode) badLink.get("CFPackageURI")).remove("title");
        assertFalse(violations(schema, badLink).isEmpty(), "LinkURIDType requires a title ($ref resolved)");
        ObjectNode badDate = doc.deepCopy();
        badDate.put("lastChangeDateTime", "yesterday");
        assertFalse(violations(schema, badDate).isEmpty(), "date-time format");
        ObjectNode badId = doc.deepCopy();
        badId.put("identifier", "ce-" + doc.get("identifier").asText().toUpperCase());
        assertFalse(violations(schema, badId).isEmpty(), "identifier pattern");
        // inside arrays too: a package's item has no document link (CFPckgItemDType), unlike CFItemDType
        JsonNode pkg = pack(doc.get("identifier").asText());
        assertTrue(violations(schema("CFPackageDType"), pkg).isEmpty());
        ObjectNode linked = pkg.deepCopy();
        ((ObjectNode) linked.get("CFItems").get(0)).set("CFDocumentURI", doc.get("CFPackageURI"));
        assertFalse(violations(schema("CFPackageDType"), linked).isEmpty(), "CFPckgItemDType is strict");
        ObjectNode relative = pkg.deepCopy();
        ((ObjectNode) relative.get("CFAssociations").get(0)).put("uri", "not a uri");
        assertFalse(violations(schema("CFPackageDType"), relative).isEmpty(), "uri format");
        ObjectNode emptySet = JSON.createObjectNode();
        emptySet.putArray("CFDocuments");
        assertFalse(violations(schema("CFDocumentSetDType"), emptySet).isEmpty(), "a document set is never empty");
    }
}
