package org.skillgraph.serve;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;

/** The server's own SPARQL queries, kept as {@code .rq} resources beside this class and parsed once. */
final class Sparql {
    static final Query STATS = load("stats.rq");
    static final Query OCCUPATIONS = load("occupations.rq");
    static final Query SEARCH = load("search.rq");

    private Sparql() {
    }

    private static Query load(String name) {
        try (InputStream in = Sparql.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing query resource " + name);
            }
            return QueryFactory.create(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
