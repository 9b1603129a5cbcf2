package org.skillgraph.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** CTDL terms (Credential Engine): occupations, CTIDs, alignments. @see <a href="https://credreg.net/ctdl/terms">CTDL terms</a> */
public final class CETERMS {
    public static final String NS = "https://purl.org/ctdl/terms/";
    public static final String PREFIX = "ceterms";

    public static final Resource Occupation = ResourceFactory.createResource(NS + "Occupation");
    public static final Property ctid = ResourceFactory.createProperty(NS + "ctid");
    public static final Property name = ResourceFactory.createProperty(NS + "name");
    public static final Property codedNotation = ResourceFactory.createProperty(NS + "codedNotation");

    private CETERMS() {
    }
}
