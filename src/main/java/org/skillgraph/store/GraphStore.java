package org.skillgraph.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.apache.commons.io.file.PathUtils;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.TxnType;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.query.text.DatasetGraphText;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextDatasetFactory;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.tdb2.sys.DatabaseOps;
import org.skillgraph.map.MappedDocument;
import org.skillgraph.map.DocumentMapper;
import org.skillgraph.vocab.SG;
import org.apache.lucene.store.FSDirectory;

/**
 * A TDB2 database of document graphs.
 * <pre>{@code
 * try (GraphStore store = GraphStore.open(Path.of("data/tdb2"))) {
 *     store.put(mapped);                       // replaces that document's graph atomically
 *     store.read(ds -> ...);                   // a read transaction over the dataset
 * }
 * }</pre>
 * The default graph of every query is the union of the named graphs. Every write goes through a jena-text
 * dataset, so the Lucene index ({@link TextSearch}) is always in step with the data, and SPARQL can use
 * {@code text:query}.
 */
public final class GraphStore implements AutoCloseable {
    /** What {@link #put} did. */
    public enum Outcome { CREATED, UPDATED, UNCHANGED }

    /** The folder of the RDF Patch log, inside the store folder. */
    private static final String PATCHES = "patches";

    /** The folder of the Lucene index, inside the store folder. */
    public static final String TEXT_INDEX = "text-index";
    /** Beside the index folder, {@code text-index.rebuilding}: the index is to be made again from the data. */
    private static final String REBUILDING = ".rebuilding";

    private final Dataset dataset;
    private final Path dir;

    private final Dataset tdb;
    /** Held by the open {@link Batch}, if any. */
    private final ReentrantLock writing = new ReentrantLock();
    /** Told before each commit of a write transaction and after it (committed or not): {@link #watchCommits}. */
    private volatile CommitWatcher commits = new CommitWatcher() {
    };

    /**
     * What a reader that keeps values made from the data (a server's caches) is told of each commit: that the data is
     * about to change, before the commit makes the change visible, and that the commit is over, whether it committed
     * or failed. A read transaction that begins in between may see either version of the data.
     */
    public interface CommitWatcher {
        default void committing() {
        }

        default void committed() {
        }
    }

    /** Tells {@code watcher} of every commit from now on (one watcher; a server's). */
    public void watchCommits(CommitWatcher watcher) {
        this.commits = watcher;
    }

    private GraphStore(Path dir, Dataset dataset, Dataset tdb) {
        this.dir = dir;
        this.dataset = dataset;
        this.tdb = tdb;
    }

