package org.skillgraph.serve;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
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
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.RDF;

/**
 * In front of Fuseki's {@code /sparql}: a GET without a query answers with the SPARQL service description
 * (or sends a browser to the query page), and every query gets at most {@code resultLimit} results — a
 * query without LIMIT, or with a larger one, runs with LIMIT {@code resultLimit} and says so in the
 * {@code X-Result-Limit} header.
 */
final class SparqlFilter implements Filter {
    private static final String SD = "http://www.w3.org/ns/sparql-service-description#";
    private static final String FORMATS = "http://www.w3.org/ns/formats/";

    private final SitePaths site;
    private final long resultLimit;

    SparqlFilter(SitePaths site, long resultLimit) {
        this.site = site;
        this.resultLimit = resultLimit;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        boolean bare = req.getRequestURI().equals(site.page("sparql"));
        if (bare && ("GET".equals(req.getMethod()) || "HEAD".equals(req.getMethod()))
                && req.getParameter("query") == null && req.getQueryString() == null) {
            serviceDescription(req, resp);
            return;
        }
        chain.doFilter(capped(req, resp), response);
    }

    private ServletRequest capped(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String contentType = req.getContentType() == null ? "" : req.getContentType().toLowerCase(java.util.Locale.ROOT);
        if ("POST".equals(req.getMethod()) && contentType.startsWith("application/sparql-query")) {
            byte[] body = req.getInputStream().readAllBytes();
            String capped = cap(new String(body, StandardCharsets.UTF_8), resp);
            return new BodyRequest(req, capped == null ? body : capped.getBytes(StandardCharsets.UTF_8));
        }
        String q = req.getParameter("query");
        if (q == null) {
            return req;
        }
        String capped = cap(q, resp);
        return capped == null ? req : new ParamRequest(req, capped);
    }

    /** The query with its LIMIT capped, or {@code null} when it needs no change (or does not parse). */
    private String cap(String text, HttpServletResponse resp) {
        Query q;
        try {
            q = QueryFactory.create(text);
        } catch (QueryParseException e) {
            return null; // Fuseki reports the syntax error itself
        }
        if (q.isAskType() || (q.hasLimit() && q.getLimit() <= resultLimit)) {
            return null;
        }
        q.setLimit(resultLimit);
        resp.setHeader("X-Result-Limit", Long.toString(resultLimit));
        return q.serialize();
    }

    private void serviceDescription(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Format format = Format.negotiate(req.getHeader("Accept"));
        resp.setHeader("Vary", "Accept");
        if (format == Format.HTML) {
            resp.setStatus(303);
            resp.setHeader("Location", site.page("query"));
            return;
        }
        if (format == null) {
            resp.sendError(406);
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
                .addProperty(m.createProperty(SD + "feature"), m.createResource(SD + "UnionDefaultGraph"))
                .addProperty(m.createProperty(SD + "feature"), m.createResource(SD + "BasicFederatedQuery"));
        for (String f : new String[] {"SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV",
            "SPARQL_Results_TSV", "Turtle", "JSON-LD", "RDF_XML", "N-Triples"}) {
            service.addProperty(m.createProperty(SD + "resultFormat"), m.createResource(FORMATS + f));
        }
        Resource dataset = m.createResource().addProperty(RDF.type, m.createResource(SD + "Dataset"))
                .addProperty(m.createProperty(SD + "defaultGraph"), m.createResource()
                        .addProperty(RDF.type, m.createResource(SD + "Graph")));
        service.addProperty(m.createProperty(SD + "defaultDataset"), dataset);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, m, format.rdfFormat());
        resp.setContentType(format.mediaType() + ";charset=utf-8");
        resp.setContentLength(out.size());
        if (!"HEAD".equals(req.getMethod())) {
            resp.getOutputStream().write(out.toByteArray());
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
