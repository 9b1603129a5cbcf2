package org.skillgraph.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.Test;

/** Kept SPARQL answers: only of the current data, and within their bounds in bytes. */
class QueryResultsTest {
    final LiveData live = new LiveData(Instant.EPOCH);
    final QueryResults results = new QueryResults(live, 100_000, 10_000);

    @Test
    void anAnswerIsKeptForTheDataItWasComputedFromAndDroppedWhenTheDataChanges() {
        byte[] body = "{\"boolean\": true}".getBytes();
        results.put("q", "application/sparql-results+json", java.util.Map.of("Vary", "Accept"), body, live.generation());
        QueryResults.Answer a = results.get("q");
        assertArrayEquals(body, a.body());
        assertEquals("application/sparql-results+json", a.contentType());
        assertEquals("Accept", a.headers().get("Vary"));
        live.changed(Instant.parse("2026-05-20T10:00:00Z"));
        assertNull(results.get("q"), "an answer about the previous data");
        assertEquals(0, results.size());
    }

    @Test
    void anAnswerComputedWhileTheDataChangedIsNotKept() {
        long began = live.generation();
        live.changed(Instant.now()); // an import commits while the query runs
        results.put("q", "text/csv", java.util.Map.of(), "n\r\n1\r\n".getBytes(), began);
        assertEquals(0, results.size());
    }

    @Test
    void onlyAnswersThatDependOnTheDataAloneAreKept() {
        assertTrue(sameAnswerEachTime(
                "SELECT ?s (COUNT(*) AS ?n) { ?s ?p ?o FILTER(STRLEN(STR(?o)) > 3) } GROUP BY ?s ORDER BY DESC(?n) ?s"));
        assertTrue(sameAnswerEachTime("DESCRIBE <urn:x>"));
        // words that only look like the functions: compiled and walked, and found not to vary
        assertTrue(sameAnswerEachTime(
                "SELECT ?s { ?s <urn:service> ?now FILTER(CONTAINS(STR(?now), 'random uuid')) } ORDER BY ?now"));
        for (String q : List.of(
                "SELECT (NOW() AS ?t) {}",
                "SELECT ?s { ?s ?p ?o } ORDER BY RAND() LIMIT 3",
                "SELECT ?s { ?s ?p ?o FILTER(RAND() < 0.1) }",
                "SELECT ?s ?id { ?s ?p ?o BIND(STRUUID() AS ?id) }",
                "SELECT ?s (UUID() AS ?id) { ?s ?p ?o }",
                "SELECT ?s (COUNT(*) AS ?n) { ?s ?p ?o } GROUP BY ?s HAVING (RAND() > 0.5)",
                "SELECT ?s (SAMPLE(STRUUID()) AS ?id) { ?s ?p ?o } GROUP BY ?s",
                "SELECT ?s (MAX(?o) AS ?m) { ?s ?p ?o } GROUP BY ?s ORDER BY DESC(NOW() - ?m)",
                "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o FILTER(?o < NOW()) }",
                "ASK { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
                "SELECT * { ?s ?p ?o OPTIONAL { SERVICE SILENT <http://example.org/sparql> { ?o ?q ?r } } }")) {
            assertFalse(sameAnswerEachTime(q), q);
        }
    }

    private static boolean sameAnswerEachTime(String query) {
        org.apache.jena.query.Query q = QueryFactory.create(query);
        return QueryResults.sameAnswerEachTime(q, query);
    }

    @Test
    void answersStayWithinTheirBoundsInBytes() {
        results.put("large", "text/csv", java.util.Map.of(), new byte[10_001], live.generation());
        assertNull(results.get("large"), "larger than an answer may be");
        for (int i = 0; i < 200; i++) {
            results.put("q" + i, "text/csv", java.util.Map.of(), new byte[5_000], live.generation());
        }
        long kept = results.size();
        assertTrue(kept > 0 && kept <= 20, kept + " answers of 5,000 bytes kept in 100,000");
    }
}
