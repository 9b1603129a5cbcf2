package org.skillgraph.serve;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Model;
import org.jsoup.nodes.Document;
import org.skillgraph.harvest.CtdlDocuments;
import org.skillgraph.harvest.DatasetDescription;
import org.skillgraph.harvest.Dumps;
import org.skillgraph.harvest.Sitemap;
import org.skillgraph.map.Uris;
import org.skillgraph.store.Change;
import org.skillgraph.store.GraphStore;

/**
 * What registries and crawlers harvest: {@code /graph/{ctid}} and {@code /resources/{ctid}} (CTDL-ASN
 * JSON-LD; the other {@code /graph/…} and {@code /changes/{n}} are URIs of the data, answered with a 303 to their
 * document), {@code /dumps/…} (with Content-Length, byte ranges and conditional requests on each file's SHA-256),
 * {@code /.well-known/void} (VoID + DCAT, content-negotiated), {@code /sitemap.xml}, {@code /robots.txt}, the
 * change feed {@code /changes?since=…} and its RDF Patch log {@code /patches/}.
 */
final class HarvestServlet extends PageServlet {
    private static final long serialVersionUID = 1L;
    private static final Pattern CTID = Pattern.compile("ce-[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");
    /**
     * One range-spec of a {@code Range: bytes=…} list (RFC 9110 §14.1.1-2): first-pos "-" [last-pos], or "-"
     * suffix-length; digits only, no spaces inside it.
     */
    private static final Pattern RANGE = Pattern.compile("(\\d*)-(\\d*)");

    private static final int DEFAULT_CHANGES = 100;
    private static final int MAX_CHANGES = 1000;

    private final transient GraphStore store;
    private final transient Dataset dataset;
    private final transient SitePaths site;
    private final transient Path dumps;
    private final transient DumpFiles dumpFiles;
    /** The sitemap's pages, by site origin: every resource page of the store (made on first request). */
    private final transient LiveData.Cache<String, List<String>> sitemaps;
    /** The dataset's description, by site origin: its counts read the whole store (about 2 s at 1,000 occupations). */
    private final transient LiveData.Cache<String, Described> descriptions;
    /** Origins kept at most: the Host header is the client's to choose. */
    private static final int MAX_ORIGINS = 16;

    HarvestServlet(GraphStore store, SitePaths site, LiveData live) {
        super(live);
        this.store = store;
        this.dataset = store.dataset();
        this.site = site;
        this.dumps = store.dumpsDirectory();
        this.dumpFiles = new DumpFiles(dumps);
        this.sitemaps = live.cache(MAX_ORIGINS);
        this.descriptions = live.cache(MAX_ORIGINS);
    }

    @Override
    Document errorPage(int status, String message) {
        return new SitePages(site).error(status, message);
    }

    @Override
    void handle(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String rest = req.getRequestURI().substring(site.root().length());
        String origin = site.origin(req);
        if ((rest.startsWith("graph/") && !CTID.matcher(rest.substring("graph/".length())).matches())
                || rest.startsWith("changes/")) {
            // a document graph's name (also its source document) or a change-feed entry: a URI of the data
            // a path: '+' is a plus, and ';' part of it; an extension forces a format, as under /id/
            SiteServlet.Split name = SiteServlet.Split.of(site.below(req));
            SiteServlet.seeOther(req, resp, site.base() + name.path(), name.format(), site, dataset, live);
        } else if (rest.startsWith("graph/") || rest.startsWith("resources/")) {
            String ctid = rest.substring(rest.indexOf('/') + 1);
            if (!CTID.matcher(ctid).matches()) {
                throw HttpError.notFound(req.getRequestURI());
            }
            String resources = origin + site.root() + "resources/";
            Optional<ObjectNode> doc = live.read(dataset, () -> rest.startsWith("graph/")
                    ? new CtdlDocuments(dataset).graph(ctid, origin + req.getRequestURI(), resources)
                    : new CtdlDocuments(dataset).resource(ctid, resources));
            // a CTID the change feed lists as deleted (its entry links here) is gone, not unknown
            ObjectNode json = doc.orElseThrow(() -> live.read(dataset, () -> Describer.removedCtid(
                    dataset.getUnionModel(), new Uris(site.base()), ctid))
                    .map(r -> HttpError.gone(ctid + " (" + r[1] + ")", r[0])).orElse(HttpError.notFound(ctid)));
            send(req, resp, new Body(json.toPrettyString().getBytes(StandardCharsets.UTF_8), "application/ld+json", false));
        } else if (rest.startsWith("dumps/")) {
            dump(req, resp, rest.substring("dumps/".length()));
        } else if (rest.equals(".well-known/void") || rest.startsWith(".well-known/void.")) {
            datasetDescription(req, resp, origin, rest.substring(".well-known/void".length()));
        } else if (rest.equals("sitemap.xml") || rest.matches("sitemaps/\\d{1,4}\\.xml")) {
            // the index's sitemaps are sitemap.xml?page=N, in the root's scope (sitemaps/N.xml, their former URL,
            // still answers)
            String asked = rest.equals("sitemap.xml") ? req.getParameter("page") : rest.replaceAll("\\D", "");
            if (asked != null && !asked.matches("[1-9]\\d{0,3}")) {
                throw HttpError.badRequest("page must be a number from 1 to 9999");
            }
            int page = asked == null ? 0 : Integer.parseInt(asked);
            String xml = Sitemap.xml(sitemapPages(origin), origin + site.root(), page);
            if (xml == null) {
                throw HttpError.notFound(req.getRequestURI());
            }
            send(req, resp, new Body(xml.getBytes(StandardCharsets.UTF_8), "application/xml", false));
        } else if (rest.equals("changes")) {
            changes(req, resp, origin);
        } else if (rest.equals("patches/")) {
            patchList(req, resp, origin);
        } else if (rest.matches("patches/\\d{8}\\.rdfp")) {
            Path file = store.patchesDirectory().resolve(rest.substring("patches/".length()));
            if (!Files.isRegularFile(file)) {
                throw HttpError.notFound(req.getRequestURI());
            }
            send(req, resp, new Body(Files.readAllBytes(file), "application/rdf-patch", false));
        } else if (rest.equals("robots.txt")) {
            String robots = "User-agent: *\nDisallow: " + site.page("sparql") + "\nDisallow: " + site.page("search")
                    + "\nDisallow: " + site.page("dumps/") + "\nSitemap: " + origin + site.page("sitemap.xml") + "\n";
            send(req, resp, new Body(robots.getBytes(StandardCharsets.UTF_8), "text/plain", false));
        } else {
            throw HttpError.notFound(req.getRequestURI());
        }
    }

