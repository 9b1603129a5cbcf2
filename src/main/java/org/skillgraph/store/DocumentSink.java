package org.skillgraph.store;

import java.util.List;
import org.apache.jena.rdf.model.Model;
import org.skillgraph.map.MappedDocument;

/**
 * Where an import puts its documents: a {@link GraphStore} (transactions, for any store) or a {@link BulkLoad}
 * (the bulk loader, for a new store).
 */
public interface DocumentSink {
    /** Refuses, with a {@link StoreException}, to mix data under {@code base} with data under another base. */
    void requireBase(String base);

    /** Stores the ontology in its own named graph. */
    void putOntology(Model ontology);

    /** Stores whole documents, each replacing its previous version; one outcome per document, in order. */
    List<GraphStore.Outcome> putAll(List<MappedDocument> docs);
}
