package org.skillgraph.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.skillgraph.ingest.ImportReport;
import org.skillgraph.map.Uris;
import org.skillgraph.serve.RunningServer;
import org.skillgraph.serve.SkillgraphServer;
import org.skillgraph.store.GraphStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code skillgraph serve --store DIR [--port N] [--base URL] [--host H] [--seed PATH...]} */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve a store: a read-only SPARQL endpoint at /sparql, every resource under {base}id/ "
                + "as linked data (HTML, Turtle, JSON-LD, RDF/XML, N-Triples), full-text search and a query page.",
                "Ready when it prints the URL; Ctrl-C or SIGTERM stops it cleanly."})
final class ServeCommand implements Callable<Integer> {
    /** The base URI of an empty store's data when --base is not given. */
    private static final String DEFAULT_BASE = "http://localhost:3030/";

    @Option(names = "--store", required = true, paramLabel = "DIR", description = "TDB2 store folder.")
    Path store;

    @Option(names = "--port", defaultValue = "3030", paramLabel = "N", description = "Port (default: ${DEFAULT-VALUE}; 0 for any free port).")
    int port;

    @Option(names = "--base", paramLabel = "URL",
            description = "Base URI of the data (default: the base the store was loaded with, or " + DEFAULT_BASE
                    + " for an empty store); the site answers for the paths under it whatever host it is reached at. "
                    + "A store is served under its own base only: another is refused.")
    String base;

    @Option(names = "--host", defaultValue = "localhost", paramLabel = "H",
            description = "Host to listen on (default: ${DEFAULT-VALUE}, loopback only; 0.0.0.0 for all interfaces).")
    String host;

    @Option(names = "--public-url", paramLabel = "URL",
            description = "Where the site is published (behind a proxy): absolute URLs of harvest documents use it "
                    + "instead of the request's host: its origin, with the store's base path (another path is "
                    + "refused).")
    String publicUrl;

    @Option(names = "--seed", paramLabel = "PATH", split = ",",
            description = "Files or folders to ingest first when the store holds no document yet.")
    List<Path> seed;

    @Option(names = "--timeout", defaultValue = "30000", paramLabel = "MS",
            description = "Timeout of a query to the SPARQL endpoint, in milliseconds (default: ${DEFAULT-VALUE}); "
                    + "the site's own pages, harvest files and imports are not bound by it.")
    long timeout;

    @Option(names = "--result-limit", defaultValue = "10000", paramLabel = "N",
            description = "Most results one SPARQL query returns (default: ${DEFAULT-VALUE}).")
    long resultLimit;

    @Option(names = "--query-cache", defaultValue = "64", paramLabel = "MB",
            description = "Megabytes of SPARQL answers kept until the next import, to answer the same query asked "
                    + "again at once (default: ${DEFAULT-VALUE}; 0 keeps none).")
    long queryCacheMb;

    @Option(names = "--page-concurrency", paramLabel = "N",
            description = "Most linked-data pages (/id/…, /doc/…) made at once; more wait their turn "
                    + "(default: twice the processors, here ${DEFAULT-VALUE}).")
    int pageConcurrency = SkillgraphServer.DEFAULT_PAGE_CONCURRENCY;

    @Option(names = "--allow-service",
            description = "Let SPARQL queries call other endpoints with SERVICE (federated query). Off by default: "
                    + "the server would then send requests to any address a query names, its own network included.")
    boolean allowService;

    @Option(names = "--allow-shacl",
            description = "Offer Fuseki's SHACL operation at /sparql/shacl (POST your own shapes, get a validation "
                    + "report of a graph). Off by default: the shapes' SPARQL constraints and regular expressions run "
                    + "without the query timeout, for as long as they take.")
    boolean allowShacl;