    /**
     * {@code /changes?since=ISO-8601[&after=n][&limit=n&offset=n]}: what changed after that instant (and after entry
     * {@code n}), in order. {@code after} is the cursor to resume from: an entry's time is when its import began,
     * before its commit made it visible, so a harvester that asks again from the time it last asked can miss an
     * import that was committing then; the sequence numbers follow the commits. An entry about a
     * resource outside the site's base (a store of another base served as this one) is listed as stored, without
     * the CTID and CTDL graph this site cannot give it: the feed still says that something changed, and its pages
     * keep their places.
     */
    private void changes(HttpServletRequest req, HttpServletResponse resp, String origin) throws IOException {
        Instant since;
        int limit;
        long offset;
        long after;
        try {
            String s = req.getParameter("since");
            since = s == null || s.isBlank() ? Instant.EPOCH : java.time.OffsetDateTime.parse(s).toInstant();
            limit = req.getParameter("limit") == null ? DEFAULT_CHANGES : Integer.parseInt(req.getParameter("limit"));
            offset = req.getParameter("offset") == null ? 0 : Long.parseLong(req.getParameter("offset"));
            after = req.getParameter("after") == null ? 0 : Long.parseLong(req.getParameter("after"));
        } catch (java.time.format.DateTimeParseException | NumberFormatException e) {
            throw HttpError.badRequest("since must be an ISO-8601 date-time with offset (e.g. 2026-05-20T10:00:00Z); "
                    + "after, limit and offset numbers");
        }
        if (limit < 1 || limit > MAX_CHANGES || offset < 0 || after < 0) {
            throw HttpError.badRequest("limit must be 1–" + MAX_CHANGES + ", and after and offset at least 0");
        }
        List<Change> page = store.changes(since, after, limit + 1L, offset);
        Uris uris = new Uris(site.base());
        ObjectNode out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        out.put("since", since.toString());
        if (req.getParameter("after") != null) {
            out.put("after", after);
        }
        var list = out.putArray("changes");
        for (Change c : page.subList(0, Math.min(limit, page.size()))) {
            ObjectNode e = list.addObject();
            e.put("sequence", c.sequence()).put("type", c.type()).put("kind", c.kind()).put("time", c.time().toString())
                    .put("resource", c.object()).put("document", c.graph());
            if (uris.isResource(c.object())) {
                String ctid = uris.ctid(c.object());
                // a framework's or an occupation's: each is served at /graph/{ctid} and /resources/{ctid}
                e.put("ctid", ctid).put("ctdlGraph", origin + site.root() + "graph/" + ctid);
            }
        }
        if (page.size() > limit && req.getParameter("after") != null) {
            // the cursor form pages on from the last entry of this page
            out.put("next", origin + site.root() + "changes?since=" + since + "&after="
                    + page.get(limit - 1).sequence() + "&limit=" + limit);
        } else if (page.size() > limit) {
            out.put("next", origin + site.root() + "changes?since=" + since + "&limit=" + limit + "&offset="
                    + (offset + limit));
        }
        out.put("patches", origin + site.root() + "patches/");
        send(req, resp, new Body(out.toPrettyString().getBytes(StandardCharsets.UTF_8), "application/json", false));
    }

