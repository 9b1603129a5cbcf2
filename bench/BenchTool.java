import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.skillgraph.harvest.Dumps;
import org.skillgraph.ingest.ImportReport;
import org.skillgraph.ingest.Importer;
import org.skillgraph.store.GraphStore;

/**
 * The benchmark's helpers that need Jena or precise timing, run by bench/run.sh with Java's source launcher
 * and the skillgraph jar on the class path ({@code java -cp skillgraph.jar bench/BenchTool.java …}):
 * <ul>
 *   <li>{@code uris STORE BASE OUTDIR N SEED}: N resource URIs sampled at random across the whole store,
 *       written as request paths for wrk — ours ({@code /id/…}, {@code /doc/….ttl}, {@code /doc/….html}) and the
 *       stock Fuseki's ({@code /ds/sparql?query=DESCRIBE <…>}); and up to 2,000 frameworks' CTDL-ASN graph
 *       documents ({@code /graph/ce-…}) with, for the stock Fuseki, the CONSTRUCT our server runs for each;</li>
 *   <li>{@code reimport STORE BASE CHANGED ORIGINAL RUNS}: in-process re-import of one changed document into a
 *       full store (and back), dumps brought up to date included, milliseconds per import after a warm-up;</li>
 *   <li>{@code sparql ENDPOINT_A ENDPOINT_B OUT_A OUT_B LIMIT MAX_SECONDS QUERY.rq…}: GETs of each query,
 *       alternating between the two endpoints, one at a time (its LIMIT capped as skillgraph's endpoint caps it,
 *       so both servers run the same text), p50/p99 in milliseconds per endpoint, each computed afresh
 *       ({@code Cache-Control: no-cache}); then 50 more GETs of it from endpoint A as any client sends them, answered
 *       with the answer A kept ({@code kept_p50}, {@code kept_p99}, and how many came with an {@code Age}).</li>
 * </ul>
 */
