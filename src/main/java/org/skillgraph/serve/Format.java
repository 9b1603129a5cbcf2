package org.skillgraph.serve;

import java.util.Arrays;
import java.util.Locale;
import org.apache.jena.atlas.io.BufferingWriter;
import org.apache.jena.atlas.io.IO;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaRange;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriterRegistry;
import org.apache.jena.riot.RIOT;
import org.apache.jena.riot.system.PrefixMapFactory;

/**
 * The document formats every resource is offered in, with their media type and file extension.
 * Negotiation parses and matches with Jena's {@link AcceptList}: each offer takes the quality of the most specific
 * range covering it, q=0 refuses, {@code *}{@code /*} gets the first offer (Turtle); media types compared
 * case-insensitively, plain JSON gets JSON-LD, and the other media types Jena registers for a format's language get
 * that format (after every format's own, and not for a format refused by its own).
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
    /**
     * The other media types Jena registers for a format's language, offered after every other: {@code text/plain}
     * for N-Triples (its type before RDF 1.1, which rdflib asks for N-Triples by), {@code application/turtle} for
     * Turtle; not {@code x/ld-json-11}, which Jena registers to tell JSON-LD 1.1 apart.
     */
    private static final java.util.List<java.util.Map.Entry<String, Format>> ALIASES = Arrays.stream(values())
            .filter(f -> f.rdfFormat != null)
            .flatMap(f -> f.rdfFormat.getLang().getAltContentTypes().stream()
                    .map(t -> t.toLowerCase(Locale.ROOT)).filter(t -> !t.equals(f.mediaType))
                    .filter(t -> !t.startsWith("x/")) // Jena's own marker of a JSON-LD version, not a media type
                    .map(t -> java.util.Map.entry(t, f)))
            .toList();
    /** Every media type answered: each format's, plain JSON, then each alias. */
    private static final java.util.List<String> OFFERED_TYPES = java.util.stream.Stream.of(
            Arrays.stream(values()).map(Format::mediaType), java.util.stream.Stream.of(JSON),
            ALIASES.stream().map(java.util.Map.Entry::getKey)).flatMap(t -> t).toList();
    private static final java.util.List<MediaRange> OFFERS = OFFERED_TYPES.stream().map(MediaRange::new).toList();
    /**
     * The format each of {@link #OFFERS} is answered in, in the same order: every format, JSON-LD for JSON, then each
     * alias's format.
     */
    private static final Format[] OFFERED = java.util.stream.Stream.of(Arrays.stream(values()),
            java.util.stream.Stream.of(JSONLD), ALIASES.stream().map(java.util.Map.Entry::getValue))
            .flatMap(f -> f).toArray(Format[]::new);
    /** The index in {@link #OFFERS} of plain JSON. */
    private static final int PLAIN_JSON = values().length;

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

    /**
     * The model written in this format by Jena's writer, as UTF-8 ({@link #utf8}). For the RDF formats: a page
     * ({@link #HTML}) is rendered by the servlets, not written by Jena.
     */
    byte[] write(Model m) {
        if (rdfFormat == null) {
            throw new IllegalStateException(this + " is not an RDF format Jena writes; pages are rendered");
        }
        Graph g = m.getGraph();
        return utf8(out -> RDFWriterRegistry.getWriterGraphFactory(rdfFormat).create(rdfFormat)
                .write(out, g, PrefixMapFactory.createForOutput(g.getPrefixMapping()), null, RIOT.getContext().copy()),
                false);
    }

    /**
     * The page's text as jsoup gives it ({@code outerHtml()}), as UTF-8 ({@link #utf8}). jsoup trims a
     * pretty-printed text as {@code String.trim()} does: every character up to U+0020 at either end, each one byte in
     * UTF-8 and no part of any other character's bytes, so the bytes are trimmed instead.
     */
    static byte[] html(org.jsoup.nodes.Document page) {
        return utf8(page::html, page.outputSettings().prettyPrint());
    }

    /**
     * What {@code writing} writes, as UTF-8. Jena's writers put out one character at a time: given an
     * {@code OutputStream}, through a {@code BufferedWriter} they wrap it in, and into a {@code StringWriter},
     * through its {@code StringBuffer}, each character takes a lock. Here they write into Jena's unsynchronised
     * {@link BufferingWriter}, which hands the UTF-8 encoder blocks of characters: the same bytes, a description of
     * 9 KB of Turtle written in 79 µs instead of 195 µs. Pages go the same way ({@link #html}): jsoup's text of a
     * page, copied into a string and then into bytes, was a fifth of what serving a page allocated. The buffers,
     * the encoder and the bytes written are the calling thread's own, kept for its next answer ({@link Sink}).
     */
    private static byte[] utf8(java.util.function.Consumer<java.io.Writer> writing, boolean trim) {
        Sink sink = Sink.OF_THREAD.get();
        byte[] written;
        try {
            writing.accept(sink.out);
            sink.out.flush();
            written = sink.bytes.copy(trim);
        } catch (RuntimeException | Error e) {
            Sink.OF_THREAD.remove(); // whatever a failed write left in the buffers goes with them
            throw e;
        }
        if (sink.bytes.size() > Sink.KEPT_BYTES) {
            Sink.OF_THREAD.remove(); // not to keep a large answer's buffer for every small one after it
        } else {
            sink.bytes.reset();
        }
        return written;
    }

    /**
     * What a thread writes its answers through: the byte buffer, the UTF-8 encoder over it and the character buffer
     * in front of them, made once per thread instead of once per answer. Made per answer, they were nearly half of
     * what writing a description allocated (31 of 68 KB for the 4 KB description of an average resource at 1,000
     * occupations), and under load what is allocated per request decides how often the collector pauses every
     * request in flight. A thread's buffers
     * hold about 32 KB; a thread that wrote more than {@link #KEPT_BYTES} starts afresh.
     */
    private static final class Sink {
        static final int KEPT_BYTES = 256 * 1024;
        static final ThreadLocal<Sink> OF_THREAD = ThreadLocal.withInitial(Sink::new);
        final Bytes bytes = new Bytes();
        final BufferingWriter out = new BufferingWriter(IO.asUTF8(bytes));
    }

    /** A byte buffer that copies out what was written to it, with the ends trimmed if asked. */
    private static final class Bytes extends java.io.ByteArrayOutputStream {
        Bytes() {
            super(8192);
        }

        /** The bytes written; when {@code trim}, without the bytes up to 0x20 (white space and controls) at either end. */
        byte[] copy(boolean trim) {
            int from = 0;
            int to = count;
            while (trim && from < to && (buf[from] & 0xff) <= ' ') {
                from++;
            }
            while (trim && to > from && (buf[to - 1] & 0xff) <= ' ') {
                to--;
            }
            return Arrays.copyOfRange(buf, from, to);
        }
    }

    /** The best format for an Accept header (absent means anything); {@code null} when none is acceptable. */
    static Format negotiate(String accept) {
        AcceptList wanted = parse(accept);
        if (wanted == null) {
            return TURTLE;
        }
        // each offer gets the quality of the most specific range that covers it (RFC 9110 §12.5.1: "text/turtle;q=0.1,
        // */*;q=0.5" prefers anything to Turtle, and q=0 refuses); the best quality wins, and among equals the
        // first offer (Turtle). Jena's AcceptList parses and matches the ranges; its own choice goes by the highest
        // q of any range, whatever it covers
        Format best = null;
        double bestQ = 0;
        java.util.Set<Format> refused = java.util.EnumSet.noneOf(Format.class);
        for (int k = 0; k < OFFERED.length; k++) {
            boolean ownType = k < PLAIN_JSON;
            MediaRange most = mostSpecific(wanted, OFFERS.get(k));
            if (ownType && most != null && most.get_q() <= 0) {
                refused.add(OFFERED[k]); // then not as plain JSON or by another of its names either
            }
            if (most != null && most.get_q() > bestQ && (ownType || !refused.contains(OFFERED[k]))) {
                best = OFFERED[k];
                bestQ = most.get_q();
            }
        }
        return best;
    }

    /**
     * How much an Accept header wants a format: the quality of the most specific range that covers one of the media
     * types it is answered by (1 for an absent or unparseable header), as {@link #negotiate} weighs each offer.
     */
    static double quality(String accept, Format format) {
        AcceptList wanted = parse(accept);
        if (wanted == null) {
            return 1;
        }
        double q = 0;
        for (int k = 0; k < OFFERED.length; k++) {
            if (OFFERED[k] != format) {
                continue;
            }
            MediaRange most = mostSpecific(wanted, OFFERS.get(k));
            if (most != null) {
                q = Math.max(q, most.get_q());
            }
        }
        return q;
    }

    /**
     * An Accept header's ranges, or {@code null} when it is absent, or cannot be parsed: then it is treated as absent,
     * as most servers do. Media types are case-insensitive (RFC 9110 §8.3.1), and Jena compares them as written.
     * Each range reaches Jena as its media type and its quality alone ({@link #typeAndQuality}).
     */
    private static AcceptList parse(String accept) {
        if (accept == null || accept.isBlank()) {
            return null;
        }
        String ranges = typeAndQuality(accept.toLowerCase(Locale.ROOT));
        if (ranges.isEmpty()) {
            return null; // only commas: as blank
        }
        try {
            return new AcceptList(ranges);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** RFC 9110's qvalue: 0 to 1, at most three decimals. */
    private static final java.util.regex.Pattern QVALUE =
            java.util.regex.Pattern.compile("0(\\.\\d{0,3})?|1(\\.0{0,3})?");

    /**
     * An Accept header with each range cut to its media type and its {@code q} ({@code text/turtle;q=0.5}). Jena's
     * {@code MediaType} reads everything after a range's first parameter as that parameter's value:
     * {@code text/turtle;charset=utf-8;q=0.5} has a parameter {@code charset} of {@code utf-8;q=0.5} and no
     * {@code q}, so it weighed 1, and {@code text/turtle;q=0.5;level=1} a {@code q} of {@code 0.5;level=1}, which
     * it warned of in the log and weighed 1 too. The other parameters ({@code charset}, a JSON-LD {@code profile},
     * accept-extensions after {@code q}) choose nothing among the formats offered here. A {@code q} that is not a
     * qvalue is left out, as Jena weighed it: 1. Commas and semicolons inside a quoted value separate nothing.
     */
    static String typeAndQuality(String accept) {
        return typeAndQuality(accept, java.util.function.UnaryOperator.identity());
    }

    /** As {@link #typeAndQuality(String)}, each range's media type given as {@code type} maps it. */
    static String typeAndQuality(String accept, java.util.function.UnaryOperator<String> type) {
        StringBuilder out = new StringBuilder();
        for (String range : split(accept, ',')) {
            java.util.List<String> parts = split(range, ';');
            String mediaType = parts.get(0).strip();
            if (mediaType.isEmpty()) {
                continue;
            }
            String q = null;
            for (int i = 1; i < parts.size() && q == null; i++) {
                String param = parts.get(i);
                int eq = param.indexOf('=');
                if (eq > 0 && param.substring(0, eq).strip().equals("q")) {
                    q = param.substring(eq + 1).strip();
                }
            }
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(type.apply(mediaType));
            if (q != null && QVALUE.matcher(q).matches()) {
                out.append(";q=").append(q);
            }
        }
        return out.toString();
    }

    /** {@code s} split at each {@code sep} outside a quoted string (a backslash escapes within one). */
    private static java.util.List<String> split(String s, char sep) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted && c == '\\' && i + 1 < s.length()) {
                part.append(c).append(s.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (c == sep && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
                continue;
            }
            part.append(c);
        }
        parts.add(part.toString());
        return parts;
    }

    /** The most specific range of an Accept header that covers an offered media type, or {@code null}. */
    private static MediaRange mostSpecific(AcceptList wanted, MediaRange offer) {
        MediaRange most = null;
        for (MediaRange r : wanted.entries()) {
            if (r.accepts(offer) && (most == null || r.moreGroundedThan(most))) {
                most = r;
            }
        }
        return most;
    }

    /** The format of a file extension ({@code ttl}), or {@code null}. */
    static Format byExtension(String ext) {
        return Arrays.stream(values()).filter(f -> f.extension.equals(ext)).findFirst().orElse(null);
    }

    /** Whether the client prefers HTML (a browser), for error pages. */
    static boolean prefersHtml(String accept) {
        return negotiate(accept) == HTML;
    }

    /** Every media type a negotiated resource is answered in, for a 406's message. */
    static String offered() {
        return String.join(", ", OFFERED_TYPES);
    }
}
