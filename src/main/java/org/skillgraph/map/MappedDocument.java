package org.skillgraph.map;

import org.apache.jena.rdf.model.Model;
import org.skillgraph.model.SourceDocument;

/**
 * A document mapped to RDF.
 *
 * @param graphName the name of the document's named graph (also its provenance node)
 * @param model the document's triples
 * @param source the document it was mapped from
 */
public record MappedDocument(String graphName, Model model, SourceDocument source) {
    /** Occupation and framework version: two documents with the same key are the same document. */
    public String key() {
        return source.occupation().soc() + " " + source.frameworks().get(0).version();
    }
}