public class BenchTool {
    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "uris" -> uris(Path.of(args[1]), args[2], Path.of(args[3]), Integer.parseInt(args[4]),
                    Long.parseLong(args[5]));
            case "reimport" -> reimport(Path.of(args[1]), args[2], Path.of(args[3]), Path.of(args[4]),
                    Integer.parseInt(args[5]));
            case "sparql" -> sparql(args[1], args[2], Path.of(args[3]), Path.of(args[4]), Long.parseLong(args[5]),
                    Double.parseDouble(args[6]), Arrays.asList(args).subList(7, args.length));
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    static void uris(Path store, String base, Path out, int n, long seed) throws IOException {
        List<String> all = new ArrayList<>();
        Query q = QueryFactory.create("SELECT DISTINCT ?s { GRAPH ?g { ?s ?p ?o } FILTER(isIRI(?s) && STRSTARTS(STR(?s), \""
                + base + "id/\")) }");
        try (GraphStore gs = GraphStore.open(store)) {
            gs.query(q, qe -> {
                qe.execSelect().forEachRemaining(r -> all.add(r.getResource("s").getURI()));
                return null;
            });
        }
        Collections.sort(all);
        Collections.shuffle(all, new Random(seed));
        List<String> sample = all.subList(0, Math.min(n, all.size()));
        List<String> id = new ArrayList<>();
        List<String> ttl = new ArrayList<>();
        List<String> html = new ArrayList<>();
        List<String> describe = new ArrayList<>();
        for (String uri : sample) {
            String path = uri.substring(base.length() - 1); // "/id/…"
            id.add(path);
            ttl.add("/doc/" + path.substring(4) + ".ttl");
            html.add("/doc/" + path.substring(4) + ".html");
            describe.add("/ds/sparql?query=" + URLEncoder.encode("DESCRIBE <" + uri + ">", StandardCharsets.UTF_8));
        }
        // harvest: the CTDL-ASN graph document of a framework (ours), and the same CONSTRUCT (the query our
        // server runs for it, with the framework bound) sent to the stock server as SPARQL, asking for JSON-LD
        List<String> frameworks = new ArrayList<>();
        Query fq = QueryFactory.create("PREFIX ceasn: <https://purl.org/ctdlasn/terms/> "
                + "PREFIX ceterms: <https://purl.org/ctdl/terms/> "
                + "SELECT ?f ?ctid { GRAPH ?g { ?f a ceasn:CompetencyFramework ; ceterms:ctid ?ctid } } ORDER BY ?f");
        try (GraphStore gs = GraphStore.open(store)) {
            gs.query(fq, qe -> {
                qe.execSelect().forEachRemaining(r -> frameworks.add(r.getResource("f").getURI() + " "
                        + r.getLiteral("ctid").getString()));
                return null;
            });
        }
        Collections.shuffle(frameworks, new Random(seed));
        Query construct;
        try (var in = BenchTool.class.getResourceAsStream("/org/skillgraph/harvest/ctdl-framework.rq")) {
            construct = QueryFactory.create(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        List<String> oursGraph = new ArrayList<>();
        List<String> stockGraph = new ArrayList<>();
        for (String f : frameworks.subList(0, Math.min(2000, frameworks.size()))) {
            String[] parts = f.split(" ");
            oursGraph.add("/graph/" + parts[1]);
            // the framework put in place of the variable, as our server's query execution does (substitution)
            String bound = QueryTransformOps.replaceVars(construct,
                    Map.of(Var.alloc("framework"), NodeFactory.createURI(parts[0]))).serialize()
                    .lines().map(String::strip).reduce("", (a, b) -> a + " " + b).strip();
            stockGraph.add("/ds/sparql?query=" + URLEncoder.encode(bound, StandardCharsets.UTF_8));
        }
        Files.createDirectories(out);
        Files.write(out.resolve("ours-graph.txt"), oursGraph);
        Files.write(out.resolve("stock-graph.txt"), stockGraph);
        Files.write(out.resolve("ours-id.txt"), id);
        Files.write(out.resolve("ours-ttl.txt"), ttl);
        Files.write(out.resolve("ours-html.txt"), html);
        Files.write(out.resolve("stock-describe.txt"), describe);
        System.out.println("resources=" + all.size() + " sampled=" + sample.size());
    }

    static void reimport(Path store, String base, Path changed, Path original, int runs) throws IOException {
        List<Double> ms = new ArrayList<>();
        try (GraphStore gs = GraphStore.open(store)) {
            // as the ingest command does: the document's dump parts made while it is checked, the dumps brought
            // up to date after the import
            Importer importer = new Importer(gs, base, null)
                    .onAccepted(Dumps.stager(gs));
            for (int i = 0; i < runs + 2; i++) {
                Path file = i % 2 == 0 ? original : changed; // the store may hold either version to start with
                long t0 = System.nanoTime();
                ImportReport r = importer.importPaths(List.of(file));
                Dumps.regenerate(gs);
                double t = (System.nanoTime() - t0) / 1e6;
                if (r.rejected() > 0 || (i > 0 && r.count(GraphStore.Outcome.UPDATED) != 1)) {
                    throw new IllegalStateException(file + " was not re-imported: " + r);
                }
                if (i >= 2) {
                    ms.add(t);
                }
            }
        }
        Collections.sort(ms);
        System.out.printf("reimport_ms_p50=%.1f reimport_ms_max=%.1f runs=%d%n", percentile(ms, 50), ms.get(ms.size() - 1),
                ms.size());
    }

    /** The least time both endpoints are asked a query in turn before its times are kept. */
    static final long WARMUP_SECONDS = 2;

    /**
     * Each query on both endpoints, one request at a time, alternating between them (so that whatever else the
     * machine does slows both alike); writes one line per query to each output file.
     */
    static void sparql(String endpointA, String endpointB, Path outA, Path outB, long limit, double maxSeconds,
                       List<String> files) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        List<String> linesA = new ArrayList<>();
        List<String> linesB = new ArrayList<>();
        for (String file : files) {
            Query q = QueryFactory.create(Files.readString(Path.of(file)));
            if (!q.isAskType() && (!q.hasLimit() || q.getLimit() > limit)) {
                q.setLimit(limit);
            }
            String accept = q.isSelectType() || q.isAskType() ? "application/sparql-results+json" : "text/turtle";
            String query = URLEncoder.encode(q.serialize(), StandardCharsets.UTF_8);
            // computed every time: skillgraph's endpoint keeps answers until the data changes, and no-cache asks it to
            // run the query again (the stock server keeps none and ignores the header)
            HttpRequest[] req = {request(endpointA, query, accept, true), request(endpointB, query, accept, true)};
            List<List<Double>> ms = List.of(new ArrayList<>(), new ArrayList<>());
            int[] status = new int[2];
            long[] bytes = new long[2];
            long start = System.nanoTime();
            long measuring = 0; // when the warm-up ended
            for (int i = 0; ; i++) {
                for (int k = 0; k < 2; k++) {
                    long t0 = System.nanoTime();
                    HttpResponse<byte[]> resp = http.send(req[k], HttpResponse.BodyHandlers.ofByteArray());
                    double t = (System.nanoTime() - t0) / 1e6;
                    status[k] = resp.statusCode();
                    bytes[k] = resp.body().length;
                    if (measuring > 0) {
                        ms.get(k).add(t);
                    }
                }
                // warm-up: three runs each, and at least WARMUP_SECONDS on both together, so that a query of a few
                // milliseconds is measured once both servers have compiled its code, not in its first few runs
                if (measuring == 0 && i >= 2 && System.nanoTime() - start >= WARMUP_SECONDS * 1_000_000_000L) {
                    measuring = System.nanoTime();
                }
                double elapsed = measuring == 0 ? 0 : (System.nanoTime() - measuring) / 1e9;
                int n = ms.get(0).size();
                if (status[0] != 200 || status[1] != 200 || n >= 300 || (n >= 5 && elapsed > 2 * maxSeconds)) {
                    break;
                }
            }
            // then asked again without no-cache: endpoint A (skillgraph) answers with the answer it kept
            List<Double> kept = new ArrayList<>();
            int hits = 0;
            HttpRequest again = request(endpointA, query, accept, false);
            for (int i = 0; i < 50 && status[0] == 200; i++) {
                long t0 = System.nanoTime();
                HttpResponse<byte[]> resp = http.send(again, HttpResponse.BodyHandlers.ofByteArray());
                kept.add((System.nanoTime() - t0) / 1e6);
                hits += resp.headers().firstValue("Age").isPresent() ? 1 : 0;
            }
            Collections.sort(kept);
            String name = Path.of(file).getFileName().toString();
            linesA.add(line(name, status[0], ms.get(0), bytes[0]) + (kept.isEmpty() ? "" : String.format(
                    "\tkept_p50=%.1f\tkept_p99=%.1f\tkept_hits=%d/%d", percentile(kept, 50), percentile(kept, 99), hits,
                    kept.size())));
            linesB.add(line(name, status[1], ms.get(1), bytes[1]));
            System.out.println(linesA.get(linesA.size() - 1) + "\t|\t" + linesB.get(linesB.size() - 1));
        }
        Files.write(outA, linesA);
        Files.write(outB, linesB);
    }

    private static HttpRequest request(String endpoint, String query, String accept, boolean fresh) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(endpoint + "?query=" + query)).header("Accept", accept)
                .timeout(Duration.ofSeconds(60));
        if (fresh) {
            b.header("Cache-Control", "no-cache");
        }
        return b.build();
    }

    private static String line(String name, int status, List<Double> ms, long bytes) {
        if (ms.isEmpty()) {
            return name + "\tstatus=" + status + "\tn=0";
        }
        Collections.sort(ms);
        return String.format("%s\tstatus=%d\tn=%d\tp50=%.1f\tp99=%.1f\tbytes=%d", name, status, ms.size(),
                percentile(ms, 50), percentile(ms, 99), bytes);
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(List<Double> sorted, double p) {
        int rank = (int) Math.ceil(p / 100 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
