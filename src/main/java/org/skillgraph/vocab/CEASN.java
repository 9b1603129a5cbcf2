package org.skillgraph.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** CTDL-ASN terms (Credential Engine): frameworks and competencies. @see <a href="https://credreg.net/ctdlasn/terms">CTDL-ASN terms</a> */
public final class CEASN {
    public static final String NS = "https://purl.org/ctdlasn/terms/";
    public static final String PREFIX = "ceasn";

    public static final Resource CompetencyFramework = ResourceFactory.createResource(NS + "CompetencyFramework");
    public static final Resource Competency = ResourceFactory.createResource(NS + "Competency");
    public static final Property name = ResourceFactory.createProperty(NS + "name");
    public static final Property description = ResourceFactory.createProperty(NS + "description");
    public static final Property competencyLabel = ResourceFactory.createProperty(NS + "competencyLabel");
    public static final Property competencyText = ResourceFactory.createProperty(NS + "competencyText");
    public static final Property competencyCategory = ResourceFactory.createProperty(NS + "competencyCategory");
    public static final Property isPartOf = ResourceFactory.createProperty(NS + "isPartOf");
    public static final Property listID = ResourceFactory.createProperty(NS + "listID");
    public static final Property inLanguage = ResourceFactory.createProperty(NS + "inLanguage");
    public static final Property publisherName = ResourceFactory.createProperty(NS + "publisherName");
    public static final Property codedNotation = ResourceFactory.createProperty(NS + "codedNotation");
    public static final Property dateModified = ResourceFactory.createProperty(NS + "dateModified");

    private CEASN() {
    }
}
