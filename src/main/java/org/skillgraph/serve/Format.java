package org.skillgraph.serve;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaRange;
import org.apache.jena.riot.RDFFormat;

/**
 * The document formats every resource is offered in, with their media type and file extension.
 * Negotiation parses and matches with Jena's {@link AcceptList}: each offer takes the quality of the most specific
 * range covering it, q=0 refuses, {@code *}{@code /*} gets the first offer (Turtle); media types compared
 * case-insensitively, and plain JSON gets JSON-LD.
 */
enum Format {
    TURTLE("ttl", "text/turtle", RDFFormat.TURTLE_PRETTY),
    JSONLD("jsonld", "application/ld+json", RDFFormat.JSONLD11_PRETTY),
    RDFXML("rdf", "application/rdf+xml", RDFFormat.RDFXML_PLAIN),
    NTRIPLES("nt", "application/n-triples", RDFFormat.NTRIPLES),
    HTML("html", "text/html", null);

    /**
     * Also offered, last: plain JSON, answered with JSON-LD (which is JSON), for the clients that ask for
     * {@code application/json} only, as a script's {@code fetch} often does.
     */
    private static final String JSON = "application/json";
    private static final AcceptList OFFERS = AcceptList.create(java.util.stream.Stream.concat(
            Arrays.stream(values()).map(Format::mediaType), java.util.stream.Stream.of(JSON)).toArray(String[]::new));

    private final String extension;
    private final String mediaType;
    private final RDFFormat rdfFormat;

    Format(String extension, String mediaType, RDFFormat rdfFormat) {
        this.extension = extension;
        this.mediaType = mediaType;
        this.rdfFormat = rdfFormat;
    }

    String extension() {
        return extension;
    }

    String mediaType() {
        return mediaType;
    }

    /** The Jena writer format, or {@code null} for HTML. */
    RDFFormat rdfFormat() {
        return rdfFormat;
    }

    /** The best format for an Accept header (absent means anything); {@code null} when none is acceptable. */
    static Format negotiate(String accept) {
        if (accept == null || accept.isBlank()) {
            return TURTLE;
        }
        AcceptList wanted;
        try {
            // media types are case-insensitive (RFC 9110 §8.3.1), Jena compares them as written
            wanted = new AcceptList(accept.toLowerCase(Locale.ROOT));
        } catch (RuntimeException e) {
            return TURTLE; // an unparseable Accept is treated as absent, as most servers do
        }
        // each offer gets the quality of the most specific range that covers it (RFC 9110 §12.5.1: "text/turtle;q=0.1,
        // */*;q=0.5" prefers anything to Turtle, and q=0 refuses); the best quality wins, and among equals the
        // first offer (Turtle). Jena's AcceptList parses and matches the ranges; its own choice goes by the highest
        // q of any range, whatever it covers
        Format best = null;
        double bestQ = 0;
        boolean jsonLdRefused = false;
        for (MediaRange offer : OFFERS.entries()) {
            MediaRange most = null;
            for (MediaRange r : wanted.entries()) {
                if (r.accepts(offer) && (most == null || r.moreGroundedThan(most))) {
                    most = r;
                }
            }
            String ct = offer.getContentTypeStr().toLowerCase(Locale.ROOT);
            Format f = ct.equals(JSON) ? JSONLD
                    : Arrays.stream(values()).filter(v -> v.mediaType.equals(ct)).findFirst().orElseThrow();
            if (f == JSONLD && !ct.equals(JSON) && most != null && most.get_q() <= 0) {
                jsonLdRefused = true; // then not as plain JSON either
            }
            if (most != null && most.get_q() > bestQ && !(ct.equals(JSON) && jsonLdRefused)) {
                best = f;
                bestQ = most.get_q();
            }
        }
        return best;
    }

    /** The format of a file extension ({@code ttl}), or {@code null}. */
    static Format byExtension(String ext) {
        return Arrays.stream(values()).filter(f -> f.extension.equals(ext)).findFirst().orElse(null);
    }

    /** Whether the client prefers HTML (a browser), for error pages. */
    static boolean prefersHtml(String accept) {
        return negotiate(accept) == HTML;
    }

    static String offered() {
        return Arrays.stream(values()).map(Format::mediaType).collect(Collectors.joining(", "));
    }
}
