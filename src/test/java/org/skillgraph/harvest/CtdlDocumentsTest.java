package org.skillgraph.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.skillgraph.ingest.Importer;
import org.skillgraph.map.GraphDiff;
import org.skillgraph.store.GraphStore;
import org.skillgraph.vocab.CEASN;
import org.skillgraph.vocab.CETERMS;

/**
 * The CTDL-ASN documents say exactly what the store says: each graph document, expanded by a JSON-LD
 * processor (Jena's, i.e. Titanium) with the shipped context, gives the same triples as the store's CTDL
 * view of that framework, modulo the @id scheme (store URIs ↔ /resources/{ctid} URLs).
 */
class CtdlDocumentsTest {
    static final String RESOURCES = "http://example.test/resources/";
    @TempDir
    static Path tmp;
    static GraphStore store;

    @BeforeAll
    static void load() {
        store = GraphStore.open(tmp.resolve("db"));
        new Importer(store, "http://localhost:3030/", null, Clock.fixed(Instant.parse("2026-05-20T10:00:00Z"),
                ZoneOffset.UTC)).importPaths(List.of(Path.of("seeds")));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    static Stream<String> frameworkCtids() {
        return Txn.calculateRead(store.dataset(), () -> store.dataset().getUnionModel()
                .listSubjectsWithProperty(org.apache.jena.vocabulary.RDF.type, CEASN.CompetencyFramework)
                .mapWith(r -> r.getProperty(CETERMS.ctid).getString()).toList()).stream();
    }

    /** Expands with the shipped context: a registry graph document is one named graph (its @id). */
    static Model expand(JsonNode doc) {
        ObjectNode local = doc.deepCopy();
        local.set("@context", CtdlJson.context().get("@context"));
        org.apache.jena.query.Dataset ds = org.apache.jena.query.DatasetFactory.create();
        RDFParser.fromString(local.toString(), Lang.JSONLD).parse(ds);
        return ModelFactory.createDefaultModel().add(ds.getUnionModel()).add(ds.getDefaultModel());
    }

    @Test
    void thereAreFourFrameworksAndEachHasItsStatements() {
        List<String> ctids = frameworkCtids().toList();
        assertEquals(4, ctids.size());
        List<Integer> sizes = new ArrayList<>();
        Txn.executeRead(store.dataset(), () -> {
            for (String ctid : ctids) {
                ObjectNode doc = new CtdlDocuments(store.dataset()).graph(ctid, "http://example.test/graph/" + ctid,
                        RESOURCES).orElseThrow();
                sizes.add(doc.get("@graph").size() - 1);
            }
        });
        sizes.sort(null);
        assertEquals(List.of(12, 40, 40, 94), sizes);
    }

    @ParameterizedTest
    @MethodSource("frameworkCtids")
    void theGraphDocumentExpandsToTheStoresView(String ctid) {
        Txn.executeRead(store.dataset(), () -> {
            CtdlDocuments docs = new CtdlDocuments(store.dataset());
            ObjectNode doc = docs.graph(ctid, "http://example.test/graph/" + ctid, RESOURCES).orElseThrow();
            assertEquals("https://credreg.net/ctdlasn/schema/context/json", doc.get("@context").asText());
            JsonNode first = doc.get("@graph").get(0);
            assertEquals("ceasn:CompetencyFramework", first.get("@type").asText(), "framework node first");
            for (JsonNode node : doc.get("@graph")) {
                assertTrue(node.has("ceterms:ctid"), "every node has a CTID: " + node);
                assertTrue(node.has("ceasn:dateModified"), "every node has dateModified: " + node);
            }
            // registry minimum data
            for (String field : List.of("@id", "@type", "ceasn:name", "ceasn:description", "ceasn:inLanguage",
                    "ceterms:ctid", "ceasn:publisherName", "ceasn:license")) {
                assertTrue(first.has(field), "framework lacks " + field);
            }
            assertTrue(first.get("ceasn:name").has("en"), "text is a language map");
            JsonNode competency = doc.get("@graph").get(1);
            for (String field : List.of("@id", "@type", "ceasn:competencyText", "ceasn:inLanguage", "ceasn:isPartOf",
                    "ceterms:ctid")) {
                assertTrue(competency.has(field), "competency lacks " + field);
            }
            Model view = docs.view(ctid).orElseThrow();
            Model expected = skolemise(rename(view, docs.ids(view, RESOURCES)));
            Model actual = skolemise(expand(doc));
            String diff = GraphDiff.diff(expected.getGraph(), actual.getGraph(), expected);
            assertNull(diff, diff);
            assertTrue(actual.size() > 100);
        });
    }

    @Test
    void theOccupationalFrameworkCarriesItsAlignmentsAndCitations() {
        Txn.executeRead(store.dataset(), () -> {
            CtdlDocuments docs = new CtdlDocuments(store.dataset());
            String ctid = frameworkCtids().filter(c -> docs.find(c).orElseThrow().getURI()
                    .contains("29-2011.00/occupational")).findFirst().orElseThrow();
            JsonNode fw = docs.graph(ctid, "g", RESOURCES).orElseThrow().get("@graph").get(0);
            assertEquals("29-2011.00", fw.at("/ceterms:occupationType/0/ceterms:codedNotation").asText());
            assertEquals("http://localhost:3030/id/occupation/29-2011.00",
                    fw.at("/ceterms:occupationType/0/ceterms:targetNode").asText());
            String ai = frameworkCtids().filter(c -> docs.find(c).orElseThrow().getURI().contains("ai-usage"))
                    .findFirst().orElseThrow();
            long cited = 0;
            for (JsonNode n : docs.graph(ai, "g", RESOURCES).orElseThrow().get("@graph")) {
                cited += n.path("ceasn:sourceDocumentation").size();
            }
            assertEquals(14, cited, "citation links of the 12 AI-usage statements");
        });
    }

    /**
     * CTDL-ASN gives ceasn:skillEmbodied, knowledgeEmbodied, abilityEmbodied and taskEmbodied to a competency
     * (and to CTDL's occupation, job, task and work role), each naming what is embodied in it; a framework has
     * none of them (the Registry's CompetencyFramework has no such field, its Competency has all four).
     */
    @ParameterizedTest
    @MethodSource("frameworkCtids")
    void noFrameworkNodeCarriesATermOfACompetency(String ctid) {
        Txn.executeRead(store.dataset(), () -> {
            ObjectNode doc = new CtdlDocuments(store.dataset()).graph(ctid, "g", RESOURCES).orElseThrow();
            for (JsonNode node : doc.get("@graph")) {
                for (String term : List.of("ceasn:skillEmbodied", "ceasn:knowledgeEmbodied", "ceasn:abilityEmbodied",
                        "ceasn:taskEmbodied")) {
                    assertTrue(!node.has(term) || node.get("@type").asText().equals("ceasn:Competency"),
                            term + " on a " + node.get("@type").asText() + ": " + node.get("@id").asText());
                }
            }
        });
    }

    @Test
    void resourceDocumentsAndProgressionModels() {
        Txn.executeRead(store.dataset(), () -> {
            CtdlDocuments docs = new CtdlDocuments(store.dataset());
            String ctid = frameworkCtids().findFirst().orElseThrow();
            ObjectNode graph = docs.graph(ctid, "g", RESOURCES).orElseThrow();
            String competencyCtid = graph.get("@graph").get(1).get("ceterms:ctid").asText();
            ObjectNode one = docs.resource(competencyCtid, RESOURCES).orElseThrow();
            assertEquals(RESOURCES + competencyCtid, one.get("@id").asText());
            assertEquals("ceasn:Competency", one.get("@type").asText());
            String model = graph.get("@graph").get(0).get("asn:hasProgressionModel").asText()
                    .substring(RESOURCES.length());
            ObjectNode levels = docs.graph(model, "g", RESOURCES).orElseThrow();
            JsonNode progression = levels.get("@graph").get(0);
            assertEquals("asn:ProgressionModel", progression.get("@type").asText());
            assertEquals(4, levels.get("@graph").size() - 1);
            // CTDL-ASN (since a progression model is no longer a skos:ConceptScheme): the model is named with
            // ceasn:name, each level names its model with ceasn:inProgressionModel and its own name is skos:prefLabel
            assertTrue(progression.path("ceasn:name").has("en"), "the model's ceasn:name: " + progression);
            assertTrue(!progression.has("skos:prefLabel"), "skos:prefLabel on the model: " + progression);
            // and says its language, as a registry's import asks of a progression model
            assertEquals("[\"en\"]", progression.path("ceasn:inLanguage").toString(), "ceasn:inLanguage: " + progression);
            for (int i = 1; i < levels.get("@graph").size(); i++) {
                JsonNode level = levels.get("@graph").get(i);
                assertEquals(progression.get("@id").asText(), level.path("ceasn:inProgressionModel").asText(),
                        "the level's ceasn:inProgressionModel: " + level);
                assertTrue(!level.has("skos:inScheme"), "skos:inScheme on a level: " + level);
                assertTrue(level.path("skos:prefLabel").has("en"), "the level's skos:prefLabel: " + level);
            }
            assertTrue(docs.graph("ce-00000000-0000-0000-0000-000000000000", "g", RESOURCES).isEmpty());
        });
    }

    /**
     * Names every alignment object (a blank node) after the property pointing at it and its target, so the
     * comparison is a plain set comparison (isomorphism search over dozens of look-alike blank nodes is slow).
     */
    static Model skolemise(Model m) {
        java.util.Map<Node, Node> names = new java.util.HashMap<>();
        m.getGraph().find().forEachRemaining(t -> {
            if (t.getObject().isBlank()) {
                Node target = m.getGraph().find(t.getObject(), NodeFactory.createURI(CETERMS.NS + "targetNode"), Node.ANY).next().getObject();
                names.put(t.getObject(), NodeFactory.createURI("urn:alignment:" + t.getPredicate().getLocalName()
                        + ":" + target.getURI()));
            }
        });
        Model out = ModelFactory.createDefaultModel();
        m.getGraph().find().forEachRemaining(t -> out.getGraph().add(Triple.create(
                names.getOrDefault(t.getSubject(), t.getSubject()), t.getPredicate(),
                names.getOrDefault(t.getObject(), t.getObject()))));
        assertTrue(out.listSubjects().toList().stream().noneMatch(org.apache.jena.rdf.model.RDFNode::isAnon));
        return out;
    }

    /** The model with every IRI passed through {@code id}. */
    static Model rename(Model m, Function<String, String> id) {
        Model out = ModelFactory.createDefaultModel();
        m.getGraph().find().forEachRemaining(t -> out.getGraph().add(Triple.create(map(t.getSubject(), id),
                t.getPredicate(), map(t.getObject(), id))));
        return out;
    }

    private static Node map(Node n, Function<String, String> id) {
        return n.isURI() ? NodeFactory.createURI(id.apply(n.getURI())) : n;
    }
}
