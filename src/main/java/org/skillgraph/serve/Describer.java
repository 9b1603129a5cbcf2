package org.skillgraph.serve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
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

    /** How many resources' types and labels {@link #labels} keeps before it starts again. */
    static final int MAX_CACHED = 50_000;

    private final Dataset dataset;
    private final int pageSize;
    /**
     * Types and labels of linked resources, by resource, kept while the data stays as it is ({@link LiveData}):
     * the resources linked to most often (a cited source, an anchor, a scheme) are stated in every document
     * that uses them, and reading their labels from the union of a thousand graphs on every request cost more
     * than the rest of a description.
     */
    private final LiveData.Cache<Node, List<Triple>> labels;
    /**
     * The links to a hub (a source cited by every document, a scheme), sorted, by resource: a page of them is
     * cut from all of them, and for the few resources with tens of thousands of links reading and sorting
     * them all on every request grew with the store (70 ms for a source cited 40,000 times at 1,000
     * occupations). Only lists of at least {@link #HUB_LINKS} are kept.
     */
    private final LiveData.Cache<Node, List<Triple>> hubs;
    static final int HUB_LINKS = 1_000;

    Describer(Dataset dataset, int pageSize, LiveData live) {
        this.dataset = dataset;
        this.pageSize = pageSize;
        this.labels = live.cache(MAX_CACHED);
        this.hubs = live.cache(256);
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
        // the links to the resource, by property then source, one page of them: read from the union graph
        // directly rather than by a SPARQL query, whose parsing and planning cost more than the lookup
        List<Triple> incoming = hubs.get(subject.asNode(), () -> {
            List<Triple> links = union.getGraph().find(Node.ANY, Node.ANY, subject.asNode())
                    .filterKeep(t -> t.getSubject().isURI()).toList();
            links.sort(Comparator.comparing((Triple t) -> t.getPredicate().getURI())
                    .thenComparing(t -> t.getSubject().getURI()));
            return List.copyOf(links);
        }, links -> links.size() >= HUB_LINKS);
        int from = (int) Math.min(incoming.size(), (long) (page - 1) * pageSize);
        int to = Math.min(incoming.size(), from + pageSize);
        boolean hasMore = incoming.size() > to;
        for (Triple t : incoming.subList(from, to)) {
            out.getGraph().add(t);
            linked.add(out.createResource(t.getSubject().getURI()));
            exists = true;
        }
        Graph target = out.getGraph();
        for (Resource r : linked) {
            labelsOf(union.getGraph(), r.asNode()).forEach(target::add);
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

    /** The types and labels of {@code r} in the union graph (cached, see {@link #labels}). */
    private List<Triple> labelsOf(Graph union, Node r) {
        return labels.get(r, () -> {
            List<Triple> found = new ArrayList<>();
            for (Property p : LABELS) {
                union.find(r, p.asNode(), Node.ANY).forEachRemaining(found::add);
            }
            union.find(r, CEASN.competencyLabel.asNode(), Node.ANY).forEachRemaining(found::add);
            return List.copyOf(found);
        });
    }
}
