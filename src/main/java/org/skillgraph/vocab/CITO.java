package org.skillgraph.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.ResourceFactory;

/** CiTO, the Citation Typing Ontology (SPAR). @see <a href="http://purl.org/spar/cito">CiTO</a> */
public final class CITO {
    public static final String NS = "http://purl.org/spar/cito/";
    public static final String PREFIX = "cito";

    public static final Property citesAsEvidence = ResourceFactory.createProperty(NS + "citesAsEvidence");

    private CITO() {
    }
}
