package org.skillgraph.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.skillgraph.ingest.Importer;
import org.skillgraph.store.GraphStore;
import org.skillgraph.vocab.CEASN;
import org.skillgraph.vocab.CETERMS;

/**
 * Two versions of one framework share their CTIDs (a CTID leaves the version out): the framework, its
 * statements, progression model and levels. {@code /graph/{ctid}} serves the newest version, and every
 * {@code /resources/{ctid}} it links to answers with that version's node, whichever order the versions were
 * loaded in.
 */
class CtdlVersionsTest {
    static final String RESOURCES = "http://example.test/resources/";
    static final String DROPPED = "Clinical safety and hygiene protocols — follow established procedures for patient "
            + "handling and workspace sanitation under direct oversight.";
    @TempDir
    Path tmp;

    /**
     * The seed as v.26.05 and a v.26.06 in which the first level has another label, the second statement of the
     * first level another text, and the last statement of the first level is gone.
     */
    static List<Path> twoVersions(Path dir) throws IOException {
        Files.createDirectories(dir);
        String json = Files.readString(Path.of("seeds/29-2099.00.json"));
        Path old = Files.writeString(dir.resolve("29-2099.00.json"), json);
        assertTrue(json.contains("\"label\":\"Emerging\"") && json.contains(",\"" + DROPPED + "\"]"));
        String next = json.replace("\"version\":\"v.26.05\"", "\"version\":\"v.26.06\"")
                .replace("\"label\":\"Emerging\"", "\"label\":\"Emerging (revised)\"")
                .replace("Basic anatomical terminology — recognize", "Basic anatomical terminology (revised) — recognize")
                .replace(",\"" + DROPPED + "\"]", "]");
        Path newer = Files.writeString(dir.resolve("29-2099.00-v.26.06.json"), next);
        return List.of(old, newer);
    }

    /** A store holding both versions, the newest loaded {@code order} ("last" or "first"). */
    GraphStore twoVersionsLoaded(String order) throws IOException {
        List<Path> files = twoVersions(tmp.resolve("in"));
        GraphStore store = GraphStore.open(tmp.resolve("db"));
        for (Path p : order.equals("last") ? files : List.of(files.get(1), files.get(0))) {
            new Importer(store, "http://localhost:3030/", null,
                    Clock.fixed(Instant.parse("2026-05-20T10:00:00Z"), ZoneOffset.UTC)).importPaths(List.of(p));
        }
        return store;
    }

    @ParameterizedTest(name = "newest loaded {0}")
    @ValueSource(strings = {"last", "first"})
    void everyResourceTheNewestGraphDocumentNamesIsServedFromTheNewestVersion(String order) throws IOException {
        try (GraphStore store = twoVersionsLoaded(order)) {
            Txn.executeRead(store.dataset(), () -> {
                CtdlDocuments docs = new CtdlDocuments(store.dataset());
                Set<String> ctids = new TreeSet<>();
                store.dataset().getUnionModel().listSubjectsWithProperty(org.apache.jena.vocabulary.RDF.type,
                        CEASN.CompetencyFramework).forEachRemaining(r -> ctids.add(r.getProperty(CETERMS.ctid).getString()));
                assertEquals(1, ctids.size(), "one framework in two versions");
                String fw = ctids.iterator().next();
                assertTrue(docs.find(fw).orElseThrow().getURI().contains("/v.26.06"));

                ObjectNode graph = docs.graph(fw, "g", RESOURCES).orElseThrow();
                String model = graph.at("/@graph/0/asn:hasProgressionModel").asText().substring(RESOURCES.length());
                ObjectNode levels = docs.graph(model, "g", RESOURCES).orElseThrow();
                assertTrue(levels.toString().contains("Emerging (revised)"), "the newest version's levels");
                assertFalse(levels.toString().contains("\"Emerging\""), "only the newest version's levels");
                assertTrue(graph.toString().contains("Basic anatomical terminology (revised)"));
                assertFalse(graph.toString().contains("workspace sanitation under direct oversight"));

                List<JsonNode> nodes = new ArrayList<>();
                graph.get("@graph").forEach(nodes::add);
                levels.get("@graph").forEach(nodes::add);
                Set<String> named = new TreeSet<>();
                nodes.forEach(n -> collect(n, named));
                assertTrue(named.size() > 40, "the framework, its statements, the model and its levels: " + named);
                for (String url : named) {
                    String ctid = url.substring(RESOURCES.length());
                    ObjectNode served = docs.resource(ctid, RESOURCES)
                            .orElseThrow(() -> new AssertionError("404 for " + url + " named by the newest version"));
                    assertTrue(docs.find(ctid).orElseThrow().getURI().contains("/v.26.06"), url);
                    JsonNode inGraph = nodes.stream().filter(n -> n.path("@id").asText().equals(url)).findFirst()
                            .orElse(null);
                    if (inGraph != null) {
                        served.remove("@context");
                        assertEquals(inGraph, served, url + " as its graph document gives it");
                    }
                }
            });
        }
    }

    @ParameterizedTest(name = "newest loaded {0}")
    @ValueSource(strings = {"last", "first"})
    void aStatementOnlyTheOlderVersionHasIsNotServed(String order) throws IOException {
        try (GraphStore store = twoVersionsLoaded(order)) {
            Txn.executeRead(store.dataset(), () -> {
                var union = store.dataset().getUnionModel();
                var dropped = union.listSubjectsWithProperty(org.skillgraph.vocab.SG.sourceText,
                        union.createLiteral(DROPPED, "en")).toList();
                assertEquals(1, dropped.size());
                String ctid = dropped.get(0).getProperty(CETERMS.ctid).getString();
                assertTrue(new CtdlDocuments(store.dataset()).resource(ctid, RESOURCES).isEmpty());
            });
        }
    }

    /** Every string under {@code n} that names a resource document. */
    private static void collect(JsonNode n, Set<String> out) {
        if (n.isTextual() && n.asText().startsWith(RESOURCES)) {
            out.add(n.asText());
        } else if (n.isArray()) {
            ((ArrayNode) n).forEach(v -> collect(v, out));
        } else if (n.isObject()) {
            n.forEach(v -> collect(v, out));
        }
    }
}
