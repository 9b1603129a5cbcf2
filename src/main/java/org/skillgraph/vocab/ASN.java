package org.skillgraph.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** Achievement Standards Network terms used by CTDL-ASN for proficiency levels. */
public final class ASN {
    public static final String NS = "http://purl.org/asn/schema/core/";
    public static final String PREFIX = "asn";

    public static final Resource ProgressionModel = ResourceFactory.createResource(NS + "ProgressionModel");
    public static final Resource ProgressionLevel = ResourceFactory.createResource(NS + "ProgressionLevel");
    public static final Property hasProgressionModel = ResourceFactory.createProperty(NS + "hasProgressionModel");
    public static final Property hasProgressionLevel = ResourceFactory.createProperty(NS + "hasProgressionLevel");

    private ASN() {
    }
}
