package org.skillgraph.serve;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RiotException;
import org.apache.jena.vocabulary.RDF;
import org.apache.lucene.queryparser.classic.QueryParserBase;
import org.jsoup.nodes.Document;
import org.skillgraph.map.Prefixes;
import org.skillgraph.vocab.SG;

/**
 * Every page of the site below the base path: {@code /} (home), {@code /id/…} (303 to the document),
 * {@code /doc/…[.ext]} (the content-negotiated document), {@code /search}, {@code /query},
 * {@code /queries/NAME.rq}, {@code /ontology[.ext]} and {@code /static/…}.
 */
final class SiteServlet extends PageServlet {
    private static final long serialVersionUID = 1L;
    private static final int SEARCH_LIMIT = 50;
    /** The highest page of a description asked for: 100,000 pages of links is more than any resource has. */
    private static final int MAX_PAGE = 100_000;
    /** Where the build puts the {@code queries/} library on the classpath. */
    private static final String QUERIES = "/skillgraph/queries/";

    private final transient Dataset dataset;
    private final transient SitePaths site;
    private final transient SitePages pages;
    private final transient Describer describer;
    /** Names of terms and resources, for every page (see {@link PageNames}). */
    private final transient PageNames names;
    /** The query library's file names, listed on first use (it opens the jar as a file system). */
    private volatile List<String> examples;

    SiteServlet(Dataset dataset, SitePaths site, LiveData live, int pageSize) {
        super(live);
        this.dataset = dataset;
        this.site = site;
        this.pages = new SitePages(site);
        this.describer = new Describer(dataset, pageSize, live);
        this.names = PageNames.kept(live);
    }

    private List<String> examples() {
        List<String> e = examples;
        if (e == null) {
            examples = e = listExamples();
        }
        return e;
    }

    @Override
    Document errorPage(int status, String message) {
        return pages.error(status, message);
    }

    /** The SHACL endpoint's path, when the server does not offer it (see {@code serve --allow-shacl}): a 404 saying so. */
    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws jakarta.servlet.ServletException,
            IOException {
        if (req.getRequestURI().equals(site.page("sparql/shacl"))) {
            resp.setHeader("Cache-Control", "no-cache"); // as every answer of the pages (PageServlet.service)
            error(req, resp, 404, "The SHACL endpoint is off on this server: the shapes a client posts would run their "
                    + "SPARQL and regular expressions without the query timeout. A server started with "
                    + "'serve --allow-shacl' offers it.");
            return;
        }
        super.service(req, resp);
    }

    @Override
    void handle(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getRequestURI();
        if (!path.startsWith(site.root())) {
            throw HttpError.notFound(path);
        }
        String rest = site.below(req); // decoded, ';' kept: '/id/x;y' is not '/id/x'
        if (rest.isEmpty()) {
            home(req, resp);
        } else if (rest.startsWith("id/")) {
            Split split = Split.of(rest.substring(3));
            seeOther(req, resp, site.base() + "id/" + split.path(), split.format(), site, dataset, live);
        } else if (rest.startsWith("doc/")) {
            document(req, resp, rest.substring(4));
        } else if (rest.equals("search")) {
            String q = req.getParameter("q") == null ? "" : req.getParameter("q").strip();
            send(req, resp, Body.html(pages.search(q, search(q))));
        } else if (rest.equals("query")) {
            send(req, resp, Body.html(pages.query(examples())));
        } else if (rest.startsWith("queries/") && examples().contains(rest.substring(8))) {
            send(req, resp, new Body(resource(QUERIES + rest.substring(8)), "application/sparql-query", false));
        } else if (rest.equals("ontology") || rest.startsWith("ontology.")) {
            ontology(req, resp, rest);
        } else if (rest.startsWith("static/") && rest.matches("static/[a-z-]+\\.(css|js)")) {
            byte[] bytes = resource("/org/skillgraph/serve/" + rest, path);
            send(req, resp, new Body(bytes, rest.endsWith(".css") ? "text/css" : "text/javascript", false));
        } else {
            throw HttpError.notFound(path);
        }
    }

