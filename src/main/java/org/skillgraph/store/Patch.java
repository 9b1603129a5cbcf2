package org.skillgraph.store;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdfpatch.RDFPatchOps;
import org.apache.jena.rdfpatch.text.RDFChangesWriterText;
import org.apache.jena.vocabulary.RDF;
import org.skillgraph.vocab.AS;

/**
 * What one write transaction changes: the document graphs deleted and added, and the change-feed entries
 * (Activity Streams {@code as:Create}, {@code as:Update}, {@code as:Delete} in the graph
 * {@code {base}graph/changes}) that describe it. Each change is written to the transaction's RDF Patch file as
 * it is made, so nothing of a document need be kept until the commit; {@link #commitTo} adds the entries inside
 * the transaction, and after the commit {@link #publish} moves the file into the patch log, so that a replica
 * applying the log in order holds exactly the same quads. Closed unpublished, the file is deleted.
 */
final class Patch implements AutoCloseable {
    private record Entry(String graph, String type, String object, Instant time) {
    }

    private final Path dir;
    private final List<Entry> entries = new ArrayList<>();
    /** This transaction's patch file, opened at its first change: a transaction that changes nothing has none. */
    private Log log;

    /** A patch to be appended to the log in {@code dir}; make it inside the write transaction. */
    Patch(Path dir) {
        this.dir = dir;
    }

    /** Writes the deletion of a graph's triples; call before the graph is removed. */
    void deleted(String graph, Model old) {
        write(graph, old, false);
    }

    /** Writes the addition of a graph's triples. */
    void added(String graph, Model model) {
        write(graph, model, true);
    }

    private void write(String graph, Model model, boolean add) {
        RDFChangesWriterText writer = log().writer();
        Node g = NodeFactory.createURI(graph);
        model.getGraph().find().forEachRemaining(t -> {
            if (add) {
                writer.add(g, t.getSubject(), t.getPredicate(), t.getObject());
            } else {
                writer.delete(g, t.getSubject(), t.getPredicate(), t.getObject());
            }
        });
    }

    void change(String graph, String type, Map<String, String> objects, Instant time) {
        objects.keySet().forEach(o -> entries.add(new Entry(graph, type, o, time)));
    }