    /** The RDF Patch log, in order. */
    private void patchList(HttpServletRequest req, HttpServletResponse resp, String origin) throws IOException {
        var arr = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        store.patches().forEach(n -> arr.add(origin + site.root() + "patches/" + n));
        send(req, resp, new Body(arr.toPrettyString().getBytes(StandardCharsets.UTF_8), "application/json", false));
    }

    private List<String> sitemapPages(String origin) {
        return live.read(dataset, () -> sitemaps.get(origin,
                () -> Sitemap.pages(dataset, site.base(), origin + site.root())));
    }

    /**
     * {@code /.well-known/void}, negotiated (naming its format's own URL in {@code Content-Location}, as a document
     * does), or {@code /.well-known/void.ttl} (and {@code .jsonld}, {@code .rdf}, {@code .nt}, {@code .html}): one
     * format, for a harvester to bookmark or cite.
     */
    private void datasetDescription(HttpServletRequest req, HttpServletResponse resp, String origin, String extension)
            throws IOException {
        boolean negotiated = extension.isEmpty();
        Format format = negotiated ? Format.negotiate(req.getHeader("Accept")) : Format.byExtension(extension.substring(1));
        if (format == null) {
            if (negotiated) {
                throw HttpError.notAcceptable(req.getHeader("Accept"));
            }
            throw HttpError.notFound(req.getRequestURI());
        }
        if (negotiated) {
            resp.setHeader("Content-Location", site.root() + ".well-known/void." + format.extension());
        }
        Instant[] modified = new Instant[1];
        Body body = live.read(dataset, () -> {
            Described d = datasetDescription(origin);
            modified[0] = d.modified();
            Model m = d.model();
            String uri = origin + site.root() + ".well-known/void#dataset";
            if (format == Format.HTML) {
                return Body.html(new ResourcePage(site, m).render(uri, new Describer.Description(m, true, false), 1));
            }
            return new Body(format.write(m), format.mediaType(), negotiated);
        });
        send(req, resp, body, modified[0]);
    }

    /**
     * A dataset description and when it last changed: the data's last change, or the dumps manifest's time when
     * later. The dumps follow an import a moment later, and the description's distributions then change without
     * any import: with the import's time alone, a client that read the description in between and revalidated
     * with If-Modified-Since was told it had not changed. The manifest's time is read before the manifest, so that
     * a refresh in between gives the earlier time, never the later time to the earlier description.
     */
    private record Described(Model model, Instant modified) {
    }

    /** The dataset's description for a site origin (kept, see {@link #descriptions}). Call inside {@link LiveData#read}. */
    private Described datasetDescription(String origin) {
        return descriptions.get(origin, () -> {
            Instant data = lastModified();
            Instant modified = data;
            try {
                Instant manifest = Files.getLastModifiedTime(dumps.resolve(Dumps.MANIFEST)).toInstant();
                modified = manifest.isAfter(data) ? manifest : data;
            } catch (IOException e) {
                // no manifest yet: the data's time
            }
            return new Described(DatasetDescription.describe(dataset, site.base(), origin + site.root(),
                    Dumps.read(dumps), data), modified);
        });
    }

    /**
     * A dump file, its entity tag the SHA-256 of the version sent (the manifest's, once the manifest follows the
     * file): conditional requests (If-Match, for a replica that downloads the file the manifest it read
     * describes), Content-Length, and a single byte range when asked (206), for resumable downloads.
     */
    private void dump(HttpServletRequest req, HttpServletResponse resp, String name) throws IOException {
        if (name.equals(Dumps.MANIFEST)) {
            // what a replica checks a download against: each dump's size, quads and SHA-256
            Path manifest = dumps.resolve(Dumps.MANIFEST);
            if (!Files.isRegularFile(manifest)) {
                throw HttpError.notFound(req.getRequestURI());
            }
            // its own time, as a dump file's: it changes when the dumps follow an import, a moment after the data
            // (read before the file, so that a manifest replaced in between is sent with the earlier time)
            Instant modified = Files.getLastModifiedTime(manifest).toInstant();
            send(req, resp, new Body(Files.readAllBytes(manifest), "application/json", false), modified);
            return;
        }
        if (Dumps.read(dumps).stream().noneMatch(d -> d.name().equals(name))) {
            throw HttpError.notFound(req.getRequestURI());
        }
        try (DumpFiles.Opened file = dumpFiles.open(name)) {
            if (file == null) {
                throw HttpError.notFound(req.getRequestURI());
            }
            sendDump(req, resp, name, file);
        }
    }