    /**
     * Opens (creating if needed) the TDB2 database in {@code dir}, with its full-text index in
     * {@code dir/text-index} (rebuilt from the data when it is missing).
     */
    public static GraphStore open(Path dir) {
        try {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new StoreException(dir + ": the store must be a directory, and this is a file");
            }
            try {
                Files.createDirectories(dir);
            } catch (java.io.IOException e) {
                throw new StoreException(dir + ": cannot create the store directory: " + e.getMessage(), e);
            }
            Dataset tdb = TDB2Factory.connectDataset(dir.toString());
            tdb.getContext().set(TDB2.symUnionDefaultGraph, true);
            Path indexDir = dir.resolve(TEXT_INDEX);
            // TDB2 has recovered to its last commit: a patch prepared for it, and not yet in the log, joins it now
            String published = Txn.calculateRead(tdb, () -> {
                try {
                    return Patch.settle(dir.resolve(PATCHES), tdb.asDatasetGraph());
                } catch (java.io.IOException e) {
                    throw new StoreException(dir.resolve(PATCHES) + ": cannot settle a pending patch: "
                            + e.getMessage(), e);
                }
            });
            Path rebuilding = dir.resolve(TEXT_INDEX + REBUILDING);
            if (published != null || Files.exists(rebuilding)) {
                // the process stopped after TDB2's commit and before the patch joined the log, so perhaps before the
                // text index's own commit, which follows TDB2's; or while it rebuilt the index: the index may lack
                // what the data holds, and is made again from the data
                deleteTree(indexDir);
            }
            boolean fresh = !Files.isDirectory(indexDir);
            if (fresh) {
                Files.writeString(rebuilding, "");
            }
            DatasetGraph base = tdb.asDatasetGraph();
            WriterTextIndex index;
            try {
                index = WriterTextIndex.lucene(FSDirectory.open(indexDir),
                        () -> base.isInTransaction() && base.transactionMode() == ReadWrite.WRITE);
            } catch (RuntimeException e) {
                // TDB2 opened, so no other process holds the store: Lucene cannot read the index's files
                org.apache.jena.tdb2.sys.TDBInternal.expel(base);
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                throw new StoreException(indexDir + ": cannot open the full-text index (" + cause.getMessage()
                        + "); it is made from the data alone: delete this folder while nothing uses the store, and "
                        + "the next opening rebuilds it", e);
            }
            Dataset ds = TextDatasetFactory.create(tdb, index, true);
            GraphStore store = new GraphStore(dir, ds, tdb);
            if (fresh) {
                store.reindex(tdb);
                Files.delete(rebuilding);
            }
            return store;
        } catch (StoreException e) {
            throw e;
        } catch (java.io.IOException e) {
            // what open writes after TDB2 has opened is the full-text index's: its folder, or the rebuild's marker
            throw new StoreException(dir.resolve(TEXT_INDEX) + ": cannot prepare the full-text index (" + e + ")", e);
        } catch (RuntimeException e) {
            if (Files.isDirectory(dir) && !Files.isWritable(dir)) {
                // TDB2 takes a lock file and writes its journal even to read: a read-only file system (or folder)
                // fails so too, and is no other process's doing
                throw new StoreException(dir + ": cannot open the TDB2 store (" + e.getMessage() + "): the store's "
                        + "folder cannot be written (a read-only file system, or its permissions), and TDB2 writes "
                        + "its lock file and journal there even to read; copy the store to a writable place", e);
            }
            throw new StoreException(dir + ": cannot open the TDB2 store (" + e.getMessage()
                    + "); is another skillgraph process using it? (a server started with --import-token-file takes "
                    + "documents at POST /import)", e);
        }
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        if (Files.isDirectory(dir)) {
            PathUtils.delete(dir);
        }
    }

    /**
     * Opens the TDB2 database in {@code dir}, which must be there: a command that reads or changes a store refuses,
     * with a {@link StoreException}, a folder that holds none rather than creating an empty store in it. A folder
     * holds a store when it has a TDB2 generation ({@code Data-NNNN}); an empty folder, or one of other files,
     * does not. A compaction that was stopped leaves its unfinished generation ({@code Data-NNNN-tmp}) beside the
     * live one, which TDB2 clears when it opens the store; it is no generation here either (TDB2's own scan for
     * the live generation refuses a folder that holds one, so it is not asked before the store is opened).
     */
    public static GraphStore openExisting(Path dir) {
        if (!Files.isDirectory(dir) || !holdsGeneration(dir)) {
            throw new StoreException(dir + ": no store here (run 'skillgraph ingest --store " + dir + " …' first)");
        }
        return open(dir);
    }

    /** Whether {@code dir} holds a TDB2 generation: a folder named as TDB2 names them. */
    private static boolean holdsGeneration(Path dir) {
        java.util.regex.Pattern generation = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(
                DatabaseOps.dbNameBase + DatabaseOps.SEP) + DatabaseOps.dbSuffixPattern);
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(p -> Files.isDirectory(p) && generation.matcher(p.getFileName().toString()).matches());
        } catch (java.io.IOException e) {
            throw new StoreException(dir + ": cannot read the store's folder: " + e.getMessage(), e);
        }
    }

    public Path directory() {
        return dir;
    }

    /**
     * Stores a document's graph, replacing the previous version of that document (same graph name) in one
     * write transaction. A document with the same bytes and mapping as the stored one changes nothing.
     */
    public Outcome put(MappedDocument doc) {
        return putAll(List.of(doc)).get(0);
    }

    /**
     * Stores several documents in one write transaction: each is replaced as {@link #put} does, and either
     * all of them are committed or none.
     */
    public List<Outcome> putAll(List<MappedDocument> docs) {
        try (Batch batch = begin()) {
            List<Outcome> out = new java.util.ArrayList<>();
            for (MappedDocument doc : docs) {
                out.add(batch.put(doc));
            }
            batch.commit();
            return out;
        }
    }

    /**
     * Begins a write transaction that documents join one at a time: each is stored, and written to the patch
     * log's next file, as it is {@linkplain Batch#put put}, so the caller need not keep it. {@link Batch#commit}
     * makes them all durable at once; a batch closed without a commit leaves the store and the patch log as
     * they were. One transaction for many documents matters: TDB2 copies every index block a transaction
     * touches, and the node table's index is keyed by hash, so each commit copies most of it once more.
     * One batch at a time per store: a second {@code begin} (from any thread) waits for the first to close.
     */
    public Batch begin() {
        return new Batch();
    }

    /** A write transaction of {@link GraphStore#begin}; use it on the thread that began it, and close it. */
    public final class Batch implements AutoCloseable {
        private final Patch patch;
        /** Set when the commit begins: a commit that throws may have committed the data (see {@link #close}). */
        private boolean committing;
        private boolean committed;
        private boolean closed;

        private Batch() {
            writing.lock(); // also keeps the patch log's files in the order of the commits
            try {
                dataset.begin(TxnType.WRITE);
            } catch (RuntimeException e) {
                writing.unlock();
                throw e;
            }
            try {
                // a patch an earlier batch of this process could not move into the log (it would be overwritten)
                Patch.settle(patchesDirectory(), dataset.asDatasetGraph());
            } catch (java.io.IOException | RuntimeException e) {
                dataset.abort();
                dataset.end();
                writing.unlock();
                throw new StoreException(patchesDirectory() + ": cannot settle a pending patch: " + e.getMessage(), e);
            }
            patch = new Patch(patchesDirectory());
        }

        /** Stores a document's graph in place of the stored version, as {@link GraphStore#put} does. */
        public Outcome put(MappedDocument doc) {
            return written(() -> replace(doc, patch));
        }

        /** Runs a change of the transaction; a failure to write the store's files is reported as {@link #writeFailure}. */
        private <T> T written(java.util.function.Supplier<T> change) {
            try {
                return change.get();
            } catch (RuntimeException | InternalError e) {
                throw writeFailure(e);
            }
        }

        /** Removes a document graph, as {@link GraphStore#remove} does; false when there was no such graph. */
        public boolean remove(String graphName) {
            return written(() -> removeGraph(graphName));
        }

        private boolean removeGraph(String graphName) {
            if (!dataset.containsNamedModel(graphName)) {
                return false;
            }
            Model old = dataset.getNamedModel(graphName);
            patch.deleted(graphName, old);
            departed(graphName, old, changed(old),
                    java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS), patch); // as an import's
            // the quads go as stored (a delete of what is read back can miss a number), the indexed literals
            // from the text index
            TextIndex index = ((DatasetGraphText) dataset.asDatasetGraph()).getTextIndex();
            Node g = NodeFactory.createURI(graphName);
            old.getGraph().find().forEachRemaining(t -> unindex(index, index.getDocDef(), g, t.getSubject(),
                    t.getPredicate(), t.getObject()));
            deleteStored(g, Node.ANY, Node.ANY);
            return true;
        }

        /** Replaces a named graph, as {@link GraphStore#replaceGraph} does. */
        public boolean replaceGraph(String name, Model model) {
            return written(() -> replaceNamedGraph(name, model));
        }

        private boolean replaceNamedGraph(String name, Model model) {
            if (dataset.containsNamedModel(name)) {
                Model old = dataset.getNamedModel(name);
                if (old.isIsomorphicWith(model)) {
                    return false;
                }
                patch.deleted(name, old);
                dataset.removeNamedModel(name);
            }
            dataset.addNamedModel(name, model);
            patch.added(name, model);
            return true;
        }

        /** Adds the change-feed entries, writes the patch to disk, commits, then appends the patch to the log. */
        public void commit() {
            try {
                patch.commitTo(dataset, changes -> maxInteger(NodeFactory.createURI(changes),
                        org.apache.jena.vocabulary.RDF.value.asNode()));
                patch.prepare();
                CommitWatcher watcher = commits;
                watcher.committing();
                committing = true;
                try {
                    dataset.commit();
                } finally {
                    watcher.committed();
                }
            } catch (RuntimeException | InternalError e) {
                throw writeFailure(e);
            }
            committed = true;
            patch.publish();
        }

        /**
         * Ends the transaction: one not committed is aborted, and its patch file deleted unless it was prepared (see
         * {@link Patch#close}). Closing twice is a no-op.
         */
        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            try (patch) {
                if (!committed) {
                    if (committing) {
                        // the commit threw, perhaps after TDB2 committed and before the full-text index did: the
                        // index may lack this transaction's entries, and the next opening makes it again
                        markIndexToRebuild();
                    }
                    abortUnlessCommitted(committing);
                }
            } finally {
                try {
                    dataset.end();
                } finally {
                    writing.unlock();
                }
            }
        }
    }

    /** Leaves the marker that has the next {@link #open} make the full-text index again from the data. */
    private void markIndexToRebuild() {
        try {
            Files.writeString(dir.resolve(TEXT_INDEX + REBUILDING), "");
        } catch (java.io.IOException | RuntimeException e) {
            // a disk that cannot take an empty file: the failure being reported says as much
        }
    }

    /**
     * Aborts the write transaction of a batch that did not commit. A commit can fail after TDB2 committed
     * (jena-text commits the full-text index just after it, and says so by throwing): the transaction is then no
     * longer active, there is nothing to abort, and the failure reported is the commit's, not the abort's. The
     * batch's patch, prepared before the commit, is kept pending for {@link Patch#settle} to decide from the store.
     */
    private void abortUnlessCommitted(boolean commitFailed) {
        try {
            dataset.abort();
        } catch (RuntimeException e) {
            if (!commitFailed) {
                throw e;
            }
            // TDB2 committed before the failure ("Not in an active transaction"), or jena-text's commit already
            // aborted what it could: the commit's own failure is the one reported
        }
    }

    /**
     * A failure to write the store's files (a full disk, a file-size limit, a file system gone read-only) as a
     * {@link StoreException} that says what could not be written and why; anything else as it was. A write into a
     * memory-mapped file of the database that the disk cannot hold faults, and the JVM reports it as an
     * {@code InternalError} at the next instruction it can.
     */
    private RuntimeException writeFailure(Throwable e) {
        if (e instanceof StoreException s) {
            return s;
        }
        String reason = null;
        for (Throwable t = e; t != null && reason == null; t = t.getCause()) {
            if (t instanceof java.io.IOException io) {
                reason = io.getMessage() == null ? io.getClass().getSimpleName() : io.getMessage();
            }
        }
        if (reason == null && e instanceof InternalError && String.valueOf(e.getMessage()).contains("unsafe memory access")) {
            reason = "a write into a memory-mapped file failed, as it does when the disk is full";
        }
        if (reason == null) {
            return e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
        String free;
        try {
            free = String.format("; %,d MB free there", Files.getFileStore(dir).getUsableSpace() >> 20);
        } catch (java.io.IOException | RuntimeException ignored) {
            free = "";
        }
        return new StoreException(dir + ": cannot write the store's files (" + reason + free + "); what this "
                + "transaction changed was not stored, and what earlier ones committed is kept", e);
    }

    /**
     * Removes a document graph and leaves a tombstone in the change feed for the frameworks and the
     * occupation it held. Returns false when there was no such graph.
     */
    public boolean remove(String graphName) {
        try (Batch batch = begin()) {
            boolean removed = batch.remove(graphName);
            batch.commit();
            return removed;
        }
    }

    /** The change feed after {@code since} (exclusive), in order, one page at a time. */
    public List<Change> changes(java.time.Instant since, long limit, long offset) {
        return changes(since, 0, limit, offset);
    }

    /**
     * The change feed after {@code since} and after entry {@code after} (both exclusive), in order, one page at a
     * time. An entry's sequence number is given in its write transaction, so it follows the order of the commits;
     * its time is when its import began, before the commit made it visible: a reader that resumes from the last
     * sequence it read misses nothing, one that resumes from the time it last read can miss an import that was
     * committing then.
     */
    public List<Change> changes(java.time.Instant since, long after, long limit, long offset) {
        return read(ds -> {
            org.apache.jena.query.Query q = Queries.CHANGES.cloneQuery();
            q.setLimit(limit);
            q.setOffset(offset);
            List<Change> out = new java.util.ArrayList<>();
            try (QueryExecution qe = QueryExecution.create().query(q).dataset(ds).substitution("since",
                    ds.getDefaultModel().createTypedLiteral(since.toString(),
                            org.apache.jena.datatypes.xsd.XSDDatatype.XSDdateTime))
                    .substitution("after", ds.getDefaultModel().createTypedLiteral(Long.toString(after),
                            org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger)).build()) {
                qe.execSelect().forEachRemaining(row -> {
                    String type = row.getResource("type").getLocalName().toLowerCase(java.util.Locale.ROOT);
                    String object = row.getResource("object").getURI();
                    out.add(new Change(row.getLiteral("sequence").getLong(), type, object,
                            object.contains("/id/framework/") ? "framework" : "occupation",
                            java.time.Instant.parse(row.getLiteral("published").getLexicalForm()),
                            row.getResource("graph").getURI()));
                });
            }
            return out;
        });
    }

    /** The folder of the RDF Patch log, one file per transaction that changed something. */
    public Path patchesDirectory() {
        return dir.resolve(PATCHES);
    }

    /** The store's queries, parsed on first use: a server that is only dereferenced starts without the SPARQL parser. */
    private static final class Queries {
        static final org.apache.jena.query.Query CHANGES = loadQuery("changes.rq");
    }

    private static org.apache.jena.query.Query loadQuery(String name) {
        try (java.io.InputStream in = GraphStore.class.getResourceAsStream(name)) {
            return org.apache.jena.query.QueryFactory.create(new String(in.readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Outcome replace(MappedDocument doc, Patch patch) {
        boolean exists = dataset.containsNamedModel(doc.graphName());
        java.util.Map<String, String> before = java.util.Map.of();
        Model old = null;
        if (exists) {
            Model stored = dataset.getNamedModel(doc.graphName());
            Resource node = stored.createResource(doc.graphName());
            if (sameValue(node, SG.sha256, doc.source().provenance().sha256())
                    && sameValue(node, SG.mappingVersion, DocumentMapper.MAPPING_VERSION)) {
                return Outcome.UNCHANGED;
            }
            old = ModelFactory.createDefaultModel().add(stored);
            before = changed(old);
            rewriteGraph(doc.graphName(), old, doc.model(), patch);
        } else {
            addTriples(doc.graphName(), doc.model());
            patch.added(doc.graphName(), doc.model());
        }
        java.time.Instant time = importTime(doc);
        java.util.Map<String, String> after = changed(doc.model());
        for (java.util.Map.Entry<String, String> e : after.entrySet()) {
            // new to this document: an occupation another document (another framework version) already describes
            // is updated, not created
            boolean created = !before.containsKey(e.getKey())
                    && !(e.getValue().equals("occupation") && otherGraphDescribing(e.getKey(), doc.graphName()) != null);
            patch.change(doc.graphName(), created ? "create" : "update", java.util.Map.of(e.getKey(), e.getValue()),
                    time);
        }
        java.util.Map<String, String> gone = new java.util.TreeMap<>(before);
        gone.keySet().removeAll(after.keySet());
        if (old != null) {
            departed(doc.graphName(), old, gone, time, patch);
        }
        return exists ? Outcome.UPDATED : Outcome.CREATED;
    }

    /**
     * The change-feed entries for the frameworks and occupations ({@code gone}, URI → kind) that the document graph
     * {@code graphName} no longer describes; {@code described} is what it described them with. Another document
     * may still describe them: another version of the same occupation's frameworks. An occupation still described
     * elsewhere is updated, not deleted. A framework version is deleted; when another version of it remains, the
     * one its CTID now gives ({@code /graph/{ctid}} serves the newest) is updated after it, so that a registry
     * keyed by CTID, applying the feed in order, ends with the framework, as the store does.
     */
    private void departed(String graphName, Model described, java.util.Map<String, String> gone,
            java.time.Instant time, Patch patch) {
        for (java.util.Map.Entry<String, String> e : gone.entrySet()) {
            String uri = e.getKey();
            String other = e.getValue().equals("occupation") ? otherGraphDescribing(uri, graphName) : null;
            if (other != null) {
                patch.change(other, "update", java.util.Map.of(uri, e.getValue()), time);
                continue;
            }
            patch.change(graphName, "delete", java.util.Map.of(uri, e.getValue()), time);
            Statement ctid = described.getProperty(described.createResource(uri), org.skillgraph.vocab.CETERMS.ctid);
            if (e.getValue().equals("framework") && ctid != null) {
                newestWithCtid(ctid.getObject().asNode(), graphName).ifPresent(q ->
                        patch.change(q.getGraph().getURI(), "update", java.util.Map.of(q.getSubject().getURI(),
                                "framework"), time));
            }
        }
    }

    /** A document graph other than {@code graphName} in which {@code occupation} is an occupation; null if none. */
    private String otherGraphDescribing(String occupation, String graphName) {
        java.util.Iterator<org.apache.jena.sparql.core.Quad> it = dataset.asDatasetGraph().find(Node.ANY,
                NodeFactory.createURI(occupation), org.apache.jena.vocabulary.RDF.type.asNode(),
                org.skillgraph.vocab.CETERMS.Occupation.asNode());
        while (it.hasNext()) {
            Node g = it.next().getGraph();
            if (!g.getURI().equals(graphName)) {
                return g.getURI();
            }
        }
        return null;
    }

    /**
     * The framework stated with this CTID in a graph other than {@code graphName}, of the highest
     * {@code owl:versionInfo} (the one {@code /graph/{ctid}} serves), as its {@code ceterms:ctid} quad.
     */
    private java.util.Optional<org.apache.jena.sparql.core.Quad> newestWithCtid(Node ctid, String graphName) {
        DatasetGraph dsg = dataset.asDatasetGraph();
        return dsg.stream(Node.ANY, Node.ANY, org.skillgraph.vocab.CETERMS.ctid.asNode(), ctid)
                .filter(q -> !q.getGraph().getURI().equals(graphName))
                .max(java.util.Comparator.comparing((org.apache.jena.sparql.core.Quad q) -> {
                    java.util.Iterator<org.apache.jena.sparql.core.Quad> v = dsg.find(q.getGraph(), q.getSubject(),
                            org.apache.jena.vocabulary.OWL.versionInfo.asNode(), Node.ANY);
                    return v.hasNext() ? v.next().getObject().getLiteralLexicalForm() : "";
                }, org.skillgraph.model.Versions::compare));
    }

    /**
     * Turns the stored graph {@code old} into {@code model} by deleting the triples only {@code old} has and then
     * adding those only {@code model} has, in TDB2, the text index and the patch. A new version of a document
     * differs from the stored one in a few triples (its provenance, the edited statements), so this writes a few
     * index entries instead of deleting and re-inserting every quad of the graph in six indexes; and the patch
     * carries the change, not the whole graph twice. A blank node read from the store never equals one of the new
     * model, so triples with blank nodes are always deleted and added: the result is the new graph all the same.
     * Deleting first matters: TDB2 stores some literals by value (an {@code xsd:integer} written {@code "01"} is
     * read back as {@code "1"}), so a triple can differ from the stored one as a term and be the same quad in the
     * indexes; deleted and then added, it is there at the end.
     */
    private void rewriteGraph(String graphName, Model old, Model model, Patch patch) {
        Graph before = old.getGraph();
        Graph after = model.getGraph();
        Model removed = ModelFactory.createDefaultModel();
        before.find().forEachRemaining(t -> {
            if (!after.contains(t)) {
                removed.getGraph().add(t);
            }
        });
        Model added = ModelFactory.createDefaultModel();
        after.find().forEachRemaining(t -> {
            if (!before.contains(t)) {
                added.getGraph().add(t);
            }
        });
        DatasetGraph base = tdb.asDatasetGraph();
        TextIndex index = ((DatasetGraphText) dataset.asDatasetGraph()).getTextIndex();
        EntityDefinition def = index.getDocDef();
        Node g = NodeFactory.createURI(graphName);
        patch.deleted(graphName, removed);
        // TDB2 stores numbers, dates and the like by value in the form they were written ("3.50") but reads them
        // back in canonical form ("3.5"), and a delete of the form read back misses the stored term. Where such a
        // value goes, the subject's values of that property are deleted as stored, and those kept are put back.
        java.util.Set<Triple> byValue = new java.util.LinkedHashSet<>(); // subject, property, any value
        removed.getGraph().find().forEachRemaining(t -> {
            if (storedByValue(t.getObject())) {
                byValue.add(Triple.create(t.getSubject(), t.getPredicate(), Node.ANY));
            } else {
                base.delete(g, t.getSubject(), t.getPredicate(), t.getObject());
            }
            unindex(index, def, g, t.getSubject(), t.getPredicate(), t.getObject());
        });
        byValue.forEach(sp -> {
            deleteStored(g, sp.getSubject(), sp.getPredicate());
            after.find(sp.getSubject(), sp.getPredicate(), Node.ANY).filterDrop(added.getGraph()::contains)
                    .forEachRemaining(t -> base.add(g, t.getSubject(), t.getPredicate(), t.getObject()));
        });
        addTriples(graphName, added);
        patch.added(graphName, added);
    }

    /**
     * Deletes the quads of graph {@code g} with this subject and property (either may be {@code Node.ANY}) as TDB2
     * stores them, by node id. TDB2's own deletes, {@code deleteAny} included, go through the terms it reads back,
     * and miss a number stored in another form ("2.430", read back as "2.43").
     */
    private void deleteStored(Node g, Node s, Node p) {
        var quads = quadRows();
        quads.getTupleTable().deleteAll(org.apache.jena.atlas.iterator.Iter.toList(quads.findAsNodeIds(g, s, p, Node.ANY)));
    }

    /** TDB2's table of the store's quads as rows of node ids, with its node table and its six indexes. */
    private org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable quadRows() {
        return org.apache.jena.tdb2.sys.TDBInternal.getDatasetGraphTDB(tdb.asDatasetGraph()).getQuadTable()
                .getNodeTupleTable();
    }

    /** Whether TDB2 may store this term by value, in a form other than the one it reads back. */
    static boolean storedByValue(Node o) {
        return o.isLiteral() && o.getLiteralLanguage().isEmpty()
                && !org.apache.jena.datatypes.xsd.XSDDatatype.XSDstring.equals(o.getLiteralDatatype());
    }

    /**
     * Adds triples a graph does not hold (a new graph, or what a new version adds), inside a write transaction:
     * the quads to TDB2 and the indexed literals among them to the text index, as jena-text's change monitor
     * would, without the monitor's look-up of every quad first (to skip one already stored), which could find
     * none here and would cost a fifth of storing a new graph.
     */
    private void addTriples(String graphName, Model model) {
        TextIndex index = ((DatasetGraphText) dataset.asDatasetGraph()).getTextIndex();
        EntityDefinition def = index.getDocDef();
        var quads = quadRows();
        org.apache.jena.tdb2.store.nodetable.NodeTable nodes = quads.getNodeTable();
        // each term's node id once per graph: a graph names its own name, its predicates and many of its subjects
        // and objects over and over, and each look-up of the node table's cache costs more than a HashMap's
        java.util.Map<Node, org.apache.jena.tdb2.store.NodeId> ids = new java.util.HashMap<>();
        java.util.function.Function<Node, org.apache.jena.tdb2.store.NodeId> id = n -> ids.computeIfAbsent(n,
                nodes::getAllocateNodeId);
        Node g = NodeFactory.createURI(graphName);
        org.apache.jena.tdb2.store.NodeId graph = id.apply(g);
        List<org.apache.jena.atlas.lib.tuple.Tuple<org.apache.jena.tdb2.store.NodeId>> rows = new java.util.ArrayList<>();
        model.getGraph().find().forEachRemaining(t -> {
            rows.add(org.apache.jena.atlas.lib.tuple.TupleFactory.create4(graph, id.apply(t.getSubject()),
                    id.apply(t.getPredicate()), id.apply(t.getObject())));
            index(index, def, g, t.getSubject(), t.getPredicate(), t.getObject());
        });
        // into each of TDB2's quad indexes in that index's order, as the quad table adds a list of them: the
        // inserts that follow one another then go down the same path of the index's B+tree, in blocks just used
        for (org.apache.jena.tdb2.store.tupletable.TupleIndex quadIndex : quads.getTupleTable().getIndexes()) {
            if (quadIndex == null) {
                continue; // a slot the quad table leaves empty, as its own addAll skips it
            }
            org.apache.jena.atlas.lib.tuple.TupleMap order = quadIndex.getMapping();
            rows.sort((x, y) -> {
                for (int i = 0; i < 4; i++) {
                    int c = order.mapSlot(i, x).compareTo(order.mapSlot(i, y));
                    if (c != 0) {
                        return c;
                    }
                }
                return 0;
            });
            quadIndex.addAll(rows);
        }
    }

    /** Adds a quad's literal to the text index when its predicate is indexed. */
    private static void index(TextIndex index, EntityDefinition def, Node g, Node s, Node p, Node o) {
        Entity e = TextQueryFuncs.entityFromQuad(def, g, s, p, o);
        if (e != null) {
            index.addEntity(e);
        }
    }

    /** Takes a quad's literal out of the text index when its predicate is indexed. */
    private static void unindex(TextIndex index, EntityDefinition def, Node g, Node s, Node p, Node o) {
        Entity e = TextQueryFuncs.entityFromQuad(def, g, s, p, o);
        if (e != null) {
            index.deleteEntity(e);
        }
    }

    /** When a document was imported: its graph's {@code prov:generatedAtTime}. */
    private static java.time.Instant importTime(MappedDocument doc) {
        return java.time.Instant.parse(doc.model().listObjectsOfProperty(doc.model().createResource(doc.graphName()),
                org.skillgraph.vocab.PROV.generatedAtTime).next().asLiteral().getLexicalForm());
    }

    /** The frameworks and occupations a document graph describes: URI → kind. */
    private static java.util.Map<String, String> changed(Model m) {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        m.listSubjectsWithProperty(org.apache.jena.vocabulary.RDF.type, org.skillgraph.vocab.CETERMS.Occupation)
                .forEachRemaining(r -> out.put(r.getURI(), "occupation"));
        m.listSubjectsWithProperty(org.apache.jena.vocabulary.RDF.type, org.skillgraph.vocab.CEASN.CompetencyFramework)
                .forEachRemaining(r -> out.put(r.getURI(), "framework"));
        return out;
    }

    /** Indexes every quad of the store whose predicate is indexed (when the index folder was missing). */
    private void reindex(Dataset tdb) {
        DatasetGraphText text = (DatasetGraphText) dataset.asDatasetGraph();
        TextIndex index = text.getTextIndex();
        EntityDefinition def = index.getDocDef();
        // a write transaction, which changes nothing in TDB2: the index commits only a writer's entries
        Txn.executeWrite(tdb, () -> tdb.asDatasetGraph().find().forEachRemaining(q -> index(index, def, q.getGraph(),
                q.getSubject(), q.getPredicate(), q.getObject())));
    }

    /**
     * Refuses, with a {@link BaseMismatchException}, data under {@code base} in a store that holds data under
     * another base: documents under two bases would be two copies of everything with other URIs, and a server
     * serving data under another base than its own would find none of it.
     */
    public void requireBase(String base) {
        firstDocumentGraph().filter(g -> !baseOf(g).equals(base)).ifPresent(g -> {
            throw new BaseMismatchException(dir + ": this store holds data under another base URI (" + baseOf(g)
                    + ", its document graph " + g + "), not " + base + "; give that --base (serve takes it when none "
                    + "is given), or use a new store");
        });
    }

    /**
     * The base URI of the store's data, or empty when the store holds nothing but the ontology. Every import
     * requires its base ({@link #requireBase}), so the first graph says it for all: listing every graph name would
     * read the whole graph index.
     */
    public java.util.Optional<String> base() {
        return firstDocumentGraph().map(GraphStore::baseOf);
    }

    /**
     * The base of a graph's name, {@code {base}graph/{soc}/{version}} or the feed's {@code {base}graph/changes}: what
     * comes before its last {@code graph/} (neither a SOC code nor a version holds one; a base may).
     */
    static String baseOf(String graph) {
        int at = graph.lastIndexOf("graph/");
        return at > 0 ? graph.substring(0, at) : graph;
    }

    /** Stores the ontology in its own named graph (unless it holds exactly the same triples already). */
    public void putOntology(Model ontology) {
        replaceGraph(SG.ONTOLOGY, ontology);
    }

    /** Replaces a named graph with {@code model} unless it already holds exactly the same triples. */
    public boolean replaceGraph(String name, Model model) {
        try (Batch batch = begin()) {
            boolean replaced = batch.replaceGraph(name, model);
            batch.commit();
            return replaced;
        }
    }

    /**
     * Compacts the database: TDB2 writes the live data into a new generation ({@code Data-NNNN}) and deletes the
     * old one. Every transaction appends copies of the index blocks it changed, so a store built by many
     * imports is about twice the size of the same data compacted. Needs the store to itself (no transaction
     * open); the data, the full-text index, the dumps and the patch log are unchanged. Returns the database's
     * size in bytes before and after.
     */
    public long[] compact() {
        long before = databaseBytes();
        org.apache.jena.tdb2.DatabaseMgr.compact(tdb.asDatasetGraph(), true);
        return new long[] {before, databaseBytes()};
    }

    /** The size of the database files (every {@code Data-NNNN} generation), in bytes. */
    public long databaseBytes() {
        try (java.util.stream.Stream<Path> files = Files.walk(dir, 2)) {
            return files.filter(p -> p.getParent() != null && p.getParent().getFileName().toString().startsWith("Data-"))
                    .filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The dataset (TDB2 behind the text index), for the server: every access must be in a transaction. */
    public Dataset dataset() {
        return dataset;
    }

    /**
     * How many quads the named graph {@code g} holds, counted among TDB2's rows of node ids, none of them made a
     * term (a graph's own {@code size()} reads every quad's four terms: for the change feed of 1,000 occupations,
     * 16,700 quads, that was a quarter of a second of a one-document import). Inside a transaction.
     */
    public long quadCount(Node g) {
        return org.apache.jena.atlas.iterator.Iter.count(quadRows().findAsNodeIds(g, Node.ANY, Node.ANY, Node.ANY));
    }

    /**
     * The largest integer value of {@code property} in the named graph {@code g}, 0 if it has none, from TDB2's rows
     * of node ids: only the values are made terms, and TDB2 holds a small integer in its node id. Inside a transaction.
     */
    long maxInteger(Node g, Node property) {
        var quads = quadRows();
        long max = 0;
        var it = quads.findAsNodeIds(g, Node.ANY, property, Node.ANY);
        while (it.hasNext()) {
            Node o = quads.getNodeTable().getNodeForNodeId(it.next().get(3));
            if (o.isLiteral() && o.getLiteralValue() instanceof Number n) {
                max = Math.max(max, n.longValue());
            }
        }
        return max;
    }

    /**
     * When the data last changed: the newest import time of any document, or time of an entry of the change feed
     * (a removal has one) ({@code Instant.EPOCH} if none).
     */
    public java.time.Instant lastModified() {
        // the quads themselves (one index range each), not the union model, which would merge them into distinct
        // triples: when each document was imported, and when the change feed says anything changed, which a
        // removal does without importing anything. Only each quad's object is made a term: TDB2 holds a time in
        // its node id, where the graph's and the subject's are read from the node table (at 1,000 occupations,
        // reading them was most of a server's start once the classes came from a class-data archive)
        return read(ds -> {
            var quads = quadRows();
            java.time.Instant latest = java.time.Instant.EPOCH;
            String latestUtc = null; // the latest time written plainly in UTC, parsed once at the end
            for (Node time : List.of(org.skillgraph.vocab.PROV.generatedAtTime.asNode(),
                    org.skillgraph.vocab.AS.published.asNode())) {
                var it = quads.findAsNodeIds(Node.ANY, Node.ANY, time, Node.ANY);
                while (it.hasNext()) {
                    Node o = quads.getNodeTable().getNodeForNodeId(it.next().get(3));
                    if (!o.isLiteral()) {
                        continue;
                    }
                    String lexical = o.getLiteralLexicalForm();
                    if (plainUtc(lexical)) {
                        latestUtc = latestUtc == null || compareUtc(lexical, latestUtc) > 0 ? lexical : latestUtc;
                    } else {
                        java.time.Instant t = java.time.Instant.parse(lexical);
                        latest = t.isAfter(latest) ? t : latest;
                    }
                }
            }
            if (latestUtc != null) {
                java.time.Instant t = java.time.Instant.parse(latestUtc);
                latest = t.isAfter(latest) ? t : latest;
            }
            return latest;
        });
    }

    /**
     * Whether a date-time is written {@code YYYY-MM-DDThh:mm:ss[.s+]Z}, as the mapper writes every time: such forms
     * are ordered by {@link #compareUtc} without parsing them (at 1,000 occupations, parsing each of the 4,000 times
     * was half of a cold {@link #lastModified}, which every import's dumps and every server's start ask).
     */
    static boolean plainUtc(String t) {
        int n = t.length();
        if (n < 20 || t.charAt(n - 1) != 'Z' || n == 21) {
            return false;
        }
        for (int i = 0; i < n - 1; i++) {
            char c = t.charAt(i);
            char want = i < 19 ? PLAIN_UTC.charAt(i) : i == 19 ? '.' : 'd';
            if (want == 'd' ? c < '0' || c > '9' : c != want) {
                return false;
            }
        }
        return true;
    }

    /** The shape of a {@link #plainUtc} date-time up to its seconds ({@code d}: a digit 0–9). */
    private static final String PLAIN_UTC = "dddd-dd-ddTdd:dd:dd";

    /** Orders two {@link #plainUtc} date-times by the instant they name: the seconds, then the fraction digit by digit. */
    static int compareUtc(String a, String b) {
        int c = a.substring(0, 19).compareTo(b.substring(0, 19));
        if (c != 0) {
            return c;
        }
        String fa = a.length() > 20 ? a.substring(20, a.length() - 1) : "";
        String fb = b.length() > 20 ? b.substring(20, b.length() - 1) : "";
        int width = Math.max(fa.length(), fb.length());
        return (fa + "0".repeat(width - fa.length())).compareTo(fb + "0".repeat(width - fb.length()));
    }

    /** A patch of the log: its file name ({@code 00000012.rdfp}, served at {@code /patches/}) and its header's id. */
    public record PatchPosition(String file, String id) {
    }

    /**
     * The last published patch of the log, or null when there is none: what the store holds once a replica has
     * applied every patch up to it. Call it where no import can commit meanwhile (under the imports' lock).
     */
    public PatchPosition lastPatch() throws java.io.IOException {
        return Patch.last(patchesDirectory());
    }

    /**
     * The names of the graphs whose quads the patches published after {@code since} change; empty when the log does
     * not continue from {@code since}, or when those patches hold more than {@code maxBytes}. Call it in a read
     * transaction to have the graphs changed up to the data it reads (imports publish their patch as they commit).
     */
    public java.util.Optional<java.util.Set<String>> graphsChangedSince(PatchPosition since, long maxBytes)
            throws java.io.IOException {
        return Patch.graphsAfter(patchesDirectory(), since, maxBytes);
    }

    /** The file names of the patch log, in order ({@code 00000001.rdfp}, …); empty when there is none. */
    public List<String> patches() throws java.io.IOException {
        Path patches = patchesDirectory();
        if (!Files.isDirectory(patches)) {
            return List.of();
        }
        try (java.util.stream.Stream<Path> files = Files.list(patches)) {
            return files.filter(Patch::inLog).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The folder of the whole-store dumps, inside the store folder. */
    public Path dumpsDirectory() {
        return dir.resolve("dumps");
    }

    /** Runs {@code action} in a read transaction. */
    public <T> T read(Function<Dataset, T> action) {
        return Txn.calculateRead(dataset, () -> action.apply(dataset));
    }

    /** Runs a query in a read transaction; {@code action} consumes the execution inside it. */
    public <T> T query(Query query, Function<QueryExecution, T> action) {
        return Txn.calculateRead(dataset, () -> {
            try (QueryExecution qe = QueryExecution.create().query(query).dataset(dataset).build()) {
                return action.apply(qe);
            }
        });
    }

    /**
     * Whether the store holds anything besides the ontology: a document's graph, or the change feed of documents
     * since removed. Stops at the first graph: listing every graph name reads the whole graph index, which a
     * server's start with {@code --seed} need not do.
     */
    public boolean holdsDocuments() {
        return firstDocumentGraph().isPresent();
    }

    /** The first graph of the store, in its index's order, that is not the ontology; stops there. */
    private java.util.Optional<String> firstDocumentGraph() {
        return read(ds -> {
            java.util.Iterator<Node> names = ds.asDatasetGraph().listGraphNodes();
            while (names.hasNext()) {
                Node g = names.next();
                if (g.isURI() && !g.getURI().equals(SG.ONTOLOGY)) {
                    return java.util.Optional.of(g.getURI());
                }
            }
            return java.util.Optional.empty();
        });
    }

    /** The names of all graphs in the store. */
    public List<String> graphNames() {
        return read(ds -> {
            List<String> names = new java.util.ArrayList<>();
            ds.listModelNames().forEachRemaining(r -> names.add(r.getURI()));
            java.util.Collections.sort(names);
            return names;
        });
    }

    private static boolean sameValue(Resource node, org.apache.jena.rdf.model.Property p, String value) {
        Statement s = node.getProperty(p);
        if (s == null) {
            return false;
        }
        RDFNode o = s.getObject();
        return o.isLiteral() && o.asLiteral().getLexicalForm().equals(value);
    }

    @Override
    public void close() {
        dataset.close();
        // releases the database's files, memory maps and lock: a later open of the folder in this process
        // (tests, the compact command's check) starts from the files, not from a connection cached by Jena
        org.apache.jena.tdb2.sys.TDBInternal.expel(tdb.asDatasetGraph());
    }

}
