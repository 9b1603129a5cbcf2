package org.skillgraph.serve;

import java.net.InetAddress;
import java.util.List;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Dataset;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.skillgraph.store.GraphStore;

/**
 * The embedded server: Fuseki with a read-only SPARQL endpoint and the linked-data site.
 * <pre>{@code
 * try (GraphStore store = GraphStore.open(Path.of("data/tdb2"))) {
 *     SkillgraphServer server = SkillgraphServer.create(store).port(3030).build().start();
 *     System.out.println(server.url());     // http://localhost:3030/
 *     server.join();
 * }
 * }</pre>
 * No SPARQL update operation, no Graph Store write and no admin endpoint is installed; CORS is on; every
 * query has a timeout and a result cap, and its answer is kept until the data changes. With
 * {@link Builder#importToken} the server also takes source documents at {@code POST {root}import}
 * ({@link ImportServlet}): the one way in which the data changes under it.
 */
public final class SkillgraphServer {
    /** Default query timeout in milliseconds. */
    public static final long DEFAULT_TIMEOUT_MS = 30_000;
    /** Default cap on the rows (or solutions) of one query. */
    public static final long DEFAULT_RESULT_LIMIT = 10_000;
    /** Default bytes of SPARQL answers kept until the data changes ({@link Builder#queryCacheBytes}). */
    public static final long DEFAULT_QUERY_CACHE_BYTES = 64L << 20;
    /** Default number of linked-data pages made at once: twice the processors (see {@link Builder#pageConcurrency}). */
    public static final int DEFAULT_PAGE_CONCURRENCY = 2 * Runtime.getRuntime().availableProcessors();
    /** Default number of SPARQL requests run at once: twice the processors (see {@link Builder#queryConcurrency}). */
    public static final int DEFAULT_QUERY_CONCURRENCY = 2 * Runtime.getRuntime().availableProcessors();
    /**
     * The request threads besides those of pages and SPARQL requests: the connector's acceptor and selectors, Jetty's
     * reserved threads, and the requests that are in no queue (harvest files, dumps, imports, the other pages of the
     * site). With twice two processors each for pages and queries, this is Fuseki's default of 20 threads.
     */
    static final int OTHER_THREADS = 12;
    /** How long a page request waits for its turn before it is answered 503 Service Unavailable. */
    static final java.time.Duration PAGE_WAIT = java.time.Duration.ofSeconds(30);
    /** The most memory, heap and native each, that a connector's pool keeps in unused response buffers. */
    static final long POOLED_OUTPUT_BYTES = 64L << 20;

    private final FusekiServer fuseki;
    private final SitePaths site;
    private final String host;

    private SkillgraphServer(FusekiServer fuseki, SitePaths site, String host) {
        this.fuseki = fuseki;
        this.site = site;
        this.host = host;
    }

    public static Builder create(GraphStore store) {
        return new Builder(store);
    }

    public SkillgraphServer start() {
        fuseki.start();
        return this;
    }

    /** The port actually listened on (useful with port 0). */
    public int port() {
        return fuseki.getHttpPort();
    }

