package org.skillgraph.harvest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.apache.jena.atlas.io.BufferingWriter;
import org.apache.jena.atlas.io.IO;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RIOT;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.riot.system.RiotLib;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.riot.writer.WriterStreamRDFBlocks;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.skillgraph.map.DocumentMapper;
import org.skillgraph.map.Prefixes;
import org.skillgraph.store.GraphStore;
import org.skillgraph.vocab.PROV;
import org.skillgraph.vocab.SG;

/**
 * Whole-store dumps, kept up to date incrementally.
 * <p>
 * Every named graph of the store has its own pair of <em>parts</em> in {@code dumps/parts/}: one gzip member
 * of N-Quads and one of TriG (a complete TriG document with its own prefixes). A dump file is the parts of
 * every graph concatenated in graph-name order, which is itself a valid gzip file (RFC 1952 allows any number
 * of members; {@code gunzip}, Java's {@code GZIPInputStream}, Python's {@code gzip} and Jena's loaders all read
 * it whole). Parts are compressed at gzip's fastest level: about a third larger than the default level, and
 * twice as fast to make, on the import's critical path. So after an import only the graphs that changed are serialised again, and the dump files are
 * re-assembled by copying bytes.
 * <p>
 * Whether a part is current is decided from the store, never from what the importer said it did: a document
 * graph's <em>fingerprint</em> is its import time, source SHA-256 and mapping version (a replaced document has
 * a new import time); the change feed, which only grows, by its last entry, and its new entries are appended
 * to its parts as one more gzip member; the ontology's graph
 * (a few hundred triples) is serialised on every refresh. The
 * importer may <em>stage</em> parts ahead, from the mapped document on its check-ahead thread
 * ({@link #stage}); a staged part is used only when its fingerprint is the stored graph's. A crash at any point
 * leaves either the previous dumps or parts that the next refresh notices are stale.
 * <p>
 * Dump files are written under a temporary name and moved into place, so a reader never sees half a dump;
 * the manifest ({@code dumps.json}) gives each file's size, quad count and SHA-256. The manifest is written after
 * the files, so for a moment it describes the previous ones: what a server sends as a file's SHA-256 is read
 * from a record kept by {@link FileVersion file version} instead ({@link #sha256(Path, String, FileVersion)}).
 */
public final class Dumps {
    /** For the manifests; not {@code CtdlJson}'s, whose class loads the CTDL context (a server's start reads a manifest). */
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The manifest's file name. */
    public static final String MANIFEST = "dumps.json";

    /** The folder of the per-graph parts, inside the dumps folder. */
    public static final String PARTS = "parts";

    private static final String STAGED = "staged";
    private static final String INDEX = "index.json";
    /** In the parts folder: the SHA-256 of each dump file, by file version. */
    private static final String FILES = "files.json";
    /** Beside a staged part: its number of quads (written last, so its presence means the part is complete). */
    private static final String COUNT = ".quads";

    /** One dump file. */
    public record Dump(String name, String mediaType, long bytes, long quads, String sha256, String modified) {
    }

    /**
     * What tells one version of a file from another without reading it: its file key (device and inode where
     * the platform has them), size and modification time. A rename keeps all three, and a dump file is never
     * written in place, so the version found at a file's path both before and after it is opened is that of the
     * bytes read from it.
     */
    public record FileVersion(String key, long bytes, Instant modified) {
        /** The version of the file now at {@code file}. */
        public static FileVersion of(Path file) throws IOException {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new FileVersion(String.valueOf(a.fileKey()), a.size(), a.lastModifiedTime().toInstant());
        }
    }

