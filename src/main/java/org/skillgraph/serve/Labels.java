package org.skillgraph.serve;

import java.util.Locale;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/** Human-readable names of resources and properties, from the data and the ontology. */
final class Labels {
    private static final Property[] NAMES = {SKOS.prefLabel, RDFS.label, DCTerms.title, SKOS.notation};

    private Labels() {
    }

    /** The best label of a resource in {@code m}: an English prefLabel, a label, a title, a notation or its local name. */
    static String of(Model m, Resource r) {
        if (!r.isURIResource()) {
            return "(anonymous)";
        }
        for (Property p : NAMES) {
            String best = null;
            var it = m.listStatements(r, p, (RDFNode) null);
            while (it.hasNext()) {
                Statement s = it.next();
                if (s.getObject().isLiteral()) {
                    String lang = s.getLanguage();
                    if ("en".equals(lang) || best == null) {
                        best = s.getString();
                    }
                }
            }
            if (best != null) {
                return best;
            }
        }
        return humanise(localName(r.getURI()));
    }

    /** "competencyText" → "competency text"; the ontology's rdfs:label when it has one. */
    static String ofProperty(Model m, Resource p) {
        Statement s = m.getProperty(p, RDFS.label);
        if (s != null && s.getObject().isLiteral()) {
            return s.getString();
        }
        return humanise(localName(p.getURI()));
    }

    static String localName(String uri) {
        int cut = Math.max(uri.lastIndexOf('#'), uri.lastIndexOf('/'));
        return cut >= 0 && cut < uri.length() - 1 ? uri.substring(cut + 1) : uri;
    }

    private static final java.util.regex.Pattern CAMEL = java.util.regex.Pattern.compile("([a-z])([A-Z])");

    private static String humanise(String name) {
        return CAMEL.matcher(name).replaceAll("$1 $2").replace('_', ' ').toLowerCase(Locale.ROOT);
    }
}
