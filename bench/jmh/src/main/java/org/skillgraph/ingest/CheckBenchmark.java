package org.skillgraph.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
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
import org.skillgraph.map.DocumentMapper;
import org.skillgraph.map.MappedDocument;
import org.skillgraph.read.SourceReader;
import org.skillgraph.validate.QualityGate;

/**
 * What one source document costs the importer before it is stored, by stage, against what the same document's
 * triples cost the stock bulk loader to parse: {@code read} (the reader: JSON, HTML or text to the source model),
 * {@code readMap} (and the mapping to RDF), {@code check} (and the SHACL quality gate: the whole of
 * {@link DocumentChecker#check}), and {@code jenaParse} (Jena's N-Triples parser reading the mapped graph's
 * triples from a file into a graph, which is all the phased loader does with a document before sorting its
 * triples into the indexes). Each call takes the next document of the sample, the same documents for each.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
public class CheckBenchmark {
    /** A folder of source documents (a corpus written by {@code skillgraph synth}, or the seeds). */
    @Param("")
    public String corpus;
    /** How many of its documents to cycle through (the first ones in name order). */
    @Param("200")
    public int documents;
    @Param("http://localhost:3030/")
    public String base;

    private Path[] files;
    private Path[] triples;
    private Path scratch;
    private SourceReader reader;
    private DocumentMapper mapper;
    private DocumentChecker checker;
    private int next;

    @Setup(Level.Trial)
    public void prepare() throws IOException {
        if (corpus.isEmpty()) {
            throw new IllegalArgumentException("give a folder of source documents: -p corpus=DIR");
        }
        try (Stream<Path> s = Files.list(Path.of(corpus))) {
            files = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(Path::toString)).limit(documents).toArray(Path[]::new);
        }
        if (files.length == 0) {
            throw new IllegalArgumentException(corpus + ": no documents in it");
        }
        reader = new SourceReader();
        mapper = new DocumentMapper(base);
        checker = new DocumentChecker(base, QualityGate.standard(), Clock.systemUTC());
        // each document's mapped triples as N-Triples, for the parser
        scratch = Files.createTempDirectory("skillgraph-jmh");
        List<Path> nt = new ArrayList<>();
        for (int i = 0; i < files.length; i++) {
            MappedDocument d = mapper.map(reader.read(files[i]), Instant.now());
            Path f = scratch.resolve(i + ".nt");
            try (OutputStream out = Files.newOutputStream(f)) {
                RDFDataMgr.write(out, d.model(), Lang.NTRIPLES);
            }
            nt.add(f);
        }
        triples = nt.toArray(Path[]::new);
    }

    @TearDown(Level.Trial)
    public void clean() throws IOException {
        for (Path f : triples) {
            Files.deleteIfExists(f);
        }
        Files.deleteIfExists(scratch);
    }

    private int nextIndex() {
        int i = next;
        next = (next + 1) % files.length;
        return i;
    }

    @Benchmark
    public Object read() {
        return reader.read(files[nextIndex()]);
    }

    @Benchmark
    public MappedDocument readMap() {
        return mapper.map(reader.read(files[nextIndex()]), Instant.now());
    }

    @Benchmark
    public DocumentChecker.Checked check() {
        DocumentChecker.Checked c = checker.check(files[nextIndex()]);
        if (!c.accepted()) {
            throw new IllegalStateException(c.error());
        }
        return c;
    }

    @Benchmark
    public Graph jenaParse() {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source(triples[nextIndex()]).lang(Lang.NTRIPLES).parse(g);
        return g;
    }
}
