package org.skillgraph.serve;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.PatternSyntaxException;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.expr.ExprException;
import org.apache.jena.vocabulary.RDF;

/**
 * In front of Fuseki's {@code /sparql}: a GET without a query answers with the SPARQL service description
 * (or sends a browser to the query page), and every query gets at most {@code resultLimit} results — a
 * query without LIMIT, or with a larger one, runs with LIMIT {@code resultLimit} and says so in the
 * {@code X-Result-Limit} header. A query asked again before the data changes is answered with the answer kept
 * from the last time ({@link QueryResults}), with the headers it was first sent with that say how it may be
 * cached, and an {@code Age} header; a request with
 * {@code Cache-Control: no-cache} has its query run again (and {@code no-store} leaves its answer unkept; an answer
 * already kept from the same data stays as it is).
 * An answer is kept only when it is complete: status 200, written as bytes, within the size limit, and in less
 * than half the query timeout (a query the timeout stopped while its results were being sent could have been
 * cut short); and only when the same data gives the same answer ({@link QueryResults#sameAnswerEachTime}).
 * A query whose constant regular expression does not compile is refused here ({@link #parse}); and every 405 of the
 * endpoint, and its answer to OPTIONS, name the methods it answers ({@link Allowing}). A request the protocol
 * says is the client's mistake is answered here, in plain text: parameters whose percent-encoding is malformed, two
 * queries, a POST with no query (400) or of another media type (415). The {@code Accept} header is passed on as
 * Fuseki's negotiation needs it ({@link Negotiating}).
 */
final class SparqlFilter implements Filter {
    private static final String SD = "http://www.w3.org/ns/sparql-service-description#";
    private static final String FORMATS = "http://www.w3.org/ns/formats/";
    /** The methods the endpoint answers: queries by GET, HEAD and POST, and OPTIONS. */
    private static final String ALLOW = "GET, HEAD, POST, OPTIONS";

    private final SitePaths site;
    /** Whether queries may call other endpoints ({@code SERVICE}): said so in the service description. */
    private final boolean federated;
    private final long resultLimit;
    /** Kept answers, or {@code null} when none are kept. */
    private final QueryResults results;
    /** An answer that took longer than this may have been cut short by the query timeout: it is not kept. */
    private final long keepBelowMillis;
    /**
     * What each query text recently asked parses to (capped, written out, whether its answer may be kept), so that
     * a query asked again is not parsed again here (Fuseki parses what it is passed): parsing is a tenth of a
     * small query's time. It depends on the text alone, never on the data. Bounded by the characters held.
     */
    private final Cache<String, Capped> parsed = Caffeine.newBuilder().maximumWeight(PARSED_CHARS)
            .weigher((String text, Capped c) -> text.length() + c.chars()).build();
    private static final long PARSED_CHARS = 4_000_000;
    /** The longest query taken, in characters (and bytes of an {@code application/sparql-query} body): 1 MB. */
    static final int MAX_QUERY = 1 << 20;
    /** A longer query text is parsed each time rather than remembered. */
    private static final int PARSED_MAX_TEXT = 64 * 1024;

