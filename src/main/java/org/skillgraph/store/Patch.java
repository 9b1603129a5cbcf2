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
 * the transaction, {@link #prepare} ends the file and forces it to disk before the store commits, and after the
 * commit {@link #publish} moves it into the patch log, so that a replica applying the log in order holds exactly
 * the same quads. Closed before it was prepared, the file is deleted; prepared, it is left for {@link #settle}, as the
 * store may have committed although its commit threw.
 * <p>
 * A process that stops between the store's commit and the move leaves the prepared file ({@code NNNNNNNN.rdfp.pending})
 * behind; {@link #settle} decides its fate from the store, which TDB2 has by then recovered to its last commit:
 * published when the store holds what the patch did, deleted when it does not. Without that, a change would be in
 * the store and in no patch, and every replica would miss it for good.
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
                throw new StoreException(dir + ": cannot write the patch log (" + reason(e) + "); nothing of this "
                        + "transaction was stored", e);
            }
        }
        return log;
    }

    /** What went wrong, in words: a file system's reason, or the kind of failure and the file it names. */
    private static String reason(IOException e) {
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "a file is in the way of " + e.getMessage();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /**
     * Adds the change-feed entries to the store; call inside the write transaction. {@code lastSequence} gives the
     * highest sequence number ({@code rdf:value}) of a feed graph's entries, 0 for none.
     */
    void commitTo(Dataset ds, java.util.function.ToLongFunction<String> lastSequence) {
        Map<String, Long> last = new java.util.HashMap<>(); // the highest sequence number of each feed
        for (Entry e : entries) {
            String changesGraph = changesGraph(e.graph());
            long next = last.computeIfAbsent(changesGraph, lastSequence::applyAsLong) + 1;
            last.put(changesGraph, next);
            List<org.apache.jena.sparql.core.Quad> q = entry(next, e.type(), e.object(), e.graph(), e.time());
            q.forEach(ds.asDatasetGraph()::add);
            q.forEach(log()::add);
        }
    }

    /**
     * The change feed's graph of the data a document graph belongs to: {@code {base}graph/changes}. The base is what
     * comes before the last {@code graph/} of the name ({@link GraphStore#baseOf}): a base may hold {@code graph/}
     * itself ({@code https://example.org/graph/}).
     */
    private static String changesGraph(String documentGraph) {
        return GraphStore.baseOf(documentGraph) + "graph/changes";
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

    /**
     * Ends the patch and forces it to disk, complete, under its pending name; call just before the transaction
     * commits (nothing when it changed nothing).
     */
    void prepare() {
        if (log == null) {
            return;
        }
        try {
            log.prepare();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the patch log in " + dir, e);
        }
    }

    /**
     * Moves the prepared patch into the log; call after the transaction committed (nothing when it changed
     * nothing). Should the move fail, the file stays pending for {@link #settle}.
     */
    void publish() {
        if (log == null) {
            return;
        }
        log.stored = true;
        try {
            log.publish();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the patch log in " + dir, e);
        }
    }

    /**
     * Deletes the patch file unless it was prepared: a prepared patch whose transaction's commit did not return stays
     * pending, since the store may have committed it, and the next transaction (or opening) settles it.
     */
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
     * One RDF Patch file being written: its header names the previous patch of the log; it is written under its
     * pending name and joins the log only by {@link #publish}, so that an interrupted write leaves no patch.
     */
    private static final class Log implements AutoCloseable {
        private final Path pending;
        private final Path target;
        private final java.nio.channels.FileChannel channel;
        private final OutputStream out;
        private final RDFChangesWriterText writer;
        /** Whether the store committed the transaction: from then on the file is the only record of the change. */
        private boolean stored;
        /**
         * Whether the file is complete and on disk: from then on the transaction may commit even if its commit throws
         * (the full-text index's commit follows TDB2's), so the file is left pending for {@link #settle}.
         */
        private boolean prepared;

        private Log(Path pending, Path target) throws IOException {
            this.pending = pending;
            this.target = target;
            this.channel = java.nio.channels.FileChannel.open(pending, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.TRUNCATE_EXISTING, java.nio.file.StandardOpenOption.WRITE);
            this.out = new java.io.BufferedOutputStream(java.nio.channels.Channels.newOutputStream(channel), 1 << 16);
            this.writer = RDFPatchOps.textWriter(out);
        }

        /** Starts the next patch of the log in {@code dir}. */
        static Log append(Path dir) throws IOException {
            Files.createDirectories(dir);
            String previous = lastId(dir);
            long number;
            try (Stream<Path> files = Files.list(dir)) {
                number = files.filter(Patch::inLog).count() + 1;
            }
            String name = String.format("%08d.rdfp", number);
            Log log = new Log(dir.resolve(name + PENDING), dir.resolve(name));
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

        /** Ends the patch and forces its bytes to disk. */
        void prepare() throws IOException {
            writer.txnCommit();
            writer.finish();
            out.flush();
            channel.force(true);
            out.close();
            prepared = true;
        }

        /** Moves the prepared patch into the log. */
        void publish() throws IOException {
            move(pending, target);
        }

        @Override
        public void close() throws IOException {
            try {
                out.close();
            } catch (IOException e) {
                if (stored) {
                    throw e;
                }
                // what could not be flushed belongs to a patch that is deleted anyway: the failure that stopped the
                // transaction is the one to report, not this one
            }
            if (!stored && !prepared) {
                Files.deleteIfExists(pending);
            }
        }
    }

    /** The suffix of a patch file that is complete or being written, and not yet in the log. */
    private static final String PENDING = ".pending";

    /** Renames a patch file into the log, and makes the rename durable (as far as the file system lets us). */
    private static void move(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        try (var d = java.nio.channels.FileChannel.open(to.getParent(), java.nio.file.StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // a file system that cannot sync a folder: the rename is as durable as it makes it
        }
    }

    /**
     * Settles a patch left pending by a process that stopped after preparing it: moves it into the log when the
     * store holds what it did (the transaction committed), deletes it when not (it did not, or the file is
     * unfinished). Call with the store recovered and no write transaction of this process under way; returns the
     * file name of a patch moved into the log, or null.
     * <p>
     * Every document change adds change-feed entries ({@code {base}changes/N}, numbered after the last), which no
     * store holds before the transaction that adds them commits: the store holds them all or none. A patch with no
     * entries (the ontology's graph replaced) is judged by its net effect: every quad it adds and does not delete
     * again is stored, every quad it deletes and does not add again is not.
     */
    static String settle(Path dir, org.apache.jena.sparql.core.DatasetGraph dsg) throws IOException {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        List<Path> pending;
        try (Stream<Path> files = Files.list(dir)) {
            pending = files.filter(p -> p.getFileName().toString().endsWith(".rdfp" + PENDING)).sorted().toList();
        }
        String published = null;
        for (Path p : pending) {
            String name = p.getFileName().toString();
            Path target = p.resolveSibling(name.substring(0, name.length() - PENDING.length()));
            if (!Files.exists(target) && stored(p, dsg)) {
                move(p, target);
                published = target.getFileName().toString();
            } else {
                Files.delete(p);
            }
        }
        return published;
    }

    /** Whether the store holds what a prepared patch did; false for an unfinished or unreadable one. */
    private static boolean stored(Path file, org.apache.jena.sparql.core.DatasetGraph dsg) throws IOException {
        List<org.apache.jena.sparql.core.Quad> entries = new ArrayList<>();
        boolean[] ended = {false};
        try (var in = Files.newInputStream(file)) {
            new org.apache.jena.rdfpatch.text.RDFPatchReaderText(in).apply(
                    new org.apache.jena.rdfpatch.changes.RDFChangesBase() {
                        @Override
                        public void add(Node g, Node s, Node p, Node o) {
                            if (g.isURI() && g.getURI().endsWith("graph/changes")) {
                                entries.add(org.apache.jena.sparql.core.Quad.create(g, s, p, o));
                            }
                        }

                        @Override
                        public void txnCommit() {
                            ended[0] = true;
                        }
                    });
        } catch (RuntimeException e) {
            return false; // cut off mid-line: never prepared, so never committed
        }
        if (!ended[0]) {
            return false;
        }
        if (!entries.isEmpty()) {
            return entries.stream().allMatch(dsg::contains);
        }
        Map<org.apache.jena.sparql.core.Quad, Boolean> net = new java.util.LinkedHashMap<>();
        try (var in = Files.newInputStream(file)) {
            new org.apache.jena.rdfpatch.text.RDFPatchReaderText(in).apply(
                    new org.apache.jena.rdfpatch.changes.RDFChangesBase() {
                        @Override
                        public void add(Node g, Node s, Node p, Node o) {
                            net.put(org.apache.jena.sparql.core.Quad.create(g, s, p, o), true);
                        }

                        @Override
                        public void delete(Node g, Node s, Node p, Node o) {
                            net.put(org.apache.jena.sparql.core.Quad.create(g, s, p, o), false);
                        }
                    });
        }
        return net.entrySet().stream().allMatch(e -> dsg.contains(e.getKey()) == e.getValue());
    }

    /** Whether a file of the patch folder is a patch of the log: {@code NNNNNNNN.rdfp}, a file. */
    static boolean inLog(Path p) {
        return p.getFileName().toString().matches("\\d{8}\\.rdfp") && Files.isRegularFile(p);
    }

    /** The last published patch in {@code dir}, or null when there is none. */
    static GraphStore.PatchPosition last(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (Stream<Path> files = Files.list(dir)) {
            Path last = files.filter(Patch::inLog).max(Path::compareTo).orElse(null);
            if (last == null) {
                return null;
            }
            return new GraphStore.PatchPosition(last.getFileName().toString(), id(last));
        }
    }

    /**
     * The names of the graphs that the patches of the log in {@code dir} after {@code since} add quads to or delete
     * quads from; empty when the log does not hold {@code since} (a log started again, or none), when a later
     * patch does not follow the one before it, or when the later patches hold more than {@code maxBytes} together
     * (reading them would cost more than what the caller saves).
     */
    static java.util.Optional<java.util.Set<String>> graphsAfter(Path dir, GraphStore.PatchPosition since,
            long maxBytes) throws IOException {
        if (since == null || !Files.isDirectory(dir)) {
            return java.util.Optional.empty();
        }
        List<Path> log;
        try (Stream<Path> files = Files.list(dir)) {
            log = files.filter(Patch::inLog).sorted().toList();
        }
        int at = log.indexOf(dir.resolve(since.file()));
        if (at < 0 || !java.util.Objects.equals(id(log.get(at)), since.id())) {
            return java.util.Optional.empty();
        }
        List<Path> later = log.subList(at + 1, log.size());
        long bytes = 0;
        for (Path p : later) {
            bytes += Files.size(p);
        }
        if (bytes > maxBytes) {
            return java.util.Optional.empty();
        }
        java.util.Set<String> graphs = new java.util.HashSet<>();
        String expected = since.id();
        for (Path file : later) {
            String[] header = {null, null}; // its id, and the id of the patch it follows
            try (var in = Files.newInputStream(file)) {
                new org.apache.jena.rdfpatch.text.RDFPatchReaderText(in).apply(
                        new org.apache.jena.rdfpatch.changes.RDFChangesBase() {
                            @Override
                            public void header(String field, Node value) {
                                if (value.isURI() && ("id".equals(field) || "prev".equals(field))) {
                                    header["id".equals(field) ? 0 : 1] = value.getURI();
                                }
                            }

                            @Override
                            public void add(Node g, Node s, Node p, Node o) {
                                changed(g);
                            }

                            @Override
                            public void delete(Node g, Node s, Node p, Node o) {
                                changed(g);
                            }

                            private void changed(Node g) {
                                if (g != null && g.isURI()) {
                                    graphs.add(g.getURI());
                                }
                            }
                        });
            } catch (RuntimeException e) {
                return java.util.Optional.empty(); // a patch of the log it cannot read: the caller reads the store
            }
            if (expected == null || !expected.equals(header[1])) {
                return java.util.Optional.empty();
            }
            expected = header[0];
        }
        return java.util.Optional.of(graphs);
    }

    /** The id in a patch file's header, or null. */
    private static String id(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            Node id = RDFPatchOps.readHeader(in).getId();
            return id == null ? null : id.getURI();
        }
    }

    private static String lastId(Path dir) throws IOException {
        GraphStore.PatchPosition last = last(dir);
        return last == null ? null : last.id();
    }

}
