package org.skillgraph.serve;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.apache.commons.io.file.PathUtils;
import org.apache.jena.atlas.logging.FmtLog;
import org.skillgraph.harvest.Dumps;
import org.skillgraph.ingest.ImportReport;
import org.skillgraph.ingest.Importer;
import org.skillgraph.read.SourceReader;
import org.skillgraph.store.GraphStore;
import org.skillgraph.validate.QualityGate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST {root}import?name=FILE} with the document as the body and {@code Authorization: Bearer TOKEN}:
 * imports one source document into the store the server is serving, as {@code skillgraph ingest} would (read,
 * map, SHACL, one write transaction, change feed, patch log, dumps), and the next request sees it. Installed
 * only when the server is given a token.
 * <p>
 * The answer is JSON: {@code file}, {@code outcome} ({@code created} 201, with the document graph's URI as its
 * {@code Location}; {@code updated} or {@code unchanged} 200), {@code graph}, {@code triples}, {@code warnings},
 * {@code dumpsPending} (the dumps are being brought up to date, after the answer: see {@link #refreshDumpsLater}); a
 * document that cannot be read or that the quality gate refuses is 422 with {@code error} naming the file and the
 * place in it, and the store keeps what it held. Imports run one at a time; readers are not blocked (TDB2
 * transactions), and the server's caches are emptied after the commit ({@link LiveData}).
 */
final class ImportServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ImportServlet.class);
    /** A file name as given by the publisher, without folders: it is recorded as the document's source file. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");
    /** The methods the import answers. */
    private static final String ALLOW = "POST, OPTIONS";

    private final transient GraphStore store;
    private final transient LiveData live;
    private final String base;
    private final byte[] token;
    private final transient QualityGate gate = QualityGate.standard();
    /** Held by an import and by a dump refresh: one at a time. */
    private final transient Object lock = new Object();
    private final transient ExecutorService refresher = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "skillgraph-dumps");
        t.setDaemon(true);
        return t;
    });
    private final transient AtomicBoolean refreshPending = new AtomicBoolean();

    ImportServlet(GraphStore store, LiveData live, String base, String token) {
        this.store = store;
        this.live = live;
        this.base = base;
        this.token = token.getBytes(StandardCharsets.UTF_8);
        SourceReader.prepare(); // the first page imported need not wait for WordNet
        // a server stopped (or killed) between an import and its dump refresh left the dumps behind the data
        boolean behind;
        try {
            behind = Dumps.behind(store);
        } catch (IOException e) {
            behind = true;
        }
        if (behind) {
            refreshDumpsLater();
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String auth = req.getHeader("Authorization");
        byte[] given = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)
                ? auth.substring(7).strip().getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (!MessageDigest.isEqual(given, token)) {
            resp.setHeader("WWW-Authenticate", "Bearer realm=\"skillgraph import\"");
            answer(resp, 401, error("an import needs the header 'Authorization: Bearer TOKEN' with the token the "
                    + "server was started with (--import-token-file)"));
            return;
        }
        String name;
        try {
            name = queryParameter(req, "name"); // not getParameter: that would read a form-encoded body as a form
        } catch (IllegalArgumentException e) { // a '%' not followed by two hexadecimal digits
            name = null;
        }
        if (name == null || !NAME.matcher(name).matches()) {
            answer(resp, 400, error("name the document's file with ?name=FILE (letters, digits, '.', '_', '-'; "
                    + "no folders), such as ?name=29-2011.00.json; it is recorded as the source file"));
            return;
        }
        String encoding = req.getHeader("Content-Encoding");
        String type = req.getContentType();
        if ((encoding != null && !encoding.isBlank() && !encoding.strip().equalsIgnoreCase("identity"))
                || (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/"))) {
            // the document was read as its compressed bytes or inside a form's parts: "binary file" or
            // "unrecognised format" said nothing of the request's own form
            answer(resp, 415, error(name + ": send the document's own bytes as the request body (curl --data-binary "
                    + "@FILE), not " + (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")
                    ? "a form's parts (curl -F)" : "compressed (Content-Encoding: " + encoding.strip() + ")")));
            return;
        }
        long length = req.getContentLengthLong();
        if (length > SourceReader.DEFAULT_MAX_BYTES) {
            answer(resp, 413, error(name + ": " + length + " bytes; a document may have at most "
                    + SourceReader.DEFAULT_MAX_BYTES + " bytes"));
            return;
        }
        byte[] body;
        try (InputStream in = req.getInputStream()) {
            body = in.readNBytes((int) SourceReader.DEFAULT_MAX_BYTES + 1);
        }
        if (body.length > SourceReader.DEFAULT_MAX_BYTES) {
            answer(resp, 413, error(name + ": a document may have at most " + SourceReader.DEFAULT_MAX_BYTES
                    + " bytes"));
            return;
        }
        ObjectNode result;
        try {
            result = importDocument(name, body);
        } catch (RuntimeException | InternalError e) {
            // a failure inside the write transaction aborts it: the store holds what it held before (an
            // InternalError: an access to the store's memory-mapped files faulted)
            LOG.error("import {} failed", name, e);
            answer(resp, 500, error(name + ": the import failed (" + e.getMessage() + "); see the server's log"));
            return;
        }
        String outcome = result.path("outcome").asText("");
        if (outcome.equals("created")) {
            resp.setHeader("Location", result.get("graph").asText()); // what was created (RFC 9110 §15.3.2)
        }
        answer(resp, result.has("error") ? 422 : outcome.equals("created") ? 201 : 200, result);
    }

    /**
     * POST, and OPTIONS (which says so in {@code Allow}); any other method, TRACE included, is 405 with the same
     * {@code Allow}. HttpServlet's own answers were not those: OPTIONS listed GET, HEAD and TRACE, TRACE echoed the
     * request back (200, message/http), and PUT, DELETE and PATCH were 405 without {@code Allow}.
     */
    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws jakarta.servlet.ServletException,
            IOException {
        switch (req.getMethod()) {
            case "POST" -> doPost(req, resp);
            case "OPTIONS" -> {
                resp.setHeader("Allow", ALLOW);
                resp.setStatus(204);
            }
            default -> {
                resp.setHeader("Allow", ALLOW);
                answer(resp, 405, error("POST a document here (see the README: imports into a running server)"));
            }
        }
    }

    /** Imports one document; one import (or dump refresh) at a time. */
    private ObjectNode importDocument(String name, byte[] body) throws IOException {
        synchronized (lock) {
            long start = System.nanoTime();
            Path dir = Files.createTempDirectory("skillgraph-import-");
            try {
                Path file = dir.resolve(name);
                Files.write(file, body);
                Instant now = Instant.now(); // the document's import time
                Importer importer = new Importer(store, base, null, Clock.fixed(now, ZoneOffset.UTC), gate)
                        .onAccepted(Dumps.stager(store));
                ImportReport.Entry e = importer.importPaths(List.of(file)).entries().get(0);
                ObjectNode out = JsonNodeFactory.instance.objectNode().put("file", name);
                if (e.error() != null) {
                    // the message names the file as the publisher gave it, not the server's temporary copy
                    out.put("error", e.error().replace(file.toString(), name).replace(dir + "/", ""));
                    return out;
                }
                out.put("outcome", e.outcome().name().toLowerCase(java.util.Locale.ROOT)).put("graph", e.graph())
                        .put("triples", e.triples());
                var warnings = out.putArray("warnings");
                e.warnings().forEach(w -> warnings.add(w.replace(file.toString(), name))); // as the error is named
                boolean changed = e.outcome() != GraphStore.Outcome.UNCHANGED;
                if (changed) {
                    // the commit already moved the generation on (LiveData.commitWatcher); this sets the import's
                    // time and empties the caches again of anything made in between with the previous time
                    live.changed(now.isAfter(live.lastModified()) ? now : live.lastModified());
                    refreshDumpsLater();
                }
                out.put("dumpsPending", changed);
                out.put("milliseconds", (System.nanoTime() - start) / 1_000_000);
                FmtLog.info(LOG, "import %s: %s %s (%d triples, %d ms)", name, out.get("outcome").asText(),
                        e.graph(), e.triples(), out.get("milliseconds").asLong());
                return out;
            } finally {
                try {
                    PathUtils.delete(dir);
                } catch (IOException e) {
                    // a temporary folder of the upload, left for the system to clear
                }
            }
        }
    }

    /**
     * Brings the dumps up to date after the import has answered: the data is served from the commit on, and the
     * dump files (re-assembled: some 60 MB at 1,000 occupations) follow a moment later. Until then the dumps and
     * the dataset description give the previous, complete snapshot. Imports made while a refresh waits are
     * covered by it; an import waits for a refresh that is running.
     */
    private void refreshDumpsLater() {
        if (refreshPending.compareAndSet(false, true)) {
            refresher.execute(this::refreshDumps);
        }
    }

    private void refreshDumps() {
        synchronized (lock) {
            refreshPending.set(false);
            long start = System.nanoTime();
            try {
                List<Dumps.Dump> dumps = Dumps.regenerate(store);
                live.changed(dumps.isEmpty() ? live.lastModified() : Instant.parse(dumps.get(0).modified()));
                FmtLog.info(LOG, "dumps brought up to date (%d ms)", (System.nanoTime() - start) / 1_000_000);
            } catch (IOException | RuntimeException e) {
                // the previous dumps stay in place, whole; the next import tries again
                LOG.error("{}: the dumps could not be brought up to date", store.dumpsDirectory(), e);
            }
        }
    }

    /** Waits for a dump refresh still to run (the server is stopping). */
    @Override
    public void destroy() {
        refresher.shutdown();
        try {
            if (!refresher.awaitTermination(2, TimeUnit.MINUTES)) {
                LOG.error("{}: the dumps were still being brought up to date when the server stopped",
                        store.dumpsDirectory());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String queryParameter(HttpServletRequest req, String key) {
        String q = req.getQueryString();
        if (q == null) {
            return null;
        }
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(key)) {
                return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static ObjectNode error(String message) {
        return JsonNodeFactory.instance.objectNode().put("error", message);
    }

    private static void answer(HttpServletResponse resp, int status, ObjectNode body) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json;charset=utf-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.getOutputStream().write(body.toPrettyString().getBytes(StandardCharsets.UTF_8));
    }
}
