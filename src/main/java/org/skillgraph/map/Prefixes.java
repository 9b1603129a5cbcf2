package org.skillgraph.map;

import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.XSD;
import org.skillgraph.vocab.ASN;
import org.skillgraph.vocab.CEASN;
import org.skillgraph.vocab.CETERMS;
import org.skillgraph.vocab.CITO;
import org.skillgraph.vocab.PROV;
import org.skillgraph.vocab.SG;

/** The prefixes every graph and output of skillgraph uses. */
public final class Prefixes {
    private Prefixes() {
    }

    /** Sets the standard prefixes, and {@code id:} for the data under {@code base}. */
    public static PrefixMapping apply(PrefixMapping pm, String base) {
        pm.setNsPrefix("rdf", RDF.getURI()).setNsPrefix("rdfs", RDFS.getURI()).setNsPrefix("xsd", XSD.NS)
                .setNsPrefix("owl", OWL.NS).setNsPrefix("skos", SKOS.getURI()).setNsPrefix("dcterms", DCTerms.NS)
                .setNsPrefix(PROV.PREFIX, PROV.NS).setNsPrefix(CEASN.PREFIX, CEASN.NS)
                .setNsPrefix(CETERMS.PREFIX, CETERMS.NS).setNsPrefix(ASN.PREFIX, ASN.NS)
                .setNsPrefix(CITO.PREFIX, CITO.NS).setNsPrefix(SG.PREFIX, SG.NS);
        if (base != null) {
            pm.setNsPrefix("id", Uris.normalise(base) + "id/");
        }
        return pm;
    }
}