    SparqlFilter(SitePaths site, long resultLimit, QueryResults results, long timeoutMillis, boolean federated) {
        this.site = site;
        this.federated = federated;
        this.resultLimit = resultLimit;
        this.results = results;
        this.keepBelowMillis = timeoutMillis / 2;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = new Allowing((HttpServletResponse) response);
        boolean bare = req.getRequestURI().equals(site.page("sparql"));
        String malformed = malformedParameters(req);
        if (malformed != null) {
            badRequest(resp, malformed);
            return;
        }
        if (bare && ("GET".equals(req.getMethod()) || "HEAD".equals(req.getMethod()))
                && req.getParameter("query") == null && req.getQueryString() == null) {
            serviceDescription(req, resp);
            return;
        }
        if (bare && "POST".equals(req.getMethod()) && isUpdate(req)) {
            badRequest(resp, "This endpoint is read-only: SPARQL Update is not accepted (the data changes only by "
                    + "importing source documents).");
            return;
        }
        String[] queries = bare ? req.getParameterValues("query") : null;
        if (queries != null && queries.length > 1) {
            badRequest(resp, "A request carries one query, as the SPARQL protocol says: this one has " + queries.length
                    + " 'query' parameters.");
            return;
        }
        if (bare && "POST".equals(req.getMethod()) && !postsAQuery(req, resp)) {
            return;
        }
        if (bare && "POST".equals(req.getMethod()) && req.getParameter("query") != null && req.getContentType() != null
                && req.getContentType().toLowerCase(java.util.Locale.ROOT).startsWith("application/sparql-query")) {
            badRequest(resp, "A request carries one query, as the SPARQL protocol says: this one has one in its body "
                    + "(application/sparql-query) and another in the URL's 'query' parameter.");
            return;
        }
        if (bare && wholeStoreRead(req)) {
            // the union of every graph is the whole store: its download is the dump, a prepared file, where a graph
            // store read would write hundreds of megabytes on request with neither the result limit nor the timeout
            ServletOps.setNoCache(resp);
            resp.setStatus(303);
            resp.setHeader("Location", site.page("dumps/skillgraph.nq.gz"));
            resp.setContentType("text/plain;charset=utf-8");
            resp.getWriter().println("The default graph is the union of every named graph, the whole store: see "
                    + site.page("dumps/skillgraph.nq.gz") + " (N-Quads, gzip; each triple of the union is a quad of it "
                    + "without its graph). Queries see the union as their default graph.");
            return;
        }
        Prepared p = prepare(req, resp);
        if (p == null) {
            return; // answered: a query too long
        }
        if (p.refusal() != null) {
            badRequest(resp, p.refusal());
            return;
        }
        HeldAnswer answer = new HeldAnswer(resp);
        query(req, answer, chain, p);
        answer.finish();
    }

    /** Answers a query: with its kept answer, or by Fuseki (keeping the answer when it may be kept). */
    private void query(HttpServletRequest req, HeldAnswer resp, FilterChain chain, Prepared p)
            throws IOException, ServletException {
        if ("HEAD".equals(req.getMethod()) && req.getParameter("query") != null) {
            // HEAD is GET without the body (RFC 9110 §9.3.2); Fuseki answers queries to GET and POST only, and Jetty
            // sends no body in answer to a HEAD request
            chain.doFilter(new HttpServletRequestWrapper(p.request()) {
                @Override
                public String getMethod() {
                    return "GET";
                }
            }, resp);
            return;
        }
        if (results == null || p.text() == null || !("GET".equals(req.getMethod()) || "POST".equals(req.getMethod()))) {
            chain.doFilter(p.request(), resp);
            return;
        }
        String key = key(p.text(), p.request());
        String cacheControl = String.join(",", Collections.list(req.getHeaders("Cache-Control")))
                .toLowerCase(java.util.Locale.ROOT);
        boolean fresh = cacheControl.contains("no-cache") || cacheControl.contains("max-age=0")
                || "no-cache".equalsIgnoreCase(req.getHeader("Pragma"));
        long generation = results.generation(); // before the query's read transaction begins
        QueryResults.Answer kept = results.get(key);
        if (kept != null && fresh) {
            // asked to run it again: it runs, and the answer kept from the same data is the same, so this one is
            // neither copied nor kept again (copying a whole-store report is megabytes for each request)
            chain.doFilter(p.request(), resp);
            return;
        }
        if (kept != null) {
            resp.setStatus(200);
            resp.setContentType(kept.contentType());
            kept.headers().forEach(resp::setHeader);
            resp.setHeader("Age", Long.toString(Math.max(0, (System.currentTimeMillis() - kept.madeMillis()) / 1000)));
            resp.setContentLength(kept.body().length);
            PageServlet.writeInPieces(resp.getOutputStream(), kept.body());
            return;
        }
        Capture capture = new Capture(resp, results.maxAnswerBytes());
        long start = System.nanoTime();
        chain.doFilter(p.request(), capture);
        long millis = (System.nanoTime() - start) / 1_000_000;
        byte[] body = capture.body();
        if (capture.status == 200 && body != null && millis < keepBelowMillis && !resp.stopped()
                && !cacheControl.contains("no-store")
                && capture.getContentType() != null && p.keepable()) {
            java.util.Map<String, String> headers = new java.util.HashMap<>();
            for (String h : QueryResults.HEADERS) {
                java.util.Collection<String> values = capture.getHeaders(h);
                if (values != null && !values.isEmpty()) {
                    headers.put(h, String.join(", ", values));
                }
            }
            results.put(key, capture.getContentType(), headers, body, generation);
        }
    }

