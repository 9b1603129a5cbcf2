package org.skillgraph.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillgraph.ingest.Importer;
import org.skillgraph.store.GraphStore;

/**
 * Versions are compared as numbers wherever "the newest version" is chosen: {@code v.26.10} is newer than
 * {@code v.26.9} (as the CASE catalog already has it), so {@code /graph/{ctid}} and the CASE CFDocument of one CTID
 * are the same version. And a framework's occupation alignment is the occupation as that version's own document
 * names it, not once per title any stored version gave.
 */
class CtdlVersionOrderTest {
    static final String RESOURCES = "http://example.test/resources/";
    static final String CTID = "ce-27cb948a-e20f-5b83-931c-49bd91ad197e";
    @TempDir
    Path tmp;

    @Test
    void theGraphDocumentIsTheNumericallyNewestVersionAsInCase() throws IOException {
        String json = Files.readString(Path.of("seeds/29-2099.00.json"));
        assertTrue(json.contains("\"version\":\"v.26.05\"") && json.contains("\"title\":\"Health Technologists and Technicians, All Other\""));
        Path older = Files.writeString(tmp.resolve("older.json"), json.replace("\"version\":\"v.26.05\"", "\"version\":\"v.26.9\""));
        Path newer = Files.writeString(tmp.resolve("newer.json"), json
                .replace("\"version\":\"v.26.05\"", "\"version\":\"v.26.10\"")
                .replace("\"title\":\"Health Technologists and Technicians, All Other\"",
                        "\"title\":\"Health Technologists and Technicians, Renamed\""));
        try (GraphStore store = GraphStore.open(tmp.resolve("db"))) {
            new Importer(store, "http://localhost:3030/", null,
                    Clock.fixed(Instant.parse("2026-05-20T10:00:00Z"), ZoneOffset.UTC)).importPaths(List.of(older, newer));
            Txn.executeRead(store.dataset(), () -> {
                CtdlDocuments docs = new CtdlDocuments(store.dataset());
                assertTrue(docs.find(CTID).orElseThrow().getURI().endsWith("/v.26.10"),
                        "v.26.10 is newer than v.26.9: " + docs.find(CTID).orElseThrow());
                ObjectNode pkg = CasePackages.of(store.dataset()).pack(UUID.fromString(CTID.substring(3)),
                        "http://example.test/ims/case/v1p1/").orElseThrow();
                assertEquals("v.26.10", pkg.at("/CFDocument/version").asText(), "CASE serves v.26.10");

                JsonNode alignments = docs.graph(CTID, "g", RESOURCES).orElseThrow().at("/@graph/0/ceterms:occupationType");
                assertEquals(1, alignments.size(), "one alignment to the one occupation: " + alignments);
                assertEquals("Health Technologists and Technicians, Renamed",
                        alignments.at("/0/ceterms:targetNodeName/en").asText());
            });
        }
    }
}
