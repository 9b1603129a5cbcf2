package org.skillgraph.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextDatasetFactory;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.skillgraph.map.MappedDocument;
import org.skillgraph.vocab.SG;
import org.apache.lucene.store.FSDirectory;

/**
 * The first import into a new store, with TDB2's phased bulk loader instead of transactional inserts.
 * <pre>{@code
 * try (BulkLoad load = BulkLoad.begin(Path.of("data/tdb2"))) {
 *     load.putOntology(ontology);
 *     load.putAll(documents);                  // as often as needed
 *     load.commit();                           // data/tdb2 now holds the store
 * }
 * }</pre>
 * The bulk loader builds each index of the database in sorted passes, several times faster than inserting
 * quads one by one, but it is not transactional: an interrupted load can leave its database inconsistent.
 * So it loads into a staging folder beside the store ({@code .NAME.loading}); the change feed, the patch log
 * and the full-text index (from the documents as they stream past, not by reading the database back) are made
 * there too, and only a complete store is moved into place, by renaming the
 * folder. Until then the store does not exist: a load that fails or is killed leaves nothing (the staging
 * folder of a killed load is removed by the next one). Only for a store that does not exist yet, or an empty
 * folder: any other import goes through {@link GraphStore}'s transactions.
 */
public final class BulkLoad implements DocumentSink, AutoCloseable {
    private final Path target;
    private final Path staging;
    private final DatasetGraph dsg;
    private final DataLoader loader;
    private final StreamRDF stream;
    private final Patch.Log patch;
    private final TextIndex text;
    private final EntityDefinition textFields;
    private final Set<String> graphs = new HashSet<>();
    private final List<Quad> feed = new ArrayList<>();
    private Model ontology;
    private long sequence;
    private boolean started;
    private boolean done;

    private BulkLoad(Path target, Path staging) throws IOException {
        this.target = target;
        this.staging = staging;
        this.dsg = DatabaseMgr.connectDatasetGraph(staging.toString());
        this.loader = LoaderFactory.phasedLoader(dsg, (fmt, args) -> { });
        this.stream = loader.stream();
        this.patch = Patch.Log.append(staging.resolve(GraphStore.PATCHES));
        this.text = TextDatasetFactory.createLuceneIndex(FSDirectory.open(staging.resolve(GraphStore.TEXT_INDEX)),
                TextSearch.config());
        this.textFields = text.getDocDef();
        text.prepareCommit();
    }

    /** True when {@code dir} holds no store: it does not exist, or is an empty folder. */
    public static boolean applies(Path dir) {
        if (!Files.exists(dir)) {
            return true;
        }
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /** Starts a bulk load of a new store at {@code dir} (see {@link #applies}), in its staging folder. */
    public static BulkLoad begin(Path dir) {
        if (!applies(dir)) {
            throw new StoreException(dir + ": a bulk load needs a new store, and this folder is not empty");
        }
        Path target = dir.toAbsolutePath().normalize();
        Path staging = target.resolveSibling("." + target.getFileName() + ".loading");
        try {
            deleteTree(staging); // what a killed load left behind
            Files.createDirectories(staging);
            return new BulkLoad(target, staging);
        } catch (IOException | RuntimeException e) {
            throw new StoreException(dir + ": cannot start the load in " + staging + ": " + e.getMessage(), e);
        }
    }

    /** The folder that becomes the store (its dumps folder, for instance, is moved into place with it). */
    public Path directory() {
        return staging;
    }

    @Override
    public void requireBase(String base) {
        // a new store holds no data under any base
    }

    @Override
    public void putOntology(Model model) {
        this.ontology = model;
    }

    /** Streams the documents into the loader; every one is new ({@code CREATED}). */
    @Override
    public List<GraphStore.Outcome> putAll(List<MappedDocument> docs) {
        if (!started) {
            loader.startBulk();
            started = true;
        }
        List<GraphStore.Outcome> out = new ArrayList<>();
        for (MappedDocument doc : docs) {
            if (!graphs.add(doc.graphName())) {
                throw new IllegalStateException("document graph loaded twice: " + doc.graphName());
            }
            send(doc.graphName(), doc.model());
            Instant time = GraphStore.importTime(doc);
            for (Map.Entry<String, String> e : GraphStore.described(doc.model()).entrySet()) {
                feed.addAll(Patch.entryQuads(++sequence, "create", e.getKey(), doc.graphName(), time));
            }
            out.add(GraphStore.Outcome.CREATED);
        }
        return out;
    }

    private void send(String graphName, Model model) {
        Node g = NodeFactory.createURI(graphName);
        model.getGraph().find().forEachRemaining(t -> {
            Quad q = Quad.create(g, t);
            stream.quad(q);
            patch.add(q);
            Entity e = TextQueryFuncs.entityFromQuad(textFields, q);
            if (e != null) {
                text.addEntity(e);
            }
        });
    }

    /**
     * Loads the ontology and the change feed, finishes the indexes, writes the patch and the full-text index,
     * and moves the store into place. Nothing is in place before this returns.
     */
    public void commit() {
        try {
            if (!started) {
                loader.startBulk();
                started = true;
            }
            if (ontology != null) {
                send(SG.ONTOLOGY, ontology);
            }
            for (Quad q : feed) {
                stream.quad(q);
                patch.add(q);
            }
            loader.finishBulk();
            TDBInternal.expel(dsg);
            patch.commit();
            text.commit();
            text.close();
            GraphStore.open(staging).close(); // the store opens: the last check before it is moved into place
            if (Files.isDirectory(target)) {
                Files.delete(target); // empty: checked by begin
            }
            Files.createDirectories(target.getParent());
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            done = true;
        } catch (IOException e) {
            throw new StoreException(target + ": cannot complete the load: " + e.getMessage(), e);
        }
    }

    /** Abandons the load unless it was committed: the staging folder is removed, the store never existed. */
    @Override
    public void close() {
        if (done) {
            return;
        }
        try {
            if (started) {
                loader.finishException(new IllegalStateException("load abandoned"));
            }
        } catch (RuntimeException e) {
            // the staging database is being thrown away
        }
        try {
            TDBInternal.expel(dsg);
        } catch (RuntimeException e) {
            // as above
        }
        try {
            text.rollback();
            text.close();
        } catch (RuntimeException e) {
            // as above
        }
        try {
            patch.close();
            deleteTree(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the staging folder " + staging, e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
