package org.skillgraph.serve;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base of the site's servlets: GET and HEAD only, one place that turns {@link HttpError}s into responses
 * (an HTML page for browsers, plain text for everyone else), and conditional GET on every body it sends.
 */
abstract class PageServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(PageServlet.class);
    /** The methods every page answers. */
    private static final String ALLOW = "GET, HEAD, OPTIONS";

    /** What to send: the body, its media type, and whether it varies with Accept. */
    record Body(byte[] bytes, String mediaType, boolean varies) {
        static Body html(org.jsoup.nodes.Document doc) {
            return new Body(Format.html(doc), "text/html", true);
        }
    }

    /** The data served: its version, when it last changed, its caches. */
    final transient LiveData live;

    PageServlet(LiveData live) {
        this.live = live;
    }

    /** Produces the response for a GET; throws {@link HttpError} for error responses. */
    abstract void handle(HttpServletRequest req, HttpServletResponse resp) throws IOException;

    /** When the data last changed (for Last-Modified). */
    Instant lastModified() {
        return live.lastModified();
    }

    /** The error page for browsers. */
    abstract org.jsoup.nodes.Document errorPage(int status, String message);

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            req.getParameterMap(); // Jetty decodes the query string at the first parameter asked for
        } catch (org.eclipse.jetty.http.BadMessageException | IllegalArgumentException e) {
            String why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            error(req, resp, 400, "Bad request: the query string is not percent-encoded UTF-8 (" + why
                    + "); a '%' in a value is written %25");
            return;
        }
        try {
            handle(req, resp);
        } catch (HttpError e) {
            error(req, resp, e.status(), e.getMessage());
        } catch (RuntimeException | InternalError e) {
            // an InternalError: a read of the store's memory-mapped files faulted (a file cut short under the server)
            LOG.warn("{} {} failed", req.getMethod(), req.getRequestURI(), e);
            error(req, resp, 500, "Internal error");
        }
    }

    /**
     * GET, HEAD and OPTIONS (which says so in {@code Allow}); any other method, TRACE included, is 405 with the
     * same {@code Allow}. Every answer says {@code Cache-Control: no-cache}: a cache may keep it, but asks again
     * (with its ETag or date) before each use. Without it, a browser or a shared cache may keep an answer that has a
     * Last-Modified for a tenth of its age, by heuristic (RFC 9111 §4.2.2), and a 404 or 405 by its own default: an
     * import would show on a cached page days later, and a document imported after a 404 not at all.
     */
    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws jakarta.servlet.ServletException,
            IOException {
        resp.setHeader("Cache-Control", "no-cache");
        switch (req.getMethod()) {
            case "GET", "HEAD" -> super.service(req, resp);
            case "OPTIONS" -> {
                resp.setHeader("Allow", ALLOW);
                resp.setStatus(204);
            }
            default -> {
                resp.setHeader("Allow", ALLOW);
                resp.setContentType("text/plain;charset=utf-8");
                resp.setStatus(405);
                resp.getWriter().println("This site is read-only: GET and HEAD only.");
            }
        }
    }

    /** The size of the pieces {@link #writeInPieces} writes. */
    static final int PIECE = 32 * 1024;

    /**
     * Writes {@code bytes} in pieces of at most {@link #PIECE} bytes. Written at once, a body larger than that goes
     * from its array straight to the socket, and the JDK copies it into a native buffer of the same size that it then
     * keeps for the thread, one per request thread as large as the largest body it sent (several megabytes for a
     * kept SPARQL answer). In pieces it goes through the connection's pooled output buffer.
     */
    static void writeInPieces(OutputStream out, byte[] bytes) throws IOException {
        for (int off = 0; off < bytes.length; off += PIECE) {
            out.write(bytes, off, Math.min(PIECE, bytes.length - off));
        }
    }

    /** Adds {@code value} to the response's {@code Vary} (the CORS filter's {@code Origin} stays). */
    static void vary(HttpServletResponse resp, String value) {
        for (String v : resp.getHeaders("Vary")) {
            for (String part : v.split(",")) {
                if (part.strip().equalsIgnoreCase(value)) {
                    return;
                }
            }
        }
        resp.addHeader("Vary", value);
    }

    /**
     * Sends a body with ETag and Last-Modified, or 304 when the client's copy is current, or 412 when the client
     * asked for another version ({@link Preconditions}).
     */
    void send(HttpServletRequest req, HttpServletResponse resp, Body body) throws IOException {
        send(req, resp, body, lastModified());
    }

    /** As {@link #send(HttpServletRequest, HttpServletResponse, Body)}, for a body last modified at {@code modified}. */
    void send(HttpServletRequest req, HttpServletResponse resp, Body body, Instant modified) throws IOException {
        String etag = "\"" + etag(body) + "\"";
        resp.setHeader("ETag", etag);
        resp.setDateHeader("Last-Modified", modified.toEpochMilli()); // Jetty writes HTTP's date format
        if (body.varies()) {
            vary(resp, "Accept");
        }
        switch (Preconditions.evaluate(req, etag, modified)) {
            case NOT_MODIFIED -> {
                notModified(resp);
                return;
            }
            case FAILED -> throw new HttpError(412, "Precondition Failed: this is not the version asked for ("
                    + etag + " now)");
            case PROCEED -> { }
        }
        resp.setContentType(body.mediaType() + (body.mediaType().startsWith("text/")
                || body.mediaType().endsWith("json") ? ";charset=utf-8" : ""));
        resp.setContentLength(body.bytes().length);
        // a HEAD writes the body too, which Jetty does not send: its headers are then GET's, those of a compressed
        // answer included (Content-Encoding, the ETag's --gzip, the compressed length)
        try (OutputStream out = resp.getOutputStream()) {
            writeInPieces(out, body.bytes());
        }
    }

    /**
     * Answers 304 with the headers set so far and no Content-Length (RFC 9110 §8.6, §15.4.5: none, or the 200's; a
     * 304 has no content). Jetty gives a response that ends before its headers are sent the length of what was
     * written, which for a 304 is a wrong {@code Content-Length: 0}; sent first, with nothing written, they have none.
     */
    static void notModified(HttpServletResponse resp) throws IOException {
        resp.setStatus(304);
        resp.flushBuffer();
    }

    void error(HttpServletRequest req, HttpServletResponse resp, int status, String message) throws IOException {
        if (resp.isCommitted()) {
            return;
        }
        dropBody(resp);
        resp.setStatus(status);
        vary(resp, "Accept");
        if (Format.prefersHtml(req.getHeader("Accept"))) {
            resp.setContentType("text/html;charset=utf-8");
            resp.getOutputStream().write(errorPage(status, message).outerHtml().getBytes(StandardCharsets.UTF_8));
        } else {
            resp.setContentType("text/plain;charset=utf-8");
            resp.getOutputStream().write((message + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The headers of a body, which an error answer does not have. */
    private static final java.util.List<String> BODY_HEADERS = java.util.List.of("ETag", "Last-Modified", "Link",
            "X-Total-Count", "Content-Location", "Content-Disposition", "Content-Length", "Location");

    /**
     * Drops what a body that was begun wrote, before an error is answered instead: its bytes and its headers. The
     * others stay: CORS (a browser's script reads the error too), Vary, and those that describe the error
     * (Content-Range of a 416, Allow of a 405).
     */
    static void dropBody(HttpServletResponse resp) {
        resp.resetBuffer();
        BODY_HEADERS.forEach(h -> resp.setHeader(h, null));
    }

    private static String etag(Body body) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(body.mediaType().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest(body.bytes()), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
