package org.skillgraph.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** W3C Activity Streams 2.0 terms, for the change feed. @see <a href="https://www.w3.org/TR/activitystreams-vocabulary/">Activity Vocabulary</a> */
public final class AS {
    public static final String NS = "https://www.w3.org/ns/activitystreams#";
    public static final String PREFIX = "as";

    public static final Resource Create = ResourceFactory.createResource(NS + "Create");
    public static final Resource Update = ResourceFactory.createResource(NS + "Update");
    public static final Resource Delete = ResourceFactory.createResource(NS + "Delete");
    public static final Property object = ResourceFactory.createProperty(NS + "object");
    public static final Property published = ResourceFactory.createProperty(NS + "published");
    public static final Property target = ResourceFactory.createProperty(NS + "target");

    private AS() {
    }
}
