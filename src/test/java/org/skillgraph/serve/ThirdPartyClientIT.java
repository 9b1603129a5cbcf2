package org.skillgraph.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillgraph.ingest.Importer;
import org.skillgraph.store.GraphStore;

/**
 * A client nobody here wrote: Python's rdflib (Debian's python3-rdflib, installed by
 * {@code scripts/install-test-tools.sh} before the integration tests) dereferences our URIs, follows the
 * 303s, parses Turtle, JSON-LD, RDF/XML and N-Triples, and queries the endpoint with its SPARQLStore.
 */
class ThirdPartyClientIT {
    @TempDir
    Path tmp;

    @Test
    void rdflibDereferencesParsesAndQueries() throws Exception {
        try (GraphStore store = GraphStore.open(tmp.resolve("db"))) {
            new Importer(store, "http://localhost:3030/", null).importPaths(List.of(Path.of("seeds")));
            SkillgraphServer server = SkillgraphServer.create(store).port(0).build().start();
            try {
                Process p = new ProcessBuilder("/usr/bin/python3", "src/test/python/deref_check.py",
                        "http://localhost:" + server.port(), "http://localhost:3030/").redirectErrorStream(true).start();
                assertTrue(p.waitFor(120, TimeUnit.SECONDS), "rdflib client timed out");
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertEquals(0, p.exitValue(), out);
                for (String expected : List.of("ok text/turtle", "ok application/ld+json", "ok application/rdf+xml",
                        "ok application/n-triples", "ok rdflib parse(url)", "ok rdflib parse(url, format=nt)",
                        "ok rdflib parse(url, format=json-ld)", "ok SPARQLStore: 186")) {
                    assertTrue(out.contains(expected), out);
                }
            } finally {
                server.stop();
            }
        }
    }
}
