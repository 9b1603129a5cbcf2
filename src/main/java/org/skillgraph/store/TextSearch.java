package org.skillgraph.store;

import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.SKOS;
import org.skillgraph.vocab.CEASN;

/**
 * What the full-text index holds: labels of everything (occupation titles, anchors, levels, domains,
 * statement topics), alternative labels (related titles), statement texts and source titles — all in one
 * Lucene field, so {@code ?s text:query "microscopy"} searches all of them.
 */
public final class TextSearch {
    /** The Lucene field every indexed predicate goes to. */
    public static final String FIELD = "text";

    private TextSearch() {
    }

    static TextIndexConfig config() {
        EntityDefinition def = new EntityDefinition("uri", FIELD, "graph", SKOS.prefLabel.asNode());
        def.set(FIELD, SKOS.altLabel.asNode());
        def.set(FIELD, CEASN.competencyLabel.asNode());
        def.set(FIELD, CEASN.competencyText.asNode());
        def.set(FIELD, DCTerms.title.asNode());
        def.setUidField("uid");
        def.setLangField("lang");
        TextIndexConfig config = new TextIndexConfig(def);
        config.setValueStored(true);
        return config;
    }
}
