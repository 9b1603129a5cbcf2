package org.skillgraph.serve;

import java.util.HashSet;
import java.util.Set;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.skillgraph.map.Prefixes;
import org.skillgraph.vocab.CEASN;

/**
 * What a client needs to show one resource: its own triples, the types and labels of everything it links
 * to, and the resources that link to it — those one page at a time, so that an anchor used by a thousand
 * occupations does not return the whole graph in one response. Call inside a read transaction.
 */
final class Describer {
    /** The default number of incoming links on one page of a description. */
    static final int DEFAULT_PAGE_SIZE = 200;
    private static final Property[] LABELS = {RDF.type, SKOS.prefLabel, RDFS.label, DCTerms.title, SKOS.notation};
    private static final Property HYDRA_NEXT = ModelFactory.createDefaultModel()
            .createProperty("http://www.w3.org/ns/hydra/core#next");


    /** A description; {@code exists} is false when the store says nothing about the resource. */
    record Description(Model model, boolean exists, boolean hasMore) {
    }

    private final Dataset dataset;
    private final int pageSize;

    Describer(Dataset dataset, int pageSize) {
        this.dataset = dataset;
        this.pageSize = pageSize;
    }

    /**
     * Describes {@code uri} in the document {@code document} (which gets {@code foaf:primaryTopic});
     * {@code page} (1-based) selects the page of incoming links; {@code nextPage} is the URL of the
     * following page, stated with {@code hydra:next} on the document when there is one.
     */
    Description describe(String uri, String document, int page, String nextPage) {
        Model union = dataset.getUnionModel();
        Resource subject = union.createResource(uri);
        Model out = ModelFactory.createDefaultModel();
        Prefixes.apply(out, null);
        out.add(union.listStatements(subject, null, (RDFNode) null));
        boolean exists = !out.isEmpty();
        Set<Resource> linked = new HashSet<>();
        out.listObjects().forEachRemaining(o -> {
            if (o.isURIResource()) {
                linked.add(o.asResource());
            }
        });
        boolean hasMore = false;
        Query q = Sparql.INCOMING.cloneQuery();
        q.setLimit(pageSize + 1L);
        q.setOffset((long) (page - 1) * pageSize);
        try (QueryExecution qe = QueryExecution.create().query(q).dataset(dataset)
                .substitution("target", subject).build()) {
            ResultSet rs = qe.execSelect();
            int n = 0;
            while (rs.hasNext()) {
                QuerySolution row = rs.next();
                if (++n > pageSize) {
                    hasMore = true;
                    break;
                }
                Resource source = row.getResource("source");
                out.add(source, union.createProperty(row.getResource("property").getURI()), subject);
                linked.add(source);
                exists = true;
            }
        }
        for (Resource r : linked) {
            for (Property p : LABELS) {
                out.add(union.listStatements(r, p, (RDFNode) null));
            }
            out.add(union.listStatements(r, CEASN.competencyLabel, (RDFNode) null));
        }
        if (exists && document != null) {
            out.add(out.createResource(document), FOAF.primaryTopic, subject);
            out.setNsPrefix("foaf", "http://xmlns.com/foaf/0.1/");
        }
        if (hasMore && nextPage != null) {
            out.add(out.createResource(document), HYDRA_NEXT, out.createResource(nextPage));
            out.setNsPrefix("hydra", "http://www.w3.org/ns/hydra/core#");
        }
        return new Description(out, exists, hasMore);
    }
}
