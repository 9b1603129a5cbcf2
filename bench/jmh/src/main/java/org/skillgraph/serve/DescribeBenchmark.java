package org.skillgraph.serve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.system.Txn;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.skillgraph.store.GraphStore;

/**
 * One resource's description as Turtle, in a read transaction of the store, without HTTP: what
 * {@code GET /doc/….ttl} computes ({@link Describer}, the labels it keeps between requests, Jena's Turtle writer
 * as the server calls it, {@link Format#write}) against what the stock Fuseki computes for {@code DESCRIBE <uri>}
 * on the same store (Jena's DESCRIBE over the union default graph, and Jena's Turtle writer given an output stream,
 * as Fuseki writes a response). Each call takes the next URI of the sample, so both run over the same URIs in the
 * same order.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
public class DescribeBenchmark {
    /** A skillgraph store (a copy: the benchmark opens it). */
    @Param("")
    public String store;
    /**
     * A file of {@code /id/…} paths, one per line (bench/run.sh samples them across the store); when none is given,
     * the resources of the store under {@code {base}id/}, in the order of its index, every n-th to at most 2,000.
     */
    @Param("")
    public String uris;
    /** The base the store was loaded with. */
    @Param("http://localhost:3030/")
    public String base;

    private GraphStore graphStore;
    private Dataset dataset;
    private Describer describer;
    private LiveData live;
    private SitePaths site;
    private String origin;
    private String[] sample;
    private int next;

    @Setup(Level.Trial)
    public void open() throws IOException {
        if (store.isEmpty()) {
            throw new IllegalArgumentException("give a store (a copy: the benchmark opens it): -p store=DIR");
        }
        graphStore = GraphStore.open(Path.of(store));
        dataset = graphStore.dataset();
        site = new SitePaths(base);
        origin = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        List<String> all = uris.isEmpty() ? resources(origin + "/id/")
                : Files.readAllLines(Path.of(uris)).stream().filter(l -> l.startsWith("/id/")).map(p -> origin + p)
                        .toList();
        if (all.isEmpty()) {
            throw new IllegalArgumentException((uris.isEmpty() ? store + ": no resources under " + origin + "/id/"
                    : uris + ": no /id/… paths in it"));
        }
        sample = all.toArray(String[]::new);
        live = new LiveData(Instant.now());
        describer = new Describer(dataset, Describer.DEFAULT_PAGE_SIZE, live);
    }

    /** Up to 2,000 subjects of the store under {@code prefix}, spread over all of them. */
    private List<String> resources(String prefix) {
        List<String> found = Txn.calculateRead(dataset, () -> {
            List<String> l = new java.util.ArrayList<>();
            dataset.getUnionModel().listSubjects().forEachRemaining(r -> {
                if (r.isURIResource() && r.getURI().startsWith(prefix)) {
                    l.add(r.getURI());
                }
            });
            return l;
        });
        int step = Math.max(1, found.size() / 2_000);
        return java.util.stream.IntStream.range(0, found.size()).filter(i -> i % step == 0).limit(2_000)
                .mapToObj(found::get).toList();
    }

    @TearDown(Level.Trial)
    public void close() {
        graphStore.close();
    }

    private String nextUri() {
        String uri = sample[next];
        next = (next + 1) % sample.length;
        return uri;
    }

    /** {@code GET /doc/….ttl}'s work: the description (links paged, labels kept) written as Turtle. */
    @Benchmark
    public byte[] skillgraph() {
        String uri = nextUri();
        String doc = origin + site.document(uri) + ".ttl"; // as the server names the document it answers with
        return live.read(dataset, () -> Format.TURTLE.write(describer.describe(uri, doc, 1,
                n -> n > 1 ? doc + "?page=" + n : doc).model()));
    }

    /** The stock Fuseki's work for {@code DESCRIBE <uri>}: Jena's DESCRIBE on the union graph, written as Turtle. */
    @Benchmark
    public byte[] jenaDescribe() {
        String uri = nextUri();
        return Txn.calculateRead(dataset, () -> {
            try (QueryExecution qe = QueryExecution.create().query("DESCRIBE <" + uri + ">").dataset(dataset).build()) {
                ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
                RDFDataMgr.write(out, qe.execDescribe(), Format.TURTLE.rdfFormat());
                return out.toByteArray();
            }
        });
    }
}