    private Log log() {
        if (log == null) {
            try {
                log = Log.append(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append to the patch log in " + dir, e);
            }
        }
        return log;
    }

    /** Adds the change-feed entries to the store; call inside the write transaction. */
    void commitTo(Dataset ds) {
        Map<String, Long> last = new java.util.HashMap<>(); // the highest sequence number of each feed
        for (Entry e : entries) {
            String changesGraph = changesGraph(e.graph());
            Model changes = ds.getNamedModel(changesGraph);
            long next = last.computeIfAbsent(changesGraph, g -> changes.listObjectsOfProperty(RDF.value).toList()
                    .stream().filter(RDFNode::isLiteral).mapToLong(n -> n.asLiteral().getLong()).max().orElse(0)) + 1;
            last.put(changesGraph, next);
            List<org.apache.jena.sparql.core.Quad> q = entry(next, e.type(), e.object(), e.graph(), e.time());
            q.forEach(ds.asDatasetGraph()::add);
            q.forEach(log()::add);
        }
    }

    /** The change feed's graph of the data a document graph belongs to: {@code {base}graph/changes}. */
    private static String changesGraph(String documentGraph) {
        return documentGraph.substring(0, documentGraph.indexOf("graph/")) + "graph/changes";
    }

    /**
     * The quads of one change-feed entry: {@code {base}changes/{sequence}} a {@code as:Create}, {@code as:Update}
     * or {@code as:Delete} of {@code object}, whose target is the document graph, published at {@code time}.
     */
    private static List<org.apache.jena.sparql.core.Quad> entry(long sequence, String type, String object,
            String graph, Instant time) {
        String changesGraph = changesGraph(graph);
        Model m = org.apache.jena.rdf.model.ModelFactory.createDefaultModel();
        m.createResource(changesGraph.substring(0, changesGraph.length() - "graph/changes".length()) + "changes/"
                        + sequence)
                .addProperty(RDF.type, switch (type) {
                    case "create" -> AS.Create;
                    case "update" -> AS.Update;
                    default -> AS.Delete;
                })
                .addProperty(AS.object, m.createResource(object))
                .addProperty(AS.target, m.createResource(graph))
                // in canonical form, as TDB2 reads it back ("…:02.12Z", not Instant's "…:02.120Z"), so that a replica
                // applying the patch holds the same term as the store
                .addProperty(AS.published, m.asRDFNode(org.apache.jena.riot.process.normalize.CanonicalizeLiteral.get()
                        .apply(NodeFactory.createLiteralDT(time.toString(), XSDDatatype.XSDdateTime))))
                .addLiteral(RDF.value, m.createTypedLiteral(Long.toString(sequence), XSDDatatype.XSDinteger));
        Node g = NodeFactory.createURI(changesGraph);
        List<org.apache.jena.sparql.core.Quad> out = new ArrayList<>();
        m.getGraph().find().forEachRemaining(t -> out.add(org.apache.jena.sparql.core.Quad.create(g, t)));
        return out;
    }

    /** Moves the patch into the log; call after the transaction committed (nothing when it changed nothing). */
    void publish() {
        if (log == null) {
            return;
        }
        try {
            log.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the patch log in " + dir, e);
        }
    }

    /** Deletes the patch file unless it was published. */
    @Override
    public void close() {
        if (log != null) {
            try {
                log.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove an unfinished patch from " + dir, e);
            }
        }
    }

    /**
     * One RDF Patch file being written: its header names the previous patch of the log; it is written under a
     * temporary name and joins the log only by {@link #commit}, so that an interrupted write leaves no patch.
     */
    private static final class Log implements AutoCloseable {
        private final Path tmp;
        private final Path target;
        private final OutputStream out;
        private final RDFChangesWriterText writer;
        private boolean committed;

        private Log(Path tmp, Path target) throws IOException {
            this.tmp = tmp;
            this.target = target;
            this.out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
            this.writer = RDFPatchOps.textWriter(out);
        }

        /** Starts the next patch of the log in {@code dir}. */
        static Log append(Path dir) throws IOException {
            Files.createDirectories(dir);
            String previous = lastId(dir);
            long number;
            try (Stream<Path> files = Files.list(dir)) {
                number = files.filter(p -> p.toString().endsWith(".rdfp")).count() + 1;
            }
            Log log = new Log(dir.resolve(String.format("%08d.rdfp.tmp", number)),
                    dir.resolve(String.format("%08d.rdfp", number)));
            log.writer.start();
            log.writer.header("id", NodeFactory.createURI("uuid:" + UUID.randomUUID()));
            if (previous != null) {
                log.writer.header("prev", NodeFactory.createURI(previous));
            }
            log.writer.txnBegin();
            return log;
        }

        RDFChangesWriterText writer() {
            return writer;
        }

        void add(org.apache.jena.sparql.core.Quad q) {
            writer.add(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject());
        }

        /** Ends the patch and moves it into the log. */
        void commit() throws IOException {
            writer.txnCommit();
            writer.finish();
            out.close();
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            committed = true;
        }

        @Override
        public void close() throws IOException {
            if (!committed) {
                out.close();
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** The last published patch in {@code dir}, or null when there is none. */
    static GraphStore.PatchPosition last(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (Stream<Path> files = Files.list(dir)) {
            Path last = files.filter(p -> p.toString().endsWith(".rdfp")).max(Path::compareTo).orElse(null);
            if (last == null) {
                return null;
            }
            try (var in = Files.newInputStream(last)) {
                Node id = RDFPatchOps.readHeader(in).getId();
                return new GraphStore.PatchPosition(last.getFileName().toString(), id == null ? null : id.getURI());
            }
        }
    }

    private static String lastId(Path dir) throws IOException {
        GraphStore.PatchPosition last = last(dir);
        return last == null ? null : last.id();
    }

}
