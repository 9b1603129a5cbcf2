package org.skillgraph.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillgraph.ingest.Importer;
import org.skillgraph.store.GraphStore;
import org.skillgraph.vocab.ASN;
import org.skillgraph.vocab.CEASN;
import org.skillgraph.vocab.CETERMS;

/**
 * A graph or resource document is the same bytes each time it is made: built twice from one store, and built
 * from two stores that read the seeds in opposite orders. Its ETag is a hash of those bytes, so a document that
 * changed order on every request never answered If-None-Match with 304, and {@code export} differed from the
 * server.
 */
class CtdlDeterminismTest {
    static final String RESOURCES = "http://example.test/resources/";
    @TempDir
    Path tmp;

    @Test
    void everyDocumentIsTheSameBytesEachTimeAndFromEitherLoadingOrder() {
        List<Path> seeds = List.of(Path.of("seeds/29-2011.00.txt"), Path.of("seeds/29-2099.00.json"));
        Map<String, String> first;
        Map<String, String> again;
        Map<String, String> reversed;
        try (GraphStore a = load(tmp.resolve("a"), seeds)) {
            first = documents(a);
            again = documents(a);
        }
        try (GraphStore b = load(tmp.resolve("b"), List.of(seeds.get(1), seeds.get(0)))) {
            reversed = documents(b);
        }
        assertTrue(first.size() > 100, "graph documents of 2 frameworks and 2 models, and their resources");
        assertTrue(first.values().stream().anyMatch(d -> d.contains("ceterms:CredentialAlignmentObject")));
        for (String path : first.keySet()) {
            assertEquals(first.get(path), again.get(path), path + " built twice from one store");
            assertEquals(first.get(path), reversed.get(path), path + " from a store loaded in the other order");
        }
        assertEquals(first.keySet(), reversed.keySet());
    }

    private GraphStore load(Path dir, List<Path> paths) {
        GraphStore store = GraphStore.open(dir);
        for (Path p : paths) { // one import each, so the store is written in that order
            new Importer(store, "http://localhost:3030/", null,
                    Clock.fixed(Instant.parse("2026-05-20T10:00:00Z"), ZoneOffset.UTC)).importPaths(List.of(p));
        }
        return store;
    }

    /** Every graph and resource document of the store, by path, as the server writes it; each in fresh objects. */
    static Map<String, String> documents(GraphStore store) {
        return Txn.calculateRead(store.dataset(), () -> {
            var union = store.dataset().getUnionModel();
            Map<String, String> out = new TreeMap<>();
            for (var type : List.of(CEASN.CompetencyFramework, ASN.ProgressionModel)) {
                union.listSubjectsWithProperty(org.apache.jena.vocabulary.RDF.type, type).forEachRemaining(r -> {
                    String ctid = r.getProperty(CETERMS.ctid).getString();
                    out.put("graph/" + ctid, new CtdlDocuments(store.dataset())
                            .graph(ctid, "http://example.test/graph/" + ctid, RESOURCES).orElseThrow().toPrettyString());
                });
            }
            for (var type : List.of(CEASN.CompetencyFramework, ASN.ProgressionModel, CEASN.Competency,
                    ASN.ProgressionLevel)) {
                union.listSubjectsWithProperty(org.apache.jena.vocabulary.RDF.type, type).forEachRemaining(r -> {
                    String ctid = r.getProperty(CETERMS.ctid).getString();
                    out.put("resources/" + ctid, new CtdlDocuments(store.dataset()).resource(ctid, RESOURCES)
                            .orElseThrow().toPrettyString());
                });
            }
            return out;
        });
    }
}