    /** Answers for an opened dump file: 412, 304, 416, the whole file or one range of it. */
    private static void sendDump(HttpServletRequest req, HttpServletResponse resp, String name, DumpFiles.Opened file)
            throws IOException {
        String etag = "\"" + file.sha256() + "\"";
        Instant modified = file.version().modified();
        long size = file.version().bytes();
        resp.setHeader("Accept-Ranges", "bytes");
        resp.setHeader("ETag", etag);
        resp.setDateHeader("Last-Modified", modified.toEpochMilli());
        Preconditions.Outcome outcome = Preconditions.evaluate(req, etag, modified);
        if (outcome == Preconditions.Outcome.FAILED) {
            throw new HttpError(412, "Precondition failed: " + name + " is now " + etag + "; read " + Dumps.MANIFEST
                    + " again");
        }
        if (outcome == Preconditions.Outcome.NOT_MODIFIED) {
            notModified(resp);
            return;
        }
        String range = req.getHeader("Range");
        // Range is defined for GET only; an If-Range that does not name this version asks for the whole new file
        Span span = range != null && "GET".equals(req.getMethod()) && Preconditions.rangeApplies(req, etag, modified)
                ? span(resp, range, size) : null;
        resp.setContentType("application/gzip");
        resp.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        if (span != null) {
            resp.setStatus(206);
            resp.setHeader("Content-Range", "bytes " + span.start() + "-" + span.end() + "/" + size);
        } else {
            span = new Span(0, size - 1);
        }
        resp.setContentLengthLong(span.length());
        if ("HEAD".equals(req.getMethod())) {
            return;
        }
        try (InputStream in = Channels.newInputStream(file.channel().position(span.start()));
             OutputStream out = resp.getOutputStream()) {
            byte[] buf = new byte[1 << 16];
            long left = span.length();
            while (left > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    break;
                }
                out.write(buf, 0, n);
                left -= n;
            }
        }
    }

    /** Bytes {@code start} to {@code end} of a file, both included. */
    private record Span(long start, long end) {
        long length() {
            return end - start + 1;
        }
    }

    /**
     * The one range a {@code Range} asks of a file of {@code size} bytes, or null for the whole file: when its unit is
     * not bytes or its ranges-specifier is not valid (RFC 9110 §14.2: ignored; §14.1.1: not a list of range-specs, or
     * a last-pos less than its first-pos), or when several of its ranges can be satisfied (§14.2 lets a server ignore
     * Range, and one part is all a resumed download asks). 416 when it is valid and none of its ranges can be
     * satisfied (§14.1.2: a first-pos not below the size, a suffix-length of 0).
     */
    private static Span span(HttpServletResponse resp, String range, long size) {
        String value = range.strip();
        if (!value.regionMatches(true, 0, "bytes=", 0, "bytes=".length())) {
            return null;
        }
        List<Span> spans = new java.util.ArrayList<>();
        boolean any = false;
        for (String spec : value.substring("bytes=".length()).split(",", -1)) {
            String s = spec.strip();
            if (s.isEmpty()) {
                continue; // an empty element of a list, which a recipient ignores (§5.6.1.2)
            }
            Matcher m = RANGE.matcher(s);
            String first = m.matches() ? m.group(1) : "";
            String last = m.matches() ? m.group(2) : "";
            if (first.isEmpty() && last.isEmpty()
                    || !first.isEmpty() && !last.isEmpty() && new BigInteger(first).compareTo(new BigInteger(last)) > 0) {
                return null; // not a range-spec, or an int-range whose last-pos is less than its first-pos: invalid
            }
            any = true;
            long start = first.isEmpty() ? Math.max(0, size - number(last)) : number(first);
            long end = first.isEmpty() || last.isEmpty() ? size - 1 : Math.min(size - 1, number(last));
            if (start <= end) { // a first-pos below the size, or a suffix-length above 0, of a file that has bytes
                spans.add(new Span(start, end));
            }
        }
        if (!any) {
            return null; // no range-spec at all: invalid
        }
        if (spans.isEmpty()) {
            return unsatisfiable(resp, size, "Range not satisfiable: " + range);
        }
        return spans.size() == 1 ? spans.get(0) : null;
    }

    /** A range's position; one beyond any file when it has more digits than a long holds. */
    private static long number(String digits) {
        return digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
    }

    /** A 416, which says how long the file is (§15.5.17). */
    private static Span unsatisfiable(HttpServletResponse resp, long size, String message) {
        resp.setHeader("Content-Range", "bytes */" + size);
        throw new HttpError(416, message);
    }
}