    /**
     * A 413: a query longer than {@link #MAX_QUERY}. The query parser takes time that grows with the square of its
     * longest token: a 10 MB comment took minutes of CPU (parsed here and again by Fuseki) before its query ran, a
     * 60 MB one ended in OutOfMemoryError, none of it under the query timeout.
     */
    private static void tooLong(HttpServletResponse resp) throws IOException {
        ServletOps.setNoCache(resp);
        resp.setStatus(413);
        resp.setContentType("text/plain;charset=utf-8");
        resp.getWriter().println("A query may be at most " + MAX_QUERY + " characters long (" + MAX_QUERY
                + " bytes in a body of application/sparql-query).");
    }

    /** A 400 Bad Request saying why: plain text, not to be cached, as Fuseki answers a query that does not parse. */
    private static void badRequest(HttpServletResponse resp, String why) throws IOException {
        ServletOps.setNoCache(resp);
        resp.setStatus(400);
        resp.setContentType("text/plain;charset=utf-8");
        resp.getWriter().println(why);
    }

    /**
     * Why the request's parameters cannot be read (a {@code %} not followed by two hexadecimal digits, or bytes that
     * are not UTF-8, in the query string or a form body), or {@code null} when they can. Jetty refuses them when they
     * are first asked for, with a 400 whose body is an HTML page (or nothing).
     */
    private static String malformedParameters(HttpServletRequest req) {
        try {
            req.getParameterMap();
            return null;
        } catch (IllegalArgumentException | org.eclipse.jetty.http.BadMessageException e) {
            if (e instanceof org.eclipse.jetty.http.BadMessageException b && b.getCode() != 400) {
                throw b; // a form too large, say
            }
            if (req.getQueryString() != null && !wellEncoded(req.getQueryString())) {
                return "The query string's percent-encoding is malformed: each '%' must be followed by two hexadecimal "
                        + "digits, and the bytes they make must be UTF-8.";
            }
            // the form body, whose bytes are read by now: Jetty's reason (malformed encoding, too many keys…)
            String why = e.getMessage() == null ? "" : e.getMessage().replaceFirst("^\\d{3}: ", "");
            return "The form body's parameters cannot be read" + (why.isBlank() ? "." : ": " + why) + " (each '%' must "
                    + "be followed by two hexadecimal digits, and the bytes they make must be UTF-8).";
        }
    }

