package org.skillgraph.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.skillgraph.map.Ctids;
import org.skillgraph.store.Change;
import org.skillgraph.store.GraphStore;

/**
 * Dates never go backwards: after the newest version of a framework is removed, the version served in its place
 * says it was modified when the change feed says the framework changed (the removal), not when that older version
 * was imported. A registry or CASE client that applies only newer dates would otherwise ignore the revert the feed
 * announces.
 */
class DatesAfterRemovalTest {
    static final String BASE = "http://localhost:3030/";
    static final String RESOURCES = "http://example.test/resources/";
    static final String CASE = "http://example.test/ims/case/v1p1/";

    @TempDir
    Path tmp;

    @Test
    void theFrameworkServedAfterARemovalIsDatedNoEarlierThanTheRemoval() throws Exception {
        List<Path> versions = CtdlVersionsTest.twoVersions(tmp.resolve("in"));
        try (GraphStore store = GraphStore.open(tmp.resolve("db"))) {
            new Importer(store, BASE, null, Clock.fixed(Instant.parse("2020-05-20T10:00:00Z"), ZoneOffset.UTC))
                    .importPaths(List.of(versions.get(0)));
            new Importer(store, BASE, null, Clock.fixed(Instant.parse("2020-06-20T10:00:00Z"), ZoneOffset.UTC))
                    .importPaths(List.of(versions.get(1)));
            assertTrue(store.remove(BASE + "graph/29-2099.00/v.26.06"));

            String ctid = Ctids.of("framework/29-2099.00/occupational");
            List<Change> feed = store.changes(Instant.EPOCH, 1000, 0);
            Change last = feed.stream().filter(c -> c.object().startsWith(BASE + "id/framework/29-2099.00/occupational/"))
                    .reduce((a, b) -> b).orElseThrow();
            assertEquals("update", last.type(), "the version served in the removed one's place is updated: " + feed);
            Instant removal = last.time();
            assertTrue(removal.isAfter(Instant.parse("2020-06-20T10:00:00Z")), removal.toString());

            Txn.executeRead(store.dataset(), () -> {
                CtdlDocuments docs = new CtdlDocuments(store.dataset());
                JsonNode graph = docs.graph(ctid, "g", RESOURCES).orElseThrow();
                assertTrue(graph.at("/@graph/0/@id").asText().startsWith(RESOURCES), graph.toString());
                assertNoneBefore(removal, graph.get("@graph"), "/graph/" + ctid);
                String model = graph.at("/@graph/0/asn:hasProgressionModel").asText().substring(RESOURCES.length());
                assertNoneBefore(removal, docs.graph(model, "g", RESOURCES).orElseThrow().get("@graph"),
                        "/graph/" + model + " (its progression model)");
                String statement = Ctids.of("framework/29-2099.00/occupational/level/emerging/statement/1");
                assertNoneBefore(removal, List.of(docs.resource(statement, RESOURCES).orElseThrow()),
                        "/resources/" + statement);

                CasePackages cases = CasePackages.of(store.dataset());
                UUID id = UUID.fromString(ctid.substring(3));
                assertEquals("v.26.05", cases.document(id, CASE).orElseThrow().get("version").asText());
                assertNotBefore(removal, cases.document(id, CASE).orElseThrow(), "CFDocuments/" + id);
                assertNotBefore(removal, cases.documents(CASE, 0, 10).at("/CFDocuments/0"), "CFDocuments");
                JsonNode pkg = cases.pack(id, CASE).orElseThrow();
                assertNotBefore(removal, pkg.get("CFDocument"), "CFPackages/" + id);
                assertFalse(pkg.get("CFItems").isEmpty());
                for (String part : List.of("CFItems", "CFAssociations")) {
                    for (JsonNode n : pkg.get(part)) {
                        assertNotBefore(removal, n, "CFPackages/" + id + " " + part);
                    }
                }
                UUID item = UUID.fromString(statement.substring(3));
                assertNotBefore(removal, cases.item(item, CASE).orElseThrow(), "CFItems/" + item);
            });
        }
    }

    private static void assertNoneBefore(Instant removal, Iterable<JsonNode> nodes, String where) {
        for (JsonNode n : nodes) {
            String date = n.path("ceasn:dateModified").asText("");
            assertFalse(date.isEmpty(), where + ": a node without ceasn:dateModified: " + n);
            assertFalse(Instant.parse(date).isBefore(removal), where + ": " + n.path("@id").asText() + " is dated "
                    + date + ", before the change feed's " + removal);
        }
    }

    private static void assertNotBefore(Instant removal, JsonNode n, String where) {
        String date = n.path("lastChangeDateTime").asText("");
        assertFalse(date.isEmpty(), where + ": no lastChangeDateTime: " + n);
        assertFalse(Instant.parse(date).isBefore(removal), where + ": " + n.path("identifier").asText() + " is dated "
                + date + ", before the change feed's " + removal);
    }
}
