package org.skillgraph.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillgraph.ingest.Importer;
import org.skillgraph.map.Ctids;
import org.skillgraph.store.GraphStore;

/** The CASE view of a store, without HTTP: versions, the association index, version order. */
class CasePackagesTest {
    static final String BASE = "http://localhost:3030/";
    static final String CASE = "https://example.org/ims/case/v1p1/";

    @TempDir
    Path tmp;

    @Test
    void theNewestStoredVersionIsTheDocumentUnderTheSameIdentifiers() throws Exception {
        String v1 = Files.readString(Path.of("seeds/29-2099.00.json"), StandardCharsets.UTF_8);
        String v2 = v1.replace("\"version\":\"v.26.05\"", "\"version\":\"v.26.10\"")
                .replace("collect and document under direct supervision", "collect and record under supervision");
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("a-newer.json"), v2, StandardCharsets.UTF_8);
        Files.writeString(in.resolve("b-older.json"), v1, StandardCharsets.UTF_8);
        try (GraphStore store = GraphStore.open(tmp.resolve("db"))) {
            new Importer(store, BASE, null, Clock.fixed(Instant.parse("2026-05-20T10:00:00Z"), ZoneOffset.UTC))
                    .importPaths(List.of(in));
            assertEquals(2, store.graphNames().stream().filter(g -> g.contains("/graph/29-2099.00/")).count());

            CasePackages cases = CasePackages.of(store.dataset());
            UUID id = UUID.fromString(Ctids.of("framework/29-2099.00/occupational").substring(3));
            assertEquals(List.of(id), cases.documentIds(), "two versions of one framework are one CFDocument");
            JsonNode doc = cases.document(id, CASE).orElseThrow();
            assertEquals("v.26.10", doc.get("version").asText());
            assertEquals(CASE + "CFDocuments/" + id, doc.get("uri").asText());

            UUID first = UUID.fromString(Ctids.of("framework/29-2099.00/occupational/level/emerging/statement/1")
                    .substring(3));
            JsonNode item = cases.item(first, CASE).orElseThrow();
            assertTrue(item.get("fullStatement").asText().startsWith("collect and record under supervision"),
                    item.toString());
            assertEquals("29-2099.00.E.1", item.get("humanCodingScheme").asText());

            JsonNode pkg = cases.pack(id, CASE).orElseThrow();
            assertEquals(44, pkg.get("CFItems").size(), "4 levels and 40 statements, once");
            for (JsonNode a : pkg.get("CFAssociations")) {
                UUID aid = UUID.fromString(a.get("identifier").asText());
                assertEquals(a.get("identifier"), cases.association(aid, CASE).orElseThrow().get("identifier"));
            }
            assertTrue(cases.association(UUID.randomUUID(), CASE).isEmpty());
            assertEquals(1, cases.documents(CASE, 0, 10).get("CFDocuments").size());
            assertEquals(0, cases.documents(CASE, 1, 10).get("CFDocuments").size());
        }
    }

    @Test
    void versionsCompareByTheirNumbers() {
        List<String> sorted = new ArrayList<>(List.of("v.27.01", "v.26.10", "v.26.05", "v.9", "v.26.05.1"));
        sorted.sort(org.skillgraph.model.Versions::compare);
        assertEquals(List.of("v.9", "v.26.05", "v.26.05.1", "v.26.10", "v.27.01"), sorted);
    }

    @Test
    void theAssociationIndexFindsEveryAssociationAndNothingElse() {
        Random random = new Random(7);
        AssociationIndex.Builder b = new AssociationIndex.Builder();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            UUID id = new UUID(random.nextLong(), random.nextLong());
            ids.add(id);
            b.add(id, i % 37);
        }
        AssociationIndex index = b.build();
        assertEquals(5000, index.size());
        for (int i = 0; i < ids.size(); i++) {
            assertEquals(i % 37, index.documentOf(ids.get(i)));
        }
        assertEquals(-1, index.documentOf(new UUID(random.nextLong(), random.nextLong())));
        assertEquals(-1, new AssociationIndex.Builder().build().documentOf(ids.get(0)));
    }
}