    /** Whether a query string's percent-encoding decodes, and to UTF-8. */
    static boolean wellEncoded(String s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length() || Character.digit(s.charAt(i + 1), 16) < 0
                        || Character.digit(s.charAt(i + 2), 16) < 0) {
                    return false;
                }
                bytes.write(Integer.parseInt(s, i + 1, i + 3, 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    /**
     * Whether a POST to the endpoint is passed on: a query (a form, {@code application/sparql-query}, or a
     * {@code query} parameter), or a POST of RDF data, a graph-store write that Fuseki refuses with 405. Otherwise it is
     * answered here: a 400 when it has no query, a 415 when its body is of a type the endpoint does not take.
     */
    private static boolean postsAQuery(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String type = req.getContentType() == null ? ""
                : req.getContentType().split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        if (type.equals("application/sparql-query") || req.getParameter("graph") != null
                || req.getParameter("default") != null) {
            return true;
        }
        if (type.isEmpty() || type.equals("application/x-www-form-urlencoded")) {
            if (req.getParameter("query") != null) {
                return true;
            }
            badRequest(resp, "No query: send it in a 'query' parameter (of a form, or of the URL), or as the body with "
                    + "Content-Type: application/sparql-query.");
            return false;
        }
        if (!type.equals("text/plain") && org.apache.jena.riot.RDFLanguages.contentTypeToLang(type) != null) {
            return true; // RDF data (text/plain too would be N-Triples to Jena, but a query posted as text is likelier)
        }
        ServletOps.setNoCache(resp);
        resp.setStatus(415);
        resp.setContentType("text/plain;charset=utf-8");
        resp.getWriter().println("A query is posted as application/sparql-query or application/x-www-form-urlencoded, "
                + "not " + type + ".");
        return false;
    }

    /** An update request of the SPARQL protocol: {@code application/sparql-update}, or a form with {@code update=}. */
    private static boolean isUpdate(HttpServletRequest req) {
        String type = req.getContentType() == null ? "" : req.getContentType().toLowerCase(java.util.Locale.ROOT);
        return type.startsWith("application/sparql-update")
                || (type.startsWith("application/x-www-form-urlencoded") && req.getParameter("update") != null);
    }

    /**
     * What a kept answer is kept under: the query as Jena writes it out, the {@code Accept} header (the format of
     * the answer) and the request's other parameters (such as {@code default-graph-uri}), sorted.
     */
    private static String key(String query, HttpServletRequest req) {
        StringBuilder key = new StringBuilder(query).append('\u0000').append(req.getHeader("Accept"));
        new java.util.TreeMap<>(req.getParameterMap()).forEach((name, values) -> {
            if (!"query".equals(name)) {
                key.append('\u0000').append(name).append('=').append(String.join("\u0001", values));
            }
        });
        return key.toString();
    }

    /**
     * The request to pass on (its LIMIT capped), its query as Jena writes it ({@code null} if it has none or it does
     * not parse), whether the same data always gives that query the same answer, and why the query is refused
     * ({@code null} unless it is).
     */
    private record Prepared(HttpServletRequest request, String text, boolean keepable, String refusal) {
    }

    private Prepared prepare(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String contentType = req.getContentType() == null ? "" : req.getContentType().toLowerCase(java.util.Locale.ROOT);
        if ("POST".equals(req.getMethod()) && contentType.startsWith("application/sparql-query")) {
            if (req.getContentLengthLong() > MAX_QUERY) {
                tooLong(resp);
                return null;
            }
            byte[] body = req.getInputStream().readNBytes(MAX_QUERY + 1);
            if (body.length > MAX_QUERY) {
                tooLong(resp);
                return null;
            }
            Capped capped = cap(new String(body, StandardCharsets.UTF_8), resp);
            return new Prepared(new Negotiating(new BodyRequest(req, capped.changed()
                    ? capped.text().getBytes(StandardCharsets.UTF_8) : body), capped.graph()), capped.text(),
                    capped.keepable(), capped.refusal());
        }
        String q = req.getParameter("query");
        if (q == null) {
            // a graph store protocol read (GET ?graph=… or ?default) answers a graph
            boolean read = "GET".equals(req.getMethod()) || "HEAD".equals(req.getMethod());
            return new Prepared(new Negotiating(req, read && (req.getParameter("graph") != null
                    || req.getParameter("default") != null)), null, false, null);
        }
        if (q.length() > MAX_QUERY) {
            tooLong(resp);
            return null;
        }
        Capped capped = cap(q, resp);
        return new Prepared(new Negotiating(capped.changed() ? new ParamRequest(req, capped.text()) : req,
                capped.graph()), capped.text(), capped.keepable(), capped.refusal());
    }

    /**
     * A query (its LIMIT capped) as Jena writes it out, whether capping changed it, and whether its answer may be
     * kept ({@link QueryResults#sameAnswerEachTime}); a {@code null} text if it does not parse, and with it why the
     * query is refused when this filter answers for it.
     */
    private record Capped(String text, boolean changed, boolean keepable, String refusal, boolean graph) {
        /** The characters held, for the cache's bound. */
        int chars() {
            return (text == null ? 0 : text.length()) + (refusal == null ? 0 : refusal.length());
        }
    }

    private Capped cap(String text, HttpServletResponse resp) {
        Capped c = text.length() > PARSED_MAX_TEXT ? parse(text) : parsed.get(text, this::parse);
        if (c.changed()) {
            resp.setHeader("X-Result-Limit", Long.toString(resultLimit));
        }
        return c;
    }

    /**
     * Parses a query and caps its LIMIT. ARQ compiles the constant patterns (and flags) of {@code REGEX} and
     * {@code REPLACE} as it builds the query, with the engine they run with ({@code RegexEngine}); one that does not
     * compile is refused with ARQ's reason, which names the pattern and what is wrong with it, less the name of the
     * JDK's exception class that ARQ puts in front of the JDK's message. A pattern made per row is the row's
     * evaluation error, as SPARQL has it.
     */
    private Capped parse(String text) {
        Query q;
        try {
            q = QueryFactory.create(text);
        } catch (QueryParseException e) {
            return new Capped(null, false, false, null, false); // Fuseki reports the syntax error itself
        } catch (ExprException e) {
            String why = e.getMessage().replace(PatternSyntaxException.class.getName() + ": ", "");
            return new Capped(null, false, false, why, false);
        }
        if (!federated && callsAnotherService(q, text)) {
            return new Capped(null, false, false, "SERVICE (federated query) is off on this server: it would send "
                    + "requests wherever a query says, its own network included. A server started with "
                    + "'serve --allow-service' runs it.", false);
        }
        boolean changed = !q.isAskType() && !(q.hasLimit() && q.getLimit() <= resultLimit);
        if (changed) {
            q.setLimit(resultLimit);
        }
        String written = q.serialize();
        return new Capped(written, changed, QueryResults.sameAnswerEachTime(q, written), null,
                q.isConstructType() || q.isDescribeType());
    }

    /** Whether a query has a {@code SERVICE} call anywhere, subqueries included; one that names none is not walked. */
    private static boolean callsAnotherService(Query q, String text) {
        if (!SERVICE.matcher(text).find()) {
            return false;
        }
        boolean[] found = {false};
        org.apache.jena.sparql.algebra.OpWalker.walk(org.apache.jena.sparql.algebra.Algebra.compile(q),
                new org.apache.jena.sparql.algebra.OpVisitorBase() {
                    @Override
                    public void visit(org.apache.jena.sparql.algebra.op.OpService op) {
                        found[0] = true;
                    }
                });
        return found[0];
    }

    /** The keyword of a federated query, in any case. */
    private static final java.util.regex.Pattern SERVICE = java.util.regex.Pattern.compile("(?i)\\bSERVICE\\b");

    private void serviceDescription(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Format format = Format.negotiate(req.getHeader("Accept"));
        PageServlet.vary(resp, "Accept");
        if (format == Format.HTML) {
            resp.setStatus(303);
            resp.setHeader("Location", site.page("query"));
            return;
        }
        if (format == null) {
            resp.setStatus(406); // not sendError, which would drop the Vary and CORS headers
            resp.setContentType("text/plain;charset=utf-8");
            resp.getWriter().println("The service description is offered as " + Format.offered());
            return;
        }
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefix("sd", SD);
        m.setNsPrefix("formats", FORMATS);
        String url = req.getRequestURL().toString();
        Resource service = m.createResource(url)
                .addProperty(RDF.type, m.createResource(SD + "Service"))
                .addProperty(m.createProperty(SD + "endpoint"), m.createResource(url))
                .addProperty(m.createProperty(SD + "supportedLanguage"), m.createResource(SD + "SPARQL11Query"))
                .addProperty(m.createProperty(SD + "feature"), m.createResource(SD + "UnionDefaultGraph"));
        if (federated) {
            service.addProperty(m.createProperty(SD + "feature"), m.createResource(SD + "BasicFederatedQuery"));
        }
        for (String f : new String[] {"SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV",
            "SPARQL_Results_TSV", "Turtle", "JSON-LD", "RDF_XML", "N-Triples"}) {
            service.addProperty(m.createProperty(SD + "resultFormat"), m.createResource(FORMATS + f));
        }
        Resource dataset = m.createResource().addProperty(RDF.type, m.createResource(SD + "Dataset"))
                .addProperty(m.createProperty(SD + "defaultGraph"), m.createResource()
                        .addProperty(RDF.type, m.createResource(SD + "Graph")));
        service.addProperty(m.createProperty(SD + "defaultDataset"), dataset);
        byte[] body = format.write(m);
        resp.setContentType(format.mediaType() + ";charset=utf-8");
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body); // on HEAD too, for Jetty to drop: the headers are GET's, compressed or not
    }

    /** A response's output stream that tells a subclass what is written to it. */
    private abstract static class Tee extends ServletOutputStream {
        private final ServletOutputStream to;

        Tee(ServletOutputStream to) {
            this.to = to;
        }

        /** One byte written. */
        abstract void wrote(int b);

        /** Bytes written. */
        abstract void wrote(byte[] b, int off, int len);

        @Override
        public boolean isReady() {
            return to.isReady();
        }

        @Override
        public void setWriteListener(jakarta.servlet.WriteListener listener) {
            to.setWriteListener(listener);
        }

        @Override
        public void write(int b) throws IOException {
            to.write(b);
            wrote(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            to.write(b, off, len);
            wrote(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            to.flush();
        }

        @Override
        public void close() throws IOException {
            to.close();
        }
    }

    /**
     * The response to a query, sent once it is complete when it fits the output buffer. Fuseki flushes the answer
     * when written (and Jena's writers flush on their way out, even when the query fails): a flush sends the
     * response, so every answer went out in chunks, without its length, and a failure after the first rows could
     * no longer change the 200. Here a flush waits while the response is unsent; the container sends it whole, with
     * its {@code Content-Length}, when the servlet returns (a larger answer is sent as the buffer fills).
     * <p>
     * It also notices when the query timeout stopped the query while its results were being written: Fuseki then
     * keeps the 200 it began with and writes a note after the rows it wrote ("Incomplete results"), which no client
     * reads as an error (a JSON answer no longer parses). When nothing of it has been sent, {@link #finish} answers
     * 503 "Query timed out" instead, as Fuseki answers a query stopped before its first result. An answer larger
     * than the buffer has been sent in part, and keeps Fuseki's note.
     */
    private static final class HeldAnswer extends jakarta.servlet.http.HttpServletResponseWrapper {
        /** The last line of Fuseki's note (ResponseResultSet). */
        private static final byte[] NOTE = "##  ****          Incomplete results           ****   ##"
                .getBytes(StandardCharsets.US_ASCII);
        /** The last bytes written, a ring: enough for the note and its line end. */
        private final byte[] last = new byte[NOTE.length + 2];
        private long written;
        private ServletOutputStream out;

        HeldAnswer(HttpServletResponse resp) {
            super(resp);
        }

        /** Whether what was written ends with Fuseki's note that the timeout stopped the query. */
        boolean stopped() {
            int end = (int) Math.min(written, last.length);
            while (end > 0 && (at(end - 1) == '\n' || at(end - 1) == '\r')) {
                end--;
            }
            if (end < NOTE.length) {
                return false;
            }
            for (int i = 0; i < NOTE.length; i++) {
                if (at(end - NOTE.length + i) != NOTE[i]) {
                    return false;
                }
            }
            return true;
        }

        /** The {@code i}th of the last bytes written, the oldest first. */
        private byte at(int i) {
            int held = (int) Math.min(written, last.length);
            return last[(int) ((written - held + i) % last.length)];
        }

        private boolean holding() {
            return stopped() && !isCommitted();
        }

        /** A 503 in place of results the timeout cut short, when none of them has been sent. */
        void finish() throws IOException {
            if (!holding()) {
                return;
            }
            resetBuffer();
            setStatus(503);
            ServletOps.setNoCache(this);
            setContentType("text/plain;charset=utf-8");
            byte[] why = "Query timed out\n".getBytes(StandardCharsets.UTF_8);
            setContentLength(why.length);
            getResponse().getOutputStream().write(why);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (out == null) {
                out = new Tee(super.getOutputStream()) {
                    @Override
                    void wrote(int b) {
                        last[(int) (written++ % last.length)] = (byte) b;
                    }

                    @Override
                    void wrote(byte[] b, int off, int len) {
                        int from = Math.max(off, off + len - last.length);
                        written += from - off;
                        for (int i = from; i < off + len; i++) {
                            last[(int) (written++ % last.length)] = b[i];
                        }
                    }

                    @Override
                    public void flush() throws IOException {
                        if (isCommitted()) { // else the answer is still in the output buffer, to be sent whole
                            super.flush();
                        }
                    }

                    @Override
                    public void close() throws IOException {
                        if (!holding()) {
                            super.close();
                        }
                    }
                };
            }
            return out;
        }
    }

    /**
     * The response as the servlet writes it, with a copy of its bytes (up to {@code max}; a larger answer, or one
     * written as characters, is not copied) and its status.
     */
    private static final class Capture extends jakarta.servlet.http.HttpServletResponseWrapper {
        private final int max;
        private ByteArrayOutputStream copy = new ByteArrayOutputStream();
        private ServletOutputStream out;
        int status = 200;

        Capture(HttpServletResponse resp, int max) {
            super(resp);
            this.max = max;
        }

        /** The bytes written, or {@code null} when they were not all copied. */
        byte[] body() {
            return copy == null ? null : copy.toByteArray();
        }

        @Override
        public void setStatus(int sc) {
            status = sc;
            super.setStatus(sc);
        }

        @Override
        public void sendError(int sc) throws IOException {
            status = sc;
            super.sendError(sc);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            status = sc;
            super.sendError(sc, msg);
        }

        @Override
        public java.io.PrintWriter getWriter() throws IOException {
            copy = null;
            return super.getWriter();
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (out == null) {
                out = new Tee(super.getOutputStream()) {
                    @Override
                    public void setWriteListener(jakarta.servlet.WriteListener listener) {
                        copy = null;
                        super.setWriteListener(listener);
                    }

                    @Override
                    void wrote(int b) {
                        if (copy != null && copy.size() < max) {
                            copy.write(b);
                        } else {
                            copy = null;
                        }
                    }

                    @Override
                    void wrote(byte[] b, int off, int len) {
                        copied(b, off, len);
                    }
                };
            }
            return out;
        }

        private void copied(byte[] b, int off, int len) {
            if (copy != null) {
                if (copy.size() + len > max) {
                    copy = null;
                } else {
                    copy.write(b, off, len);
                }
            }
        }
    }

    /**
     * The response with the endpoint's methods ({@link #ALLOW}) in {@code Allow}: Fuseki's 405 (to a write its
     * read-only graph store does not take: a PUT, a DELETE, a POST of data) has none, which RFC 9110 §15.5.6
     * requires, and its answer to OPTIONS names the graph store's reads alone, not the POST that queries are sent with.
     */
    private static final class Allowing extends jakarta.servlet.http.HttpServletResponseWrapper {
        Allowing(HttpServletResponse resp) {
            super(resp);
        }

        @Override
        public void setStatus(int sc) {
            allow(sc);
            super.setStatus(sc);
        }

        @Override
        public void sendError(int sc) throws IOException {
            allow(sc);
            super.sendError(sc);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            allow(sc);
            super.sendError(sc, msg);
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, "Allow".equalsIgnoreCase(name) ? ALLOW : value);
        }

        private void allow(int status) {
            if (status == 405) {
                super.setHeader("Allow", ALLOW);
            }
        }
    }

    /**
     * The request with its {@code Accept} header as Fuseki's content negotiation needs it: each media range's type and
     * subtype in lower case, as they are case-insensitive (RFC 9110 §8.3.1) and Jena compares them as written, with
     * its quality and no other parameter, which would hide the quality from Jena ({@link Format#typeAndQuality}); for an
     * answer that is a graph, {@code application/json} as JSON-LD, which the linked-data routes answer it with
     * (a SELECT or ASK keeps it, for SPARQL JSON results); and for a graph, Turtle when there is no {@code Accept},
     * as on the rest of the site (the graph store protocol's default is RDF/XML).
     */
    static final class Negotiating extends HttpServletRequestWrapper {
        private final String accept;

        Negotiating(HttpServletRequest req, boolean graph) {
            super(req);
            this.accept = accept(req.getHeader("Accept"), graph);
        }

        static String accept(String accept, boolean graph) {
            String ranges = accept == null ? "" : Format.typeAndQuality(accept.toLowerCase(java.util.Locale.ROOT),
                    type -> graph && type.equals("application/json") ? "application/ld+json" : type);
            // none, blank or only commas: as absent
            return !ranges.isEmpty() ? ranges : graph ? "text/turtle" : null;
        }

        @Override
        public String getHeader(String name) {
            return "Accept".equalsIgnoreCase(name) ? accept : super.getHeader(name);
        }

        @Override
        public java.util.Enumeration<String> getHeaders(String name) {
            return "Accept".equalsIgnoreCase(name)
                    ? Collections.enumeration(accept == null ? java.util.List.of() : java.util.List.of(accept))
                    : super.getHeaders(name);
        }
    }

    /** The request with another {@code query} parameter. */
    private static final class ParamRequest extends HttpServletRequestWrapper {
        private final String query;

        ParamRequest(HttpServletRequest req, String query) {
            super(req);
            this.query = query;
        }

        @Override
        public String getParameter(String name) {
            return "query".equals(name) ? query : super.getParameter(name);
        }

        @Override
        public String[] getParameterValues(String name) {
            return "query".equals(name) ? new String[] {query} : super.getParameterValues(name);
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            Map<String, String[]> m = new HashMap<>(super.getParameterMap());
            m.put("query", new String[] {query});
            return Collections.unmodifiableMap(m);
        }
    }

    /**
     * A graph store read of the union of every graph: {@code GET ?default} (the default graph queries see is that
     * union; the store's own default graph holds nothing) or of Jena's name for it, {@code ?graph=urn:x-arq:UnionGraph}.
     */
    private static boolean wholeStoreRead(HttpServletRequest req) {
        if (!"GET".equals(req.getMethod()) && !"HEAD".equals(req.getMethod()) || req.getParameter("query") != null) {
            return false;
        }
        String graph = req.getParameter("graph");
        return graph == null ? req.getParameter("default") != null
                : graph.equals(org.apache.jena.sparql.core.Quad.unionGraph.getURI());
    }

    /** The request with another body. */
    private static final class BodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        BodyRequest(HttpServletRequest req, byte[] body) {
            super(req);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