    /**
     * The home page; to a client that prefers an RDF format to HTML ({@code Accept: text/turtle}, not a browser's
     * Accept nor {@code *}{@code /*}), 303 See Other to the dataset's description in that format, its VoID at
     * {@code /.well-known/void.ttl} (or {@code .jsonld}, {@code .rdf}, {@code .nt}): what an RDF client can read of
     * the site's root.
     */
    private void home(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String accept = req.getHeader("Accept");
        Format best = Format.negotiate(accept);
        if (best != null && best != Format.HTML && Format.quality(accept, best) > Format.quality(accept, Format.HTML)) {
            resp.setStatus(303);
            PageServlet.vary(resp, "Accept");
            resp.setHeader("Location", site.page(".well-known/void." + best.extension()));
            return;
        }
        send(req, resp, Body.html(home()));
    }

    /**
     * A resource's URI ({@code /id/x}, and the other URIs of the data under the base, {@link SitePaths#hasDocument})
     * → 303 See Other to its document in the asked or negotiated format, the page asked for kept.
     */
    static void seeOther(HttpServletRequest req, HttpServletResponse resp, String uri, Format asked, SitePaths site,
                         Dataset dataset, LiveData live) {
        Format format = asked != null ? asked : Format.negotiate(req.getHeader("Accept"));
        if (format == null) {
            throw HttpError.notAcceptable(req.getHeader("Accept"));
        }
        int page = page(req);
        live.read(dataset, () -> {
            Model union = dataset.getUnionModel();
            if (union.contains(union.createResource(uri), null, (RDFNode) null)) {
                return null; // described: neither unknown nor removed, in one lookup (the common case)
            }
            if (!Describer.exists(dataset, uri)) {
                throw HttpError.unknownOrGone(union, uri, site.base());
            }
            Describer.removedBy(union, uri).ifPresent(entry -> {
                throw HttpError.gone(uri, entry);
            });
            return null;
        });
        resp.setStatus(303);
        if (asked == null) {
            PageServlet.vary(resp, "Accept"); // an extension chose the format: the redirect is the same for any Accept
        }
        resp.setHeader("Location", site.document(uri) + "." + format.extension() + (page > 1 ? "?page=" + page : ""));
        links(resp, uri, site, page);
    }

    /** {@code /doc/x[.ext]}: the description of {@code {base}id/x} (or {@code {base}graph/x}…), content-negotiated. */
    private void document(HttpServletRequest req, HttpServletResponse resp, String rest) throws IOException {
        Split split = Split.of(rest);
        String uri = site.resource(split.path());
        Format format = split.format();
        if (format == null) {
            format = Format.negotiate(req.getHeader("Accept"));
            if (format == null) {
                throw HttpError.notAcceptable(req.getHeader("Accept"));
            }
        }
        int page = page(req);
        // the pages of this format's document, each at its own URL: the first without ?page, as links name it
        String formatUrl = site.document(uri) + "." + format.extension();
        java.util.function.IntFunction<String> pagePath = n -> formatUrl + (n > 1 ? "?page=" + n : "");
        // the document this answer is: the format's URL, with the ?page it was asked with (?page=1 included)
        String asked = formatUrl + (req.getParameter("page") != null ? "?page=" + page : "");
        if (split.format() == null) {
            resp.setHeader("Content-Location", asked);
        }
        String origin = site.origin(req);
        String docUrl = origin + asked;
        Format f = format;
        record Answer(Body body, boolean hasMore) {
        }
        Answer answer = live.read(dataset, () -> {
            Describer.Description d = describer.describe(uri, docUrl, page, n -> origin + pagePath.apply(n));
            if (!d.exists()) {
                throw HttpError.unknownOrGone(dataset.getUnionModel(), uri, site.base());
            }
            if (!d.model().contains(d.model().createResource(uri), null)) { // only links to it: removed?
                Describer.removedBy(dataset.getUnionModel(), uri).ifPresent(entry -> {
                    throw HttpError.gone(uri, entry);
                });
            }
            if (d.pastTheLastPage()) {
                throw new HttpError(404, "Not found: page " + page + " of the description of " + uri
                        + " (the links to it end on an earlier page)");
            }
            if (f == Format.HTML) {
                return new Answer(Body.html(new ResourcePage(site, dataset.getUnionModel(), names).render(uri, d, page)),
                        d.hasMore());
            }
            return new Answer(rdf(d.model(), f), d.hasMore());
        });
        links(resp, uri, site, page, answer.hasMore(), pagePath);
        Body body = answer.body();
        send(req, resp, new Body(body.bytes(), body.mediaType(), split.format() == null));
    }