    @Option(names = "--import-token-file", paramLabel = "FILE",
            description = "Take source documents at POST /import from clients that send the token held in FILE "
                    + "(Authorization: Bearer TOKEN; at least 16 characters): they are imported as 'ingest' does and "
                    + "served at once. Without it the data cannot be changed through the server.")
    Path importTokenFile;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        checkOptions();
        String token = importTokenFile == null ? null : readToken(importTokenFile);
        GraphStore gs = GraphStore.open(store);
        CountDownLatch stopped = new CountDownLatch(1);
        try {
            String dataBase = dataBase(gs);
            if (publicUrl != null) {
                // the links are built from the public URL's origin and the base's path: another path is refused, as
                // export refuses it, rather than announced for links that would not use it
                ExportCommand.publicUrl("--public-url", publicUrl, dataBase);
            }
            if (seed != null && !seed.isEmpty() && !gs.holdsDocuments()) {
                err.println("skillgraph: the store is empty; loading " + seed);
                ImportReport report = IngestCommand.importer(gs, dataBase, err).importPaths(seed);
                if (report.rejected() > 0) {
                    for (ImportReport.Entry e : report.entries()) {
                        if (e.error() != null) {
                            err.println("rejected: " + e.error());
                        }
                    }
                    err.println("skillgraph: " + report.rejected() + " seed file(s) rejected");
                }
                IngestCommand.refreshDumps(gs, report, err);
            } else if (gs.holdsDocuments()) { // dumps missing, or behind the data, are brought up to date
                IngestCommand.refreshDumps(gs, new ImportReport(List.of()), err);
            }
            SkillgraphServer server;
            try {
                server = SkillgraphServer.create(gs).base(dataBase).port(port).host(host).queryTimeoutMillis(timeout)
                        .resultLimit(resultLimit).publicUrl(publicUrl).importToken(token).pageConcurrency(pageConcurrency)
                        .queryCacheBytes(queryCacheMb << 20).federatedQuery(allowService).shaclValidation(allowShacl).build().start();
            } catch (IllegalArgumentException e) {
                throw new SkillgraphCommand.UserException(e.getMessage());
            } catch (RuntimeException e) {
                throw new SkillgraphCommand.UserException("cannot listen on " + host + ":" + port + " ("
                        + rootMessage(e) + ")");
            }
            long pid = ProcessHandle.current().pid();
            if (token != null) {
                announce(new RunningServer(localUrl(server), dataBase, importTokenFile, pid), err);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                RunningServer.remove(store, pid);
                server.stop();
                gs.close();
                stopped.countDown();
            }, "skillgraph-shutdown"));
            err.println("skillgraph: serving " + server.url() + " (SPARQL endpoint " + server.url() + "sparql"
                    + (token == null ? ")" : "; imports at POST " + server.url() + "import)"));
            err.flush();
            server.join();
            stopped.await();
            return 0;
        } catch (RuntimeException e) {
            gs.close();
            throw e;
        }
    }

    /** Option values out of their range or not of their form are wrong usage, found before the store is opened. */
    private void checkOptions() {
        if (port < 0 || port > 65535) {
            throw SkillgraphCommand.badValue(spec, "--port", "must be from 0 to 65535 (got " + port + ")");
        }
        if (queryCacheMb < 0 || queryCacheMb > 1L << 20) {
            throw SkillgraphCommand.badValue(spec, "--query-cache", "must be from 0 to 1048576 megabytes (got "
                    + queryCacheMb + ")");
        }
        if (timeout < 1) {
            throw SkillgraphCommand.badValue(spec, "--timeout", "must be at least 1 millisecond (got " + timeout + ")");
        }
        if (resultLimit < 1) {
            throw SkillgraphCommand.badValue(spec, "--result-limit", "must be at least 1 (got " + resultLimit + ")");
        }
        if (pageConcurrency < 1) {
            throw SkillgraphCommand.badValue(spec, "--page-concurrency", "must be at least 1 (got " + pageConcurrency
                    + ")");
        }
        if (base != null && !SkillgraphCommand.isHttpUrl(base)) {
            throw SkillgraphCommand.badValue(spec, "--base", "must be an http(s) URL, such as " + DEFAULT_BASE
                    + " (got '" + base + "')");
        }
        if (publicUrl != null && !SkillgraphCommand.isHttpUrl(publicUrl)) {
            throw SkillgraphCommand.badValue(spec, "--public-url", "must be an http(s) URL, such as "
                    + "https://data.example.org/ (got '" + publicUrl + "')");
        }
    }

    /**
     * The base URI to serve under: the store's own, which --base may name but not change (data under another base
     * would be found nowhere: every page 404, every harvest document empty); for an empty store --base, or the
     * default, which the seeds are then loaded under.
     */
    private String dataBase(GraphStore gs) {
        if (base == null) {
            return gs.base().orElse(DEFAULT_BASE);
        }
        String given = Uris.normalise(base);
        gs.requireBase(given);
        return given;
    }

    /** Leaves the note by which 'ingest' finds this server (a failure to write it only costs that). */
    private void announce(RunningServer note, PrintWriter err) {
        try {
            note.write(store);
        } catch (java.io.IOException e) {
            err.println("skillgraph: " + store.resolve(RunningServer.FILE) + ": cannot write (" + e.getMessage()
                    + "); 'ingest' will not find this server, POST /import still works");
        }
    }

    /** The server's address for a client on this machine (a wildcard host is reached on loopback). */
    private String localUrl(SkillgraphServer server) {
        String h;
        try {
            h = java.net.InetAddress.getByName(host).isAnyLocalAddress() ? "127.0.0.1" : host;
        } catch (java.net.UnknownHostException e) {
            h = host;
        }
        return "http://" + (h.contains(":") ? "[" + h + "]" : h) + ":" + server.port() + server.root();
    }

    private static String readToken(Path file) {
        String token;
        try {
            token = java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException | java.io.UncheckedIOException | SecurityException e) {
            throw SkillgraphCommand.badPath(file + ": cannot read the --import-token-file ("
                    + SkillgraphCommand.reason(e) + ")");
        }
        try {
            return SkillgraphServer.checkToken(token);
        } catch (IllegalArgumentException e) {
            throw SkillgraphCommand.badPath(file + ": " + e.getMessage() + " (--import-token-file)");
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