    private record Kind(String name, String mediaType, String suffix, RDFFormat format) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("skillgraph.nq.gz", "application/n-quads", ".nq.gz", RDFFormat.NQUADS),
            new Kind("skillgraph.trig.gz", "application/trig", ".trig.gz", RDFFormat.TRIG_BLOCKS));

    /** A graph's parts: the file stem in the parts folder, the fingerprint they were made from, their quads. */
    private record Part(String stem, String fingerprint, long quads) {
    }

    private Dumps() {
    }

    /**
     * Brings the dumps of a store up to date: the parts of graphs that changed are made again (or taken from
     * the staged ones), those of graphs that are gone are deleted, and the dump files are re-assembled.
     */
    public static List<Dump> regenerate(GraphStore store) throws IOException {
        Instant modified = store.lastModified();
        Path dir = store.dumpsDirectory();
        Path parts = dir.resolve(PARTS);
        Files.createDirectories(parts.resolve(STAGED));
        Index index = readIndex(parts);
        Map<String, Part> before = index.graphs();
        Map<String, Part> after = new TreeMap<>();
        GraphStore.PatchPosition[] position = {null};
        try {
            store.read(ds -> {
                DatasetGraph dsg = ds.asDatasetGraph();
                try {
                    // the data read here is the log's up to its last patch: imports publish theirs as they commit,
                    // and a refresh runs under the same lock as imports (or with the store to itself)
                    position[0] = store.lastPatch();
                    Optional<java.util.Set<String>> changed = store.graphsChangedSince(index.patch(), FOLLOW_BYTES);
                    if (changed.isPresent() && partsExist(parts, before.values())) {
                        follow(store, parts, dsg, before, changed.get(), after);
                        return null;
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                Iterator<Node> names = dsg.listGraphNodes();
                while (names.hasNext()) {
                    Node g = names.next();
                    after.put(g.getURI(), current(store, parts, g, dsg.getGraph(g), before.get(g.getURI())));
                }
                return null;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        List<Dump> dumps = assembleAll(dir, parts, after, modified);
        writeIndex(parts, after, position[0]);
        writeManifest(dir, dumps, position[0]);
        sweep(parts, after);
        return dumps;
    }

    /**
     * Up to this many bytes of patches since the parts' index was written are read to learn which graphs changed
     * (an import of one changed document writes a few kilobytes, of a new one some 200 KB); more (a bulk import), and
     * every graph of the store is looked at instead.
     */
    private static final long FOLLOW_BYTES = 4 << 20;

    /**
     * The parts of every graph, from the index of the last refresh and the graphs the patch log says changed since:
     * those are looked at in the store (their parts kept, taken from the staging folder or made again, or dropped
     * with a graph that is gone), as is every graph whose parts are made on every refresh (no fingerprint); the
     * others keep their parts without reading the store's list of graphs, which means reading its whole graph index.
     */
    private static void follow(GraphStore store, Path parts, DatasetGraph dsg, Map<String, Part> before,
            java.util.Set<String> changed, Map<String, Part> after) {
        after.putAll(before);
        java.util.Set<String> again = new java.util.TreeSet<>(changed);
        before.forEach((g, p) -> {
            if (p.fingerprint() == null) {
                again.add(g);
            }
        });
        for (String name : again) {
            Node g = NodeFactory.createURI(name);
            if (dsg.containsGraph(g)) {
                after.put(name, current(store, parts, g, dsg.getGraph(g), before.get(name)));
            } else {
                after.remove(name);
            }
        }
    }

    /** Deletes the parts no graph uses any more (also those of an index that was lost), and the staged ones. */
    private static void sweep(Path parts, Map<String, Part> used) throws IOException {
        java.util.Set<String> keep = new java.util.HashSet<>();
        used.values().forEach(p -> KINDS.forEach(k -> keep.add(p.stem() + k.suffix())));
        keep.add(INDEX);
        keep.add(FILES);
        try (Stream<Path> files = Files.list(parts)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                if (!keep.contains(p.getFileName().toString())) {
                    Files.deleteIfExists(p);
                }
            }
        }
        try (Stream<Path> staged = Files.list(parts.resolve(STAGED))) {
            for (Path p : staged.toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * Writes the parts of a graph about to be stored into the staging folder of {@code dumpsDir}, so that the
     * next {@link #regenerate} need not serialise it from the store. Safe to call from any thread, for
     * different graphs at once. Returns false when the parts could not be written, which only means that
     * the refresh serialises the graph from the store instead.
     */
    public static boolean stage(Path dumpsDir, String graphName, Graph graph) {
        String fingerprint = fingerprint(NodeFactory.createURI(graphName), graph);
        if (fingerprint == null) {
            return false;
        }
        try {
            Path staged = dumpsDir.resolve(PARTS).resolve(STAGED);
            Files.createDirectories(staged);
            String stem = stem(graphName, fingerprint);
            long quads = writeParts(staged, stem, NodeFactory.createURI(graphName), graph);
            Files.writeString(staged.resolve(stem + COUNT), Long.toString(quads));
            return true;
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    /**
     * What an importer of this store does with each accepted document ({@code Importer.onAccepted}): stage its
     * dump parts, on the importer's check-ahead thread, for the next {@link #regenerate}.
     */
    public static java.util.function.Consumer<org.skillgraph.map.MappedDocument> stager(GraphStore store) {
        Path dir = store.dumpsDirectory();
        return d -> stage(dir, d.graphName(), d.model().getGraph());
    }

    /** The parts of one graph: kept, taken from the staging folder, or serialised from the store. */
    private static Part current(GraphStore store, Path parts, Node g, Graph graph, Part before) {
        if (g.getURI().endsWith(FEED_GRAPH)) {
            try {
                return feedPart(parts, g, graph, store.quadCount(g), before);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String fingerprint = fingerprint(g, graph);
        if (fingerprint != null && before != null && fingerprint.equals(before.fingerprint())
                && partsExist(parts, before.stem())) {
            return before;
        }
        String stem = stem(g.getURI(), fingerprint == null ? Long.toString(System.nanoTime()) : fingerprint);
        try {
            Path staged = parts.resolve(STAGED);
            if (fingerprint != null && partsExist(staged, stem) && Files.isRegularFile(staged.resolve(stem + COUNT))) {
                long quads = Long.parseLong(Files.readString(staged.resolve(stem + COUNT)).strip());
                for (Kind k : KINDS) {
                    Files.move(staged.resolve(stem + k.suffix()), parts.resolve(stem + k.suffix()),
                            StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
                return new Part(stem, fingerprint, quads);
            }
            return new Part(stem, fingerprint, writeParts(parts, stem, g, graph));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The change feed's graph ends so; its entries are {@code {base}changes/{sequence}}. */
    private static final String FEED_GRAPH = "graph/changes";
    /** The fingerprint of the feed's parts: the sequence number of the last entry they hold. */
    private static final String FEED = "feed-to|";

    /**
     * The parts of the change feed. The feed only grows (entries are never edited or removed), and it grows
     * with every import: rather than serialising it all again, the entries after the last one the parts hold
     * are appended to them as one more gzip member (any gzip reader reads the members as one stream, and a
     * TriG document may hold the same graph's block more than once). When the parts do not account for the
     * graph exactly (their quads plus the new entries' are not its size), they are made again from the graph.
     */
    private static Part feedPart(Path parts, Node g, Graph graph, long size, Part before) throws IOException {
        String entries = g.getURI().substring(0, g.getURI().length() - FEED_GRAPH.length()) + "changes/";
        if (before != null && before.fingerprint() != null && before.fingerprint().startsWith(FEED)
                && partsExist(parts, before.stem())) {
            long last = Long.parseLong(before.fingerprint().substring(FEED.length()));
            Graph added = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
            for (Iterator<Triple> it; (it = graph.find(NodeFactory.createURI(entries + (last + 1)), Node.ANY,
                    Node.ANY)).hasNext(); last++) {
                it.forEachRemaining(added::add);
            }
            if (before.quads() + added.size() == size) {
                if (added.isEmpty()) {
                    return before;
                }
                String stem = stem(g.getURI(), FEED + last);
                Path staged = parts.resolve(STAGED);
                writeParts(staged, stem, g, added);
                for (Kind k : KINDS) {
                    Path tmp = parts.resolve(stem + k.suffix() + ".tmp");
                    try (OutputStream out = Files.newOutputStream(tmp)) {
                        Files.copy(parts.resolve(before.stem() + k.suffix()), out);
                        Files.copy(staged.resolve(stem + k.suffix()), out);
                    }
                    Files.move(tmp, parts.resolve(stem + k.suffix()), StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                }
                return new Part(stem, FEED + last, size);
            }
        }
        long last = 0;
        for (Iterator<Triple> it = graph.find(Node.ANY, RDF.value.asNode(), Node.ANY); it.hasNext(); ) {
            Node o = it.next().getObject();
            if (o.isLiteral() && o.getLiteralValue() instanceof Number n) {
                last = Math.max(last, n.longValue());
            }
        }
        String stem = stem(g.getURI(), FEED + last);
        return new Part(stem, FEED + last, writeParts(parts, stem, g, graph));
    }

    /**
     * What identifies a version of a document graph: its import time, source SHA-256 and mapping version, as
     * stated in the graph about itself; null for a graph that states none of them.
     */
    static String fingerprint(Node g, Graph graph) {
        String time = value(graph, g, PROV.generatedAtTime.asNode());
        if (time == null) {
            return null;
        }
        return time + "|" + value(graph, g, SG.sha256.asNode()) + "|" + value(graph, g, SG.mappingVersion.asNode())
                + "|" + DocumentMapper.MAPPING_VERSION;
    }

    private static String value(Graph graph, Node s, Node p) {
        Iterator<Triple> it = graph.find(s, p, Node.ANY);
        return it.hasNext() ? it.next().getObject().toString() : null;
    }

    /** The file stem of a graph's parts: a digest of its name, and one of the fingerprint they were made from. */
    private static String stem(String graphName, String fingerprint) {
        return sha256(graphName).substring(0, 24) + "-" + sha256(fingerprint).substring(0, 12);
    }

    private static boolean partsExist(Path dir, String stem) {
        return KINDS.stream().allMatch(k -> Files.isRegularFile(dir.resolve(stem + k.suffix())));
    }

    private static boolean partsExist(Path dir, java.util.Collection<Part> parts) {
        return parts.stream().allMatch(p -> partsExist(dir, p.stem()));
    }

    /** Serialises one graph as one gzip member per kind into {@code dir}; returns its number of quads. */
    private static long writeParts(Path dir, String stem, Node g, Graph graph) throws IOException {
        long quads = 0;
        PrefixMap prefixes = PrefixMapFactory.create(Prefixes.apply(PrefixMapping.Factory.create(), baseOf(g)));
        for (Kind k : KINDS) {
            Path tmp = dir.resolve(stem + k.suffix() + ".tmp");
            long n = 0;
            try (OutputStream file = Files.newOutputStream(tmp);
                 GZIPOutputStream gz = new GZIPOutputStream(file, 1 << 16) {
                     {
                         def.setLevel(Deflater.BEST_SPEED);
                     }
                 }) {
                StreamRDF writer = writer(gz, k.format());
                writer.start();
                if (k.format() != RDFFormat.NQUADS) {
                    prefixes.forEach(writer::prefix);
                }
                Iterator<Triple> it = graph.find();
                while (it.hasNext()) {
                    writer.quad(Quad.create(g, it.next()));
                    n++;
                }
                writer.finish();
            }
            Files.move(tmp, dir.resolve(stem + k.suffix()), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            quads = n;
        }
        return quads;
    }

    /**
     * Jena's streaming writer of the format. Given an output stream, its TriG writer puts each character
     * through a {@code java.io.BufferedWriter}, which takes a lock per character; given Jena's own
     * unsynchronised {@link BufferingWriter} it writes the same bytes (checked on 100 occupations' graphs) in
     * about 40 % less time, a tenth of checking a document in an ingest.
     */
    private static StreamRDF writer(OutputStream out, RDFFormat format) {
        if (format == RDFFormat.TRIG_BLOCKS) {
            return new WriterStreamRDFBlocks(RiotLib.create(new BufferingWriter(IO.asUTF8(out))),
                    RIOT.getContext().copy());
        }
        return StreamRDFWriter.getWriterStream(out, format);
    }

    /** The base of the data a graph belongs to ({@code {base}graph/…}), or null (the ontology's graph). */
    private static String baseOf(Node g) {
        String uri = g.getURI();
        int i = uri.indexOf("/graph/");
        return i < 0 || uri.startsWith(SG.ONTOLOGY) ? null : uri.substring(0, i + 1);
    }

    /**
     * Assembles every kind of dump file, and renames them into place once all are written: a failure leaves
     * every dump file as it was, and the manifest still describes them.
     */
    private static List<Dump> assembleAll(Path dir, Path parts, Map<String, Part> graphs, Instant modified)
            throws IOException {
        List<Dump> dumps;
        try {
            dumps = assembleEach(dir, parts, graphs, modified);
            recordVersions(dir, parts, dumps);
        } catch (IOException | RuntimeException e) {
            for (Kind k : KINDS) {
                try {
                    Files.deleteIfExists(dir.resolve(k.name() + ".tmp"));
                } catch (IOException ignored) {
                    // a folder in its place, say: the next refresh writes over it or fails the same way
                }
            }
            throw e;
        }
        for (Kind k : KINDS) {
            Files.move(dir.resolve(k.name() + ".tmp"), dir.resolve(k.name()), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        }
        return dumps;
    }

    /**
     * Every kind of dump file assembled at once, each on a thread of its own: each is its parts copied and hashed
     * (SHA-256), some 35 MB for N-Quads and 25 MB for TriG at 1,000 occupations, and on two cores both run side by
     * side. Returns when all are written, or throws the first failure once every one has ended (so that none is
     * still writing when its {@code .tmp} file is deleted).
     */
    private static List<Dump> assembleEach(Path dir, Path parts, Map<String, Part> graphs, Instant modified)
            throws IOException {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(KINDS.size(),
                r -> {
                    Thread t = new Thread(r, "skillgraph-dumps");
                    t.setDaemon(true);
                    return t;
                });
        try {
            List<java.util.concurrent.Future<Dump>> jobs = new ArrayList<>();
            for (Kind k : KINDS) {
                jobs.add(pool.submit(() -> assemble(dir, parts, k, graphs, modified)));
            }
            List<Dump> dumps = new ArrayList<>();
            Throwable failure = null;
            for (java.util.concurrent.Future<Dump> job : jobs) {
                try {
                    dumps.add(awaitUninterruptibly(job));
                } catch (java.util.concurrent.ExecutionException e) {
                    failure = failure == null ? e.getCause() : failure;
                }
            }
            if (failure instanceof IOException e) {
                throw e;
            }
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            if (failure != null) {
                throw new IOException(failure);
            }
            return dumps;
        } finally {
            pool.shutdown();
        }
    }

    /** A job's result, waited for to the end even if this thread is interrupted meanwhile (which is kept). */
    private static <T> T awaitUninterruptibly(java.util.concurrent.Future<T> job)
            throws java.util.concurrent.ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return job.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Concatenates the parts of every graph, in graph-name order, into one dump file's {@code .tmp} beside it. */
    private static Dump assemble(Path dir, Path parts, Kind k, Map<String, Part> graphs, Instant modified)
            throws IOException {
        Path tmp = dir.resolve(k.name() + ".tmp");
        MessageDigest sha = digest();
        long quads = 0;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), sha)) {
            for (Part p : graphs.values()) {
                try (InputStream in = Files.newInputStream(parts.resolve(p.stem() + k.suffix()))) {
                    in.transferTo(out);
                }
                quads += p.quads();
            }
        }
        return new Dump(k.name(), k.mediaType(), Files.size(tmp), quads, HexFormat.of().formatHex(sha.digest()),
                modified.toString());
    }

    /**
     * Records the SHA-256 of each new dump file by its version before the file is moved into place (a rename
     * keeps the version), so that whoever opens a dump file finds the SHA-256 of what it opened from the moment
     * the file appears, without reading 35 MB. The entries of the files still in place stay until they are
     * replaced, as they are served until then.
     */
    private static void recordVersions(Path dir, Path parts, List<Dump> dumps) throws IOException {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ArrayNode list = root.putArray("files");
        for (JsonNode e : readVersions(parts)) {
            Path file = dir.resolve(e.path("name").asText());
            if (Files.isRegularFile(file) && FileVersion.of(file).equals(version(e))) {
                list.add(e);
            }
        }
        for (Dump d : dumps) {
            FileVersion v = FileVersion.of(dir.resolve(d.name() + ".tmp"));
            list.addObject().put("name", d.name()).put("key", v.key()).put("bytes", v.bytes())
                    .put("modified", v.modified().toString()).put("sha256", d.sha256());
        }
        Path tmp = parts.resolve(FILES + ".tmp");
        JSON.writeValue(tmp.toFile(), root);
        Files.move(tmp, parts.resolve(FILES), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The entries of the record of file versions; none when it is missing or unreadable. */
    private static JsonNode readVersions(Path parts) {
        Path file = parts.resolve(FILES);
        try {
            return Files.isRegularFile(file) ? JSON.readTree(file.toFile()).path("files") : JSON.createArrayNode();
        } catch (IOException e) {
            return JSON.createArrayNode();
        }
    }

    private static FileVersion version(JsonNode entry) {
        try {
            return new FileVersion(entry.path("key").asText(), entry.path("bytes").asLong(),
                    Instant.parse(entry.path("modified").asText()));
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The SHA-256 of dump file {@code name} of {@code dir} in the given version, as recorded when it was written;
     * empty when that version was not recorded (written by an older release, or changed since by hand).
     */
    public static Optional<String> sha256(Path dir, String name, FileVersion version) {
        for (JsonNode e : readVersions(dir.resolve(PARTS))) {
            if (e.path("name").asText().equals(name) && version.equals(version(e))) {
                return Optional.of(e.path("sha256").asText());
            }
        }
        return Optional.empty();
    }

    /** The index of the parts: each graph's, and the patch of the log the store had reached when it was written. */
    private record Index(Map<String, Part> graphs, GraphStore.PatchPosition patch) {
    }

    private static Index readIndex(Path parts) {
        Map<String, Part> graphs = new HashMap<>();
        Path file = parts.resolve(INDEX);
        if (!Files.isRegularFile(file)) {
            return new Index(graphs, null);
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            for (JsonNode p : root.path("graphs")) {
                graphs.put(p.get("graph").asText(), new Part(p.get("stem").asText(),
                        p.path("fingerprint").isNull() ? null : p.path("fingerprint").asText(null),
                        p.get("quads").asLong()));
            }
            JsonNode patch = root.path("patch");
            return new Index(graphs, patch.isObject() ? new GraphStore.PatchPosition(patch.path("file").asText(),
                    patch.path("id").asText(null)) : null);
        } catch (IOException | RuntimeException e) {
            return new Index(new HashMap<>(), null); // an unreadable index only costs serialising every graph again
        }
    }

    private static void writeIndex(Path parts, Map<String, Part> graphs, GraphStore.PatchPosition position)
            throws IOException {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        if (position != null) {
            // the changes after this patch are the graphs the next refresh looks at again
            root.putObject("patch").put("file", position.file()).put("id", position.id());
        }
        ArrayNode list = root.putArray("graphs");
        graphs.forEach((g, p) -> list.addObject().put("graph", g).put("stem", p.stem())
                .put("fingerprint", p.fingerprint()).put("quads", p.quads()));
        Path tmp = parts.resolve(INDEX + ".tmp");
        JSON.writeValue(tmp.toFile(), root);
        Files.move(tmp, parts.resolve(INDEX), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Whether {@code dir} has dumps: a manifest, which is written whole (renamed into place) after its dump files.
     * Cheaper than {@link #read}, which parses it: a server's start asks only this.
     */
    public static boolean exist(Path dir) {
        return Files.isRegularFile(dir.resolve(MANIFEST));
    }

    /**
     * Whether the dumps of a store are missing or behind its data: the manifest names another patch of the log than the
     * store's last (a process stopped between a commit and the refresh that follows it leaves them so), or lists a
     * file that is not in place.
     */
    public static boolean behind(GraphStore store) throws IOException {
        Path dir = store.dumpsDirectory();
        Path manifest = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            return true;
        }
        JsonNode root;
        try {
            root = JSON.readTree(manifest.toFile());
        } catch (IOException e) {
            return true;
        }
        GraphStore.PatchPosition last = store.lastPatch();
        JsonNode patch = root.path("patch");
        boolean samePatch = last == null ? patch.isMissingNode()
                : last.file().equals(patch.path("file").asText(null)) && java.util.Objects.equals(last.id(),
                        patch.path("id").asText(null));
        if (!samePatch) {
            return true;
        }
        for (JsonNode d : root.path("dumps")) {
            if (!Files.isRegularFile(dir.resolve(d.path("name").asText()))) {
                return true;
            }
        }
        return false;
    }

    /** The dumps listed in {@code dir}'s manifest, or an empty list when there is none. */
    public static List<Dump> read(Path dir) {
        Path manifest = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            return List.of();
        }
        try {
            List<Dump> out = new ArrayList<>();
            for (JsonNode d : JSON.readTree(manifest.toFile()).path("dumps")) {
                out.add(new Dump(d.get("name").asText(), d.get("mediaType").asText(), d.get("bytes").asLong(),
                        d.get("quads").asLong(), d.get("sha256").asText(), d.get("modified").asText()));
            }
            return out;
        } catch (IOException e) {
            return List.of();
        }
    }

    private static void writeManifest(Path dir, List<Dump> dumps, GraphStore.PatchPosition position)
            throws IOException {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        if (position != null) {
            // where a replica loaded from these files starts following the patch log: after this patch
            root.putObject("patch").put("file", position.file()).put("id", position.id());
        }
        ArrayNode list = root.putArray("dumps");
        for (Dump d : dumps) {
            list.addObject().put("name", d.name()).put("mediaType", d.mediaType()).put("bytes", d.bytes())
                    .put("quads", d.quads()).put("sha256", d.sha256()).put("modified", d.modified());
        }
        Path tmp = dir.resolve(MANIFEST + ".tmp");
        JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), root);
        Files.move(tmp, dir.resolve(MANIFEST), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(String s) {
        return HexFormat.of().formatHex(digest().digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