    private void ontology(HttpServletRequest req, HttpServletResponse resp, String rest) throws IOException {
        Format format = rest.equals("ontology") ? Format.negotiate(req.getHeader("Accept"))
                : Format.byExtension(rest.substring("ontology.".length()));
        if (format == null) {
            if (rest.equals("ontology")) {
                throw HttpError.notAcceptable(req.getHeader("Accept"));
            }
            throw HttpError.notFound(req.getRequestURI());
        }
        if (rest.equals("ontology")) {
            // the negotiated answer names the format's own URL, as a document's does
            resp.setHeader("Content-Location", site.root() + "ontology." + format.extension());
        }
        Format f = format;
        Body body = live.read(dataset, () -> {
            Model m = org.apache.jena.rdf.model.ModelFactory.createDefaultModel().add(dataset.getNamedModel(SG.ONTOLOGY));
            Prefixes.apply(m, null);
            return f == Format.HTML ? Body.html(pages.ontology(m)) : rdf(m, f);
        });
        send(req, resp, new Body(body.bytes(), body.mediaType(), rest.equals("ontology")));
    }

    private Document home() {
        return live.read(dataset, () -> {
            Map<String, Long> figures = new LinkedHashMap<>();
            try (QueryExecution qe = QueryExecution.create().query(Sparql.STATS).dataset(dataset).build()) {
                QuerySolution row = qe.execSelect().next();
                for (String v : List.of("occupations", "frameworks", "statements", "anchors", "sources")) {
                    figures.put(v, row.getLiteral(v).getLong());
                }
            }
            List<SitePages.OccupationRow> rows = new ArrayList<>();
            try (QueryExecution qe = QueryExecution.create().query(Sparql.OCCUPATIONS).dataset(dataset).build()) {
                qe.execSelect().forEachRemaining(r -> rows.add(new SitePages.OccupationRow(
                        r.getResource("occupation").getURI(), r.getLiteral("soc").getLexicalForm(),
                        r.getLiteral("title").getLexicalForm())));
            }
            return pages.home(figures, rows);
        });
    }

    private List<SitePages.Hit> search(String q) {
        if (q.isBlank()) {
            return List.of();
        }
        return live.read(dataset, () -> {
            Model union = dataset.getUnionModel();
            List<SitePages.Hit> hits = new ArrayList<>();
            try (QueryExecution qe = QueryExecution.create().query(Sparql.SEARCH).dataset(dataset)
                    // words, not Lucene's syntax: its special characters escaped, and its operators (AND, OR, NOT
                    // in capitals) in small letters, as the index's analyser holds every word anyway
                    .substitution("q", union.createLiteral(QueryParserBase.escape(q.toLowerCase(java.util.Locale.ROOT))))
                    .substitution("limit", union.createTypedLiteral(SEARCH_LIMIT)).build()) {
                ResultSet rs = qe.execSelect();
                while (hasNext(rs)) {
                    QuerySolution row = rs.next();
                    Resource r = row.getResource("resource");
                    String kind = union.listObjectsOfProperty(r, RDF.type).toList().stream()
                            .filter(RDFNode::isURIResource).map(t -> Labels.of(union, t.asResource()))
                            .filter(k -> !k.equals("concept") && !k.equals("concept scheme")).sorted()
                            .findFirst().orElse("");
                    RDFNode match = row.get("match");
                    hits.add(new SitePages.Hit(r.getURI(), Labels.of(union, r), kind,
                            match == null ? null : match.asLiteral().getLexicalForm()));
                }
            }
            return hits;
        });
    }

    /**
     * The next search hit, if any. The index refuses a search of more words than a Lucene query takes (1,024): the
     * client's mistake, a 400, where it was a 500 with a stack trace in the log.
     */
    private static boolean hasNext(ResultSet rs) {
        try {
            return rs.hasNext();
        } catch (org.apache.jena.query.text.TextIndexParseException e) {
            throw HttpError.badRequest("This search has more words than the index takes at once: search for fewer.");
        }
    }

