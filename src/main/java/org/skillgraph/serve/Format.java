package org.skillgraph.serve;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaRange;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.riot.RDFFormat;

/**
 * The document formats every resource is offered in, with their media type and file extension.
 * Negotiation uses Jena's {@link AcceptList}: q-values honoured, {@code *}{@code /*} gets the first offer (Turtle);
 * media types compared case-insensitively, q=0 refuses what it covers, and plain JSON gets JSON-LD.
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
        // q=0 means "not acceptable" (RFC 9110 §12.4.2): an offer whose most specific range says so is not offered,
        // and those ranges take no part in Jena's choice among the rest
        List<MediaType> offers = OFFERS.entries().stream().filter(o -> !refused(wanted, o))
                .map(MediaType.class::cast).toList();
        List<MediaRange> ranges = wanted.entries().stream().filter(r -> r.get_q() > 0).toList();
        if (offers.isEmpty() || ranges.isEmpty()) {
            return null;
        }
        MediaType chosen = AcceptList.match(new AcceptList(ranges), AcceptList.create(offers.toArray(MediaType[]::new)));
        if (chosen == null) {
            return null;
        }
        String ct = chosen.getContentTypeStr().toLowerCase(Locale.ROOT);
        if (ct.equals(JSON)) {
            return JSONLD;
        }
        return Arrays.stream(values()).filter(f -> f.mediaType.equals(ct)).findFirst().orElse(null);
    }

    /** Whether the most specific range of {@code wanted} that covers {@code offer} has q=0. */
    private static boolean refused(AcceptList wanted, MediaType offer) {
        MediaRange most = null;
        for (MediaRange r : wanted.entries()) {
            if (r.accepts(offer) && (most == null || r.moreGroundedThan(most))) {
                most = r;
            }
        }
        return most != null && most.get_q() <= 0;
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
