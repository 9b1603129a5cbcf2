package org.skillgraph.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Format#negotiate} with ranges that carry parameters besides {@code q}: Jena's {@code MediaType} reads a
 * range's parameters as one ({@code text/turtle;charset=utf-8;q=0.5} has a parameter {@code charset} whose value is
 * {@code utf-8;q=0.5}), so the quality was lost and the range weighed 1.
 */
class FormatNegotiateTest {

    @ParameterizedTest
    @CsvSource({
        "'text/turtle;charset=utf-8;q=0.5, application/rdf+xml;q=0.6', RDFXML",
        "'text/turtle; charset=utf-8; q=0.5, application/rdf+xml;q=0.6', RDFXML",
        "'text/turtle;level=1;q=0.5, application/rdf+xml;q=0.6', RDFXML",
        "'text/turtle;q=0.5;level=1, application/rdf+xml;q=0.6', RDFXML",
        "'application/ld+json;profile=\"http://www.w3.org/ns/json-ld#compacted\";q=0.2, text/turtle;q=0.3', TURTLE",
        "'application/ld+json;profile=\"a;q=0.1, b\";q=0.9, text/turtle;q=0.3', JSONLD",
        "'text/html;charset=utf-8;q=0, */*', TURTLE",
        "'text/turtle;charset=utf-8;q=0, application/n-triples;q=0.1', NTRIPLES",
        "'text/turtle;charset=utf-8', TURTLE",
        "'text/turtle;Q=0.5, application/rdf+xml;q=0.6', RDFXML"})
    void theQualityOfARangeWithOtherParametersCounts(String accept, Format expected) {
        assertEquals(expected, Format.negotiate(accept), accept);
    }

    @ParameterizedTest
    @CsvSource({
        "'text/turtle;charset=utf-8;q=0.5', TURTLE, 0.5",
        "'text/html;level=1;q=0.2, */*;q=0.1', HTML, 0.2"})
    void qualityReadsTheSameParameters(String accept, Format format, double expected) {
        assertEquals(expected, Format.quality(accept, format), 1e-9, accept);
    }
}