    private static Body rdf(Model m, Format f) {
        // into a Writer (Format.write): given an OutputStream, Jena's writers wrap it in a new 64k-char buffer, which
        // made that buffer most of what a small description allocates
        try {
            return new Body(f.write(m), f.mediaType(), true);
        } catch (RiotException e) {
            throw new HttpError(406, "This description cannot be written as " + f.mediaType() + ": " + e.getMessage());
        }
    }

    private static void links(HttpServletResponse resp, String uri, SitePaths site, int page) {
        links(resp, uri, site, page, false, null);
    }

    /**
     * The {@code Link} header: the document's alternates (the same page in each format) and the resource, and, when
     * the links to the resource take more than one page, the first, previous and next pages of this format (RFC 8288),
     * as the description's {@code hydra:first}, {@code hydra:previous} and {@code hydra:next} name them.
     */
    private static void links(HttpServletResponse resp, String uri, SitePaths site, int page, boolean hasMore,
                              java.util.function.IntFunction<String> pagePath) {
        StringBuilder sb = new StringBuilder();
        for (Format f : Format.values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append('<').append(alternate(site, uri, f, page))
                    .append(">; rel=\"alternate\"; type=\"").append(f.mediaType()).append('"');
        }
        sb.append(", <").append(uri).append(">; rel=\"canonical\"");
        if (pagePath != null && (hasMore || page > 1)) {
            sb.append(", <").append(pagePath.apply(1)).append(">; rel=\"first\"");
            if (page > 1) {
                sb.append(", <").append(pagePath.apply(page - 1)).append(">; rel=\"prev\"");
            }
            if (hasMore) {
                sb.append(", <").append(pagePath.apply(page + 1)).append(">; rel=\"next\"");
            }
        }
        resp.setHeader("Link", sb.toString());
    }

    /**
     * The document of {@code uri} in format {@code f} at page {@code page}: an alternate of that page in another format
     * holds the same links, so it is the same page of that format (the first named without {@code ?page}).
     */
    static String alternate(SitePaths site, String uri, Format f, int page) {
        return site.document(uri) + "." + f.extension() + (page > 1 ? "?page=" + page : "");
    }

    private static int page(HttpServletRequest req) {
        String p = req.getParameter("page");
        if (p == null) {
            return 1;
        }
        try {
            int n = Integer.parseInt(p);
            if (n < 1 || n > MAX_PAGE) {
                throw HttpError.badRequest("page must be a number from 1 to " + MAX_PAGE);
            }
            return n;
        } catch (NumberFormatException e) {
            throw HttpError.badRequest("page must be a number from 1 to " + MAX_PAGE);
        }
    }

    private static byte[] resource(String name) {
        return resource(name, name);
    }

    /** A file of the jar; 404 naming {@code asked} (the path requested, not where in the jar it was looked for). */
    private static byte[] resource(String name, String asked) {
        try (InputStream in = SiteServlet.class.getResourceAsStream(name)) {
            if (in == null) {
                throw HttpError.notFound(asked);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The library's query files, from the jar (or the build's classes folder). */
    static List<String> listExamples() {
        URL url = SiteServlet.class.getResource(QUERIES);
        if (url == null) {
            return List.of();
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
                    return names(fs.getPath(QUERIES));
                }
            }
            return names(Path.of(uri));
        } catch (IOException | java.net.URISyntaxException | java.nio.file.FileSystemAlreadyExistsException e) {
            return List.of();
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".rq")).sorted().toList();
        }
    }

    /** A path split into the resource part and an explicit format extension, if any. */
    record Split(String path, Format format) {
        static Split of(String rest) {
            int dot = rest.lastIndexOf('.');
            int slash = rest.lastIndexOf('/');
            if (dot > slash) {
                Format f = Format.byExtension(rest.substring(dot + 1));
                if (f != null) {
                    return new Split(rest.substring(0, dot), f);
                }
            }
            return new Split(rest, null);
        }
    }
}