    /** Where the site is reached on this machine, such as {@code http://localhost:3030/}. */
    public String url() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + h + ":" + port() + site.root();
    }

    /** The base path the site answers under ({@code /} by default). */
    public String root() {
        return site.root();
    }

    public void join() {
        fuseki.join();
    }

    /** The embedded Jetty server, for tests. */
    org.eclipse.jetty.server.Server jetty() {
        return fuseki.getJettyServer();
    }

    public void stop() {
        fuseki.stop();
    }

    /**
     * An import token as given (surrounding white space dropped), or an IllegalArgumentException saying what
     * a token must be: one line of at least 16 characters without spaces.
     */
    public static String checkToken(String token) {
        String t = token.strip();
        if (t.length() < 16 || t.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("the import token must be one line of at least 16 characters "
                    + "without spaces (for example the output of 'openssl rand -hex 32')");
        }
        return t;
    }

    /** Server settings. */
    public static final class Builder {
        private final GraphStore store;
        private String base = "http://localhost:3030/";
        private int port = 3030;
        private String host = "localhost";
        private long timeoutMs = DEFAULT_TIMEOUT_MS;
        private long resultLimit = DEFAULT_RESULT_LIMIT;
        private int pageSize = Describer.DEFAULT_PAGE_SIZE;
        private String publicUrl;
        private String importToken;
        private int pageConcurrency = DEFAULT_PAGE_CONCURRENCY;
        private int queryConcurrency = DEFAULT_QUERY_CONCURRENCY;
        private long queryCacheBytes = DEFAULT_QUERY_CACHE_BYTES;
        private boolean federated;
        private boolean shacl;

        private Builder(GraphStore store) {
            this.store = store;
        }

        /** The base URI of the data (default {@code http://localhost:3030/}). */
        public Builder base(String base) {
            this.base = base;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** {@code localhost} (default) listens on loopback only; any other host name listens on all interfaces. */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /**
         * How many bytes of SPARQL answers to keep until the data changes (default 64 MB; none larger than an
         * eighth of it); 0 keeps none.
         */
        public Builder queryCacheBytes(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("the query cache cannot be negative (got " + bytes + ")");
            }
            this.queryCacheBytes = bytes;
            return this;
        }

        public Builder queryTimeoutMillis(long ms) {
            this.timeoutMs = ms;
            return this;
        }

        public Builder resultLimit(long limit) {
            this.resultLimit = limit;
            return this;
        }

        /** How many incoming links one page of a resource's description lists (default 200). */
        public Builder descriptionPageSize(int links) {
            this.pageSize = links;
            return this;
        }

        /**
         * Where the site is published, such as {@code https://data.example.org/} behind a proxy: the absolute
         * URLs of harvest documents (CTDL {@code @id}s, VoID, sitemap, change feed) use it instead of the
         * request's host.
         */
        public Builder publicUrl(String url) {
            this.publicUrl = url;
            return this;
        }

        /**
         * Takes source documents at {@code POST {root}import} from clients that send this token
         * ({@code Authorization: Bearer TOKEN}); at least 16 characters. Without it (the default) there is no
         * way to change the data through the server.
         */
        public Builder importToken(String token) {
            this.importToken = token == null ? null : checkToken(token);
            return this;
        }

        /**
         * Lets queries call other SPARQL endpoints with {@code SERVICE}. Off by default: the server would send
         * requests anywhere a query names, its own network included, on behalf of anyone who can reach it.
         */
        public Builder federatedQuery(boolean allowed) {
            this.federated = allowed;
            return this;
        }

        /**
         * Installs Fuseki's SHACL operation at {@code {root}sparql/shacl}: a client posts its own shapes and gets a
         * validation report of a graph. Off by default: the shapes' SPARQL constraints run without the query timeout
         * or result cap, and their {@code sh:pattern} regular expressions with nothing to stop them (one request with
         * {@code sh:pattern "(.*a){40}x"} on a literal of 60 letters kept a core busy until the server was killed).
         */
        public Builder shaclValidation(boolean allowed) {
            this.shacl = allowed;
            return this;
        }

        /**
         * How many requests for linked-data pages ({@code {root}id/…} and {@code {root}doc/…}) are made at
         * once; more wait their turn, in order of arrival, without holding a thread (Jetty's {@code QoSHandler}).
         * A page is a few milliseconds of CPU: sixteen made at once on two cores share them and each takes
         * eight times as long, and whatever they hold stays live through the garbage collections in
         * between. Made a few at a time, each finishes in its own few milliseconds. The SPARQL endpoint,
         * harvest documents, dumps and imports are not counted. Default: twice the processors.
         */
        public Builder pageConcurrency(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("the page concurrency must be at least 1 (got " + n + ")");
            }
            this.pageConcurrency = n;
            return this;
        }

        /**
         * How many requests of the SPARQL endpoint ({@code {root}sparql} and {@code {root}sparql/…}) are run at once;
         * more wait their turn as pages do ({@link #pageConcurrency}), without holding a thread. A query may take its
         * whole timeout, and a request holds its thread while its body arrives, however slowly: without a limit,
         * as many long queries (or slow bodies) as the server has threads left none for pages. Default: twice the
         * processors. The server's thread pool holds both limits and {@link #OTHER_THREADS} more.
         */
        public Builder queryConcurrency(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("the query concurrency must be at least 1 (got " + n + ")");
            }
            this.queryConcurrency = n;
            return this;
        }

        public SkillgraphServer build() {
            SitePaths site = new SitePaths(base, publicUrl);
            LiveData live = new LiveData(store.lastModified());
            store.watchCommits(live.commitWatcher()); // the caches stand aside while an import commits
            Dataset ds = store.dataset();
            // the SPARQL endpoint's settings are in a context of its own, a copy of the store's (which names the
            // text index and the union default graph): the store's context is also that of the site's own queries
            // (home page, search, dataset description, sitemap, imports), which the endpoint's timeout stopped
            org.apache.jena.sparql.core.DatasetGraph endpoint = new org.apache.jena.sparql.core.DatasetGraphWrapper(
                    ds.asDatasetGraph(), ds.getContext().copy());
            endpoint.getContext().set(ARQ.queryTimeout, Long.toString(timeoutMs));
            endpoint.getContext().set(org.apache.jena.sparql.exec.http.Service.httpServiceAllowed, federated);
            // and in the process's context too: the SHACL endpoint runs a registry's SPARQL constraints over a
            // dataset of its own, which takes its settings from there
            ARQ.getContext().set(org.apache.jena.sparql.exec.http.Service.httpServiceAllowed, federated);
            // a property function's arguments it cannot take are the client's mistake: a 400, not a 500
            ArgumentErrors.install(endpoint.getContext());
            // a regular expression stops with its query, and no function outlasts it (or writes to the log)
            BoundedQueries.install(endpoint.getContext(), timeoutMs);
            String sparql = site.page("sparql");
            String cors = corsConfiguration();
            FusekiServer.Builder fuseki = FusekiServer.create()
                    .port(port)
                    .loopback(isLoopback(host))
                    .enableCors(true, cors)
                    .enablePing(false)
                    .enableStats(false)
                    .enableMetrics(false)
                    .verbose(false)
                    .numServerThreads(2, Math.max(20, pageConcurrency + queryConcurrency + OTHER_THREADS))
                    .add(sparql, endpoint, false)
                    .addFilter(site.root() + "*", new UnreadBodies())
                    .addFilter(sparql, new SparqlFilter(site, resultLimit, queryCacheBytes == 0 ? null
                            : new QueryResults(live, queryCacheBytes, (int) Math.min(Integer.MAX_VALUE, queryCacheBytes / 8)),
                            timeoutMs, federated))
                    .addServlet(site.root() + "*", new SiteServlet(ds, site, live, pageSize))
                    .addServlet(site.root() + "ims/case/v1p1/*", new CaseServlet(ds, site, live));
            try {
                java.nio.file.Files.deleteIfExists(java.nio.file.Path.of(cors)); // read by enableCors already
            } catch (java.io.IOException e) {
                // deleted on exit
            }
            for (String path : List.of("graph/*", "resources/*", "dumps/*", ".well-known/*", "sitemaps/*",
                    "sitemap.xml", "robots.txt", "changes", "changes/*", "patches/*")) {
                fuseki.addServlet(site.root() + path, new HarvestServlet(store, site, live));
            }
            if (importToken != null) {
                fuseki.addServlet(site.root() + "import", new ImportServlet(store, live, base, importToken));
            }
            if (shacl) {
                // read-only SHACL: a registry posts its own shapes and gets a validation report
                fuseki.addEndpoint(sparql, "shacl", org.apache.jena.fuseki.server.Operation.Shacl);
            }
            FusekiServer server = fuseki.build();
            limitPages(server.getJettyServer(), site);
            // no "Server: Jetty(…)" header and no "Powered by Jetty" line on Jetty's own error pages: the version
            // tells a visitor nothing but which advisories to try
            for (org.eclipse.jetty.server.Connector c : server.getJettyServer().getConnectors()) {
                for (org.eclipse.jetty.server.ConnectionFactory f : c.getConnectionFactories()) {
                    if (f instanceof org.eclipse.jetty.server.HttpConnectionFactory http) {
                        http.getHttpConfiguration().setSendServerVersion(false);
                    }
                }
            }
            // a request Jetty refuses itself (a malformed path) is answered as the site's errors are
            server.getJettyServer().setErrorHandler(new JettyErrors());
            // nor Fuseki's "Server: Apache Jena Fuseki (version)" on the SPARQL endpoint's answers
            org.apache.jena.fuseki.Fuseki.outputFusekiServerHeader = false;
            poolOutputBuffers(server.getJettyServer());
            return new SkillgraphServer(server, site, host);
        }

        /**
         * Gives each connector of {@code jetty} a buffer pool that keeps response buffers as large as the output
         * buffer. Fuseki gives every response a 5 MB output buffer (an answer that fits is sent whole, with a
         * Content-Length, and a query that fails before then still gets its error status), and Jetty's default pool
         * keeps no buffer over 64 KB: each streamed answer (every SPARQL query) had a fresh 5 MB of native memory,
         * zeroed, and given back only when the collector happened to clear its holder. After the query library
         * that was 320–520 MB of the server's resident memory, up to the JVM's direct-memory limit (the heap's
         * size). Pooled, the buffers are reused, and the pool keeps at most {@link #POOLED_OUTPUT_BYTES} of them.
         */
        static void poolOutputBuffers(org.eclipse.jetty.server.Server jetty) {
            for (org.eclipse.jetty.server.Connector c : jetty.getConnectors()) {
                if (!(c instanceof org.eclipse.jetty.server.ServerConnector old)) {
                    continue;
                }
                int largest = 0;
                for (org.eclipse.jetty.server.ConnectionFactory f : old.getConnectionFactories()) {
                    if (f instanceof org.eclipse.jetty.server.HttpConnectionFactory http) {
                        largest = Math.max(largest, http.getHttpConfiguration().getOutputBufferSize());
                    }
                }
                org.eclipse.jetty.io.ByteBufferPool pool = new org.eclipse.jetty.io.ArrayByteBufferPool(
                        0, -1, Math.max(largest, 64 * 1024), -1, POOLED_OUTPUT_BYTES, POOLED_OUTPUT_BYTES);
                org.eclipse.jetty.server.ServerConnector pooled = new org.eclipse.jetty.server.ServerConnector(jetty,
                        null, null, pool, old.getAcceptors(), old.getSelectorManager().getSelectorCount(),
                        old.getConnectionFactories().toArray(org.eclipse.jetty.server.ConnectionFactory[]::new));
                pooled.setHost(old.getHost());
                pooled.setPort(old.getPort());
                pooled.setIdleTimeout(old.getIdleTimeout());
                pooled.setReuseAddress(old.getReuseAddress());
                pooled.setAcceptQueueSize(old.getAcceptQueueSize());
                jetty.removeConnector(old);
                jetty.addConnector(pooled);
            }
        }

        /**
         * Fuseki's CORS filter, configured for a public read-only dataset: any origin, no credentials (the import
         * token is a header a script must be given, not a cookie), the methods the server answers, and the response
         * headers a browser's script needs read (ETag, Link, Content-Location, Age, X-Total-Count, X-Result-Limit,
         * Content-Range besides the safelisted ones). Fuseki reads the filter's settings from a properties file only.
         */
        /** The origins CORS lets read the site: every one, as for a public read-only dataset (errors included). */
        static final String ALLOWED_ORIGINS = "*";

        private static String corsConfiguration() {
            java.util.Properties cors = new java.util.Properties();
            cors.setProperty("allowedOrigins", ALLOWED_ORIGINS);
            cors.setProperty("allowedMethods", "GET,HEAD,POST,OPTIONS");
            cors.setProperty("allowedHeaders", "X-Requested-With,Content-Type,Accept,Origin,Authorization,"
                    + "If-Match,If-None-Match,If-Modified-Since,If-Unmodified-Since,Cache-Control,Range,If-Range");
            cors.setProperty("exposedHeaders", "Cache-Control,Content-Language,Content-Length,Content-Type,Expires,"
                    + "Last-Modified,Pragma,ETag,Link,Location,Content-Location,Age,X-Total-Count,X-Result-Limit,"
                    + "Content-Range,Accept-Ranges");
            cors.setProperty("allowCredentials", "false");
            cors.setProperty("chainPreflight", "false");
            try {
                java.nio.file.Path file = java.nio.file.Files.createTempFile("skillgraph-cors-", ".properties");
                file.toFile().deleteOnExit();
                try (java.io.Writer w = java.nio.file.Files.newBufferedWriter(file)) {
                    cors.store(w, "skillgraph: Fuseki's CORS filter");
                }
                return file.toString();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot write the CORS settings to a temporary file", e);
            }
        }

        /**
         * Puts the page requests of {@code jetty} in a queue in front of its handlers (see {@link #pageConcurrency}),
         * and the SPARQL endpoint's in another ({@link #queryConcurrency}).
         */
        private void limitPages(org.eclipse.jetty.server.Server jetty, SitePaths site) {
            QoSHandler pages = new QoSHandler();
            pages.setMaxRequestCount(pageConcurrency);
            pages.setMaxSuspend(PAGE_WAIT);
            pages.includePath(site.root() + "id/*", site.root() + "doc/*");
            pages.setHandler(jetty.getHandler());
            QoSHandler queries = new QoSHandler();
            queries.setMaxRequestCount(queryConcurrency);
            queries.setMaxSuspend(PAGE_WAIT);
            queries.includePath(site.root() + "sparql", site.root() + "sparql/*");
            queries.setHandler(pages);
            jetty.setHandler(compressed(queries, site));
        }

        /**
         * Compresses answers for clients that accept gzip (Jetty's GzipHandler): a description's Turtle, a page, a
         * SPARQL answer of several megabytes are text that shrinks five to ten times. The dumps are gzip already.
         * A compressed answer's ETag gets Jetty's {@code --gzip} suffix, which Jetty takes off a conditional
         * request's tag again, so a 304 follows either way; request bodies are not inflated (an import of a
         * compressed body is refused with 415, saying to send the file's own bytes).
         */
        private static org.eclipse.jetty.server.handler.gzip.GzipHandler compressed(
                org.eclipse.jetty.server.Handler handler, SitePaths site) {
            org.eclipse.jetty.server.handler.gzip.GzipHandler gzip =
                    new org.eclipse.jetty.server.handler.gzip.GzipHandler();
            gzip.setIncludedMethods("GET", "HEAD", "POST"); // POST: a SPARQL query sent as a form or as its body
            gzip.addExcludedPaths(site.root() + "dumps/*");
            gzip.setInflateBufferSize(0);
            gzip.setHandler(handler);
            return gzip;
        }

        private static boolean isLoopback(String host) {
            try {
                return InetAddress.getByName(host).isLoopbackAddress();
            } catch (java.net.UnknownHostException e) {
                throw new IllegalArgumentException("unknown host: " + host, e);
            }
        }
    }
}
