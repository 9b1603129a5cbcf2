package org.skillgraph.store;

import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.jena.graph.Node;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextHit;
import org.apache.jena.query.text.TextIndex;
import org.apache.lucene.store.Directory;
import org.apache.jena.rdf.model.Resource;

/**
 * The store's Lucene index, whose commit and rollback belong to the store's writer alone.
 * <p>
 * jena-text ends every transaction of the dataset, reads included, with the index's {@code commit} or
 * {@code rollback}, and Lucene's index has one writer, shared by every thread. A read transaction that aborts (as
 * Fuseki's query endpoint does when its timeout stops a query, and as {@code Txn} does when a read throws) rolled
 * that writer back: an import committing meanwhile lost its documents' index entries, the graphs stored and their
 * labels not found by {@code text:query}; and two such aborts at once raced on the writer, failed, and left their
 * read transactions open for good (the store could no longer be closed: "Can't expel: Active transactions").
 * Here a read has nothing to commit or roll back: those calls reach Lucene only from the thread of a write
 * transaction ({@code writer}), the one TDB2 allows at a time.
 * <p>
 * TDB2 aborts its write transaction through {@link #rollback}, and a rollback that throws (Lucene rolls its writer
 * back and opens a new one, which fails when the index's files are damaged) stopped that abort half-way: the
 * transaction was never ended and TDB2's writer lock never released, so every later import waited for it for ever.
 * Here such a failure is kept instead of thrown, and every later write of the index fails with it at once.
 */
final class WriterTextIndex implements TextIndex {
    private final TextIndex index;
    private final BooleanSupplier writer;
    /** Why the index can no longer be written: its rollback failed (null while it can). */
    private volatile RuntimeException broken;

    /** {@code writer}: whether the calling thread is in a write transaction of the store. */
    WriterTextIndex(TextIndex index, BooleanSupplier writer) {
        this.index = index;
        this.writer = writer;
    }

    /** A Lucene index of {@code directory} with what {@link TextSearch} indexes, whose writer is {@code writer}. */
    static WriterTextIndex lucene(Directory directory, BooleanSupplier writer) {
        return new WriterTextIndex(org.apache.jena.query.text.TextDatasetFactory.createLuceneIndex(directory,
                TextSearch.config()), writer);
    }

    @Override
    public void prepareCommit() {
        if (writer.getAsBoolean()) {
            writable();
            index.prepareCommit();
        }
    }

    @Override
    public void commit() {
        if (writer.getAsBoolean()) {
            writable();
            index.commit();
        }
    }

    @Override
    public void rollback() {
        if (writer.getAsBoolean() && broken == null) {
            try {
                index.rollback();
            } catch (RuntimeException e) {
                broken = e;
            }
        }
    }

    /** Fails when a rollback left the index without a writer. */
    private void writable() {
        RuntimeException e = broken;
        if (e != null) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new StoreException("the store's full-text index cannot be written since its rollback failed ("
                    + cause.getMessage() + "); to rebuild it, delete the store's text-index folder while nothing "
                    + "uses the store, and open the store again", e);
        }
    }

    @Override
    public void addEntity(org.apache.jena.query.text.Entity entity) {
        writable();
        index.addEntity(entity);
    }

    @Override
    public void updateEntity(org.apache.jena.query.text.Entity entity) {
        writable();
        index.updateEntity(entity);
    }

    @Override
    public void deleteEntity(org.apache.jena.query.text.Entity entity) {
        writable();
        index.deleteEntity(entity);
    }

    @Override
    public Map<String, Node> get(String uri) {
        return index.get(uri);
    }

    @Override
    public List<TextHit> query(Node property, String qs, String graphURI, String lang, int limit) {
        return index.query(property, qs, graphURI, lang, limit);
    }

    @Override
    public List<TextHit> query(Node property, String qs, String graphURI, String lang) {
        return index.query(property, qs, graphURI, lang);
    }

    @Override
    public List<TextHit> query(Node property, String qs, String graphURI, String lang, int limit, String highlight) {
        return index.query(property, qs, graphURI, lang, limit, highlight);
    }

    @Override
    public List<TextHit> query(List<Resource> props, String qs, String graphURI, String lang, int limit,
            String highlight) {
        return index.query(props, qs, graphURI, lang, limit, highlight);
    }

    @Override
    public List<TextHit> query(String uri, List<Resource> props, String qs, String graphURI, String lang, int limit,
            String highlight) {
        return index.query(uri, props, qs, graphURI, lang, limit, highlight);
    }

    @Override
    public List<TextHit> query(Node subj, List<Resource> props, String qs, String graphURI, String lang, int limit,
            String highlight) {
        return index.query(subj, props, qs, graphURI, lang, limit, highlight);
    }

    @Override
    public List<TextHit> query(String uri, Node property, String qs, String graphURI, String lang, int limit,
            String highlight) {
        return index.query(uri, property, qs, graphURI, lang, limit, highlight);
    }

    @Override
    public EntityDefinition getDocDef() {
        return index.getDocDef();
    }

    @Override
    public void close() {
        if (broken == null) { // else the failed rollback closed the writer and left none to close
            index.close();
        }
    }
}
