package org.skillgraph.serve;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
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
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.skillgraph.map.Prefixes;
import org.skillgraph.vocab.CEASN;

/**
 * What a client needs to show one resource: its own triples, the types and labels of everything it links
 * to, and the resources that link to it — those one page at a time, so that an anchor used by a thousand
 * occupations does not return the whole graph in one response. A graph name of the store is also said to be one
 * ({@code sd:NamedGraph} with its {@code sd:name}), so that a graph the data says nothing about has a description
 * too. Call inside a read transaction.
 */
final class Describer {
    /** The default number of incoming links on one page of a description. */
    static final int DEFAULT_PAGE_SIZE = 200;
    private static final Property[] LABELS = {RDF.type, SKOS.prefLabel, RDFS.label, DCTerms.title, SKOS.notation};
    private static final String HYDRA = "http://www.w3.org/ns/hydra/core#";
    private static final Property HYDRA_FIRST = ModelFactory.createDefaultModel().createProperty(HYDRA + "first");
    private static final Property HYDRA_PREVIOUS = ModelFactory.createDefaultModel().createProperty(HYDRA + "previous");
    private static final Property HYDRA_NEXT = ModelFactory.createDefaultModel().createProperty(HYDRA + "next");
    private static final String SD = "http://www.w3.org/ns/sparql-service-description#";
    private static final Resource NAMED_GRAPH = ModelFactory.createDefaultModel().createResource(SD + "NamedGraph");
    private static final Property NAME = ModelFactory.createDefaultModel().createProperty(SD + "name");


    /**
     * A description; {@code exists} is false when the store says nothing about the resource, and
     * {@code pastTheLastPage} when a page after the first was asked for and no link to the resource is on it.
     */
    record Description(Model model, boolean exists, boolean hasMore, boolean pastTheLastPage) {
        Description(Model model, boolean exists, boolean hasMore) {
            this(model, exists, hasMore, false);
        }
    }

    /** How many resources' types and labels {@link #labels} keeps (those linked to most often, when it is full). */
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

    Describer(Dataset dataset, int pageSize, LiveData live) {
        this.dataset = dataset;
        this.pageSize = pageSize;
        this.labels = live.cache(MAX_CACHED);
    }

    /**
     * Whether the store knows {@code uri}: a resource its data names, or the name of one of its graphs (the change
     * feed's graph, {@code {base}graph/changes}, is named by no triple).
     */
    static boolean exists(Dataset dataset, String uri) {
        Model union = dataset.getUnionModel();
        return union.containsResource(union.createResource(uri)) || dataset.containsNamedModel(uri);
    }

    /**
     * Describes {@code uri} in the document {@code document}, the URL this page of the description is fetched at
     * (its format's own URL, with its {@code ?page}), which gets {@code foaf:primaryTopic}; {@code page} (1-based)
     * selects the page of incoming links. When the links take more than one page, the document states, with
     * Hydra's controls of an interlinked set of resources, {@code hydra:first}, {@code hydra:previous} (after the
     * first page) and {@code hydra:next} (before the last), each the URL {@code pageUrl} gives that page
     * (no {@code hydra:last}: knowing it would mean reading every link of a hub).
     */
    Description describe(String uri, String document, int page, IntFunction<String> pageUrl) {
        Model union = dataset.getUnionModel();
        Resource subject = union.createResource(uri);
        Model out = ModelFactory.createDefaultModel();
        Prefixes.apply(out, null);
        out.add(union.listStatements(subject, null, (RDFNode) null));
        if (dataset.containsNamedModel(uri)) {
            out.add(subject, RDF.type, NAMED_GRAPH).add(subject, NAME, subject);
            out.setNsPrefix("sd", SD);
        }
        boolean exists = !out.isEmpty();
        Set<Resource> linked = new HashSet<>();
        out.listObjects().forEachRemaining(o -> {
            if (o.isURIResource()) {
                linked.add(o.asResource());
            }
        });
        // the links to the resource, one page of them, in the order of the store's index (the same for every
        // request while the data stays as it is): read lazily from the union graph, so a page costs the links
        // on it and on the pages before it, not every link a hub has (a source cited 41,612 times at 1,000
        // occupations took 0.9 s to read and sort whole on a first request, and over 2 s under load); read
        // directly rather than by a SPARQL query, whose parsing and planning cost more than the lookup
        boolean hasMore;
        int onPage = 0;
        ExtendedIterator<Triple> links = union.getGraph().find(Node.ANY, Node.ANY, subject.asNode())
                .filterKeep(t -> t.getSubject().isURI());
        try {
            for (long skip = (long) (page - 1) * pageSize; skip > 0 && links.hasNext(); skip--) {
                links.next();
            }
            for (int n = 0; n < pageSize && links.hasNext(); n++) {
                Triple t = links.next();
                out.getGraph().add(t);
                linked.add(out.createResource(t.getSubject().getURI()));
                exists = true;
                onPage++;
            }
            hasMore = links.hasNext();
        } finally {
            links.close();
        }
        Graph target = out.getGraph();
        for (Resource r : linked) {
            labelsOf(union.getGraph(), r.asNode()).forEach(target::add);
        }
        if (exists && document != null) {
            out.add(out.createResource(document), FOAF.primaryTopic, subject);
            out.setNsPrefix("foaf", "http://xmlns.com/foaf/0.1/");
        }
        if (exists && document != null && pageUrl != null && (hasMore || page > 1)) {
            Resource doc = out.createResource(document);
            out.add(doc, HYDRA_FIRST, out.createResource(pageUrl.apply(1)));
            if (page > 1) {
                out.add(doc, HYDRA_PREVIOUS, out.createResource(pageUrl.apply(page - 1)));
            }
            if (hasMore) {
                out.add(doc, HYDRA_NEXT, out.createResource(pageUrl.apply(page + 1)));
            }
            out.setNsPrefix("hydra", HYDRA);
        }
        return new Description(out, exists, hasMore, page > 1 && onPage == 0);
    }

    /**
     * The change-feed entry that removed {@code uri}, when the store says nothing of it any more but that it was
     * removed: no statement about it, and every link to it an entry's {@code as:object} or {@code as:target}
     * (a removed occupation, framework version or document graph). Empty for anything else.
     */
    static java.util.Optional<String> removedBy(Model union, String uri) {
        Resource r = union.createResource(uri);
        if (union.contains(r, null, (RDFNode) null)) {
            return java.util.Optional.empty();
        }
        String entry = null;
        for (var it = union.listStatements(null, null, r); it.hasNext(); ) {
            org.apache.jena.rdf.model.Statement s = it.next();
            if (!s.getPredicate().equals(org.skillgraph.vocab.AS.object)
                    && !s.getPredicate().equals(org.skillgraph.vocab.AS.target)) {
                it.close();
                return java.util.Optional.empty();
            }
            if (s.getSubject().hasProperty(org.apache.jena.vocabulary.RDF.type, org.skillgraph.vocab.AS.Delete)
                    && s.getSubject().isURIResource()
                    && (entry == null || sequence(s.getSubject().getURI()) > sequence(entry))) {
                entry = s.getSubject().getURI();
            }
        }
        return java.util.Optional.ofNullable(entry);
    }

    /**
     * For a CTID the store gives nothing: the change-feed entry that removed the framework or occupation with that
     * CTID, and that resource, when the feed names one (a framework whose every version was removed, an occupation
     * removed with its last document); the latest such entry.
     * Empty for anything else, the CTIDs of what lay inside a removed framework included: the feed names only the
     * framework.
     */
    static java.util.Optional<String[]> removedCtid(Model union, org.skillgraph.map.Uris uris, String ctid) {
        String[] found = null;
        for (var it = union.listSubjectsWithProperty(org.apache.jena.vocabulary.RDF.type,
                org.skillgraph.vocab.AS.Delete); it.hasNext(); ) {
            Resource entry = it.next();
            org.apache.jena.rdf.model.Statement object = entry.getProperty(org.skillgraph.vocab.AS.object);
            if (!entry.isURIResource() || object == null || !object.getObject().isURIResource()) {
                continue;
            }
            String uri = object.getResource().getURI();
            // a framework or an occupation: what /graph/{ctid} and /resources/{ctid} served
            if (!(uri.startsWith(uris.base() + "id/framework/") || uri.startsWith(uris.base() + "id/occupation/"))
                    || !uris.ctid(uri).equals(ctid)
                    || (found != null && sequence(entry.getURI()) <= sequence(found[0]))) {
                continue;
            }
            if (removedBy(union, uri).isPresent()) {
                found = new String[] {entry.getURI(), uri};
            }
        }
        return java.util.Optional.ofNullable(found);
    }

    /**
     * For a URI the store holds nothing of: the change-feed entry that removed the resource it was part of, and
     * that resource, when a resource its path lies under (a level or statement under a removed framework version,
     * an evidence pack under a removed occupation) was removed, or for an occupation's evidence pack or task listing
     * of one version, when that version's document graph was; empty when none was. The ancestors are the URI's
     * path cut at each {@code /}, down to the first segment after {@code id/} under {@code base}.
     */
    static java.util.Optional<String[]> removedWith(Model union, String uri, String base) {
        // the deepest URI of the data, a statement, is seven segments under id/: no more lookups than that
        String root = base + "id/";
        if (!uri.startsWith(root)) {
            return java.util.Optional.empty();
        }
        int looked = 0;
        for (int cut = uri.lastIndexOf('/'); cut > root.length() && looked++ < MAX_DEPTH;
                cut = uri.lastIndexOf('/', cut - 1)) {
            String ancestor = uri.substring(0, cut);
            if (ancestor.length() <= root.length() || ancestor.indexOf('/', root.length()) < 0) {
                break; // {base}id/framework: a kind, not a resource
            }
            java.util.Optional<String> entry = removedBy(union, ancestor);
            if (entry.isPresent()) {
                return java.util.Optional.of(new String[] {entry.get(), ancestor});
            }
        }
        // what one version's document says of an occupation that remains (its evidence pack, its task listings) lies
        // under the occupation, not under what was removed: it went with that version's document graph
        java.util.regex.Matcher versioned = VERSIONED.matcher(uri.substring(root.length()));
        if (versioned.matches()) {
            String document = base + "graph/" + versioned.group(1) + "/" + versioned.group(2);
            java.util.Optional<String> entry = removedBy(union, document);
            if (entry.isPresent()) {
                return java.util.Optional.of(new String[] {entry.get(), document});
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * The path under {@code id/} of what an occupation's document of one version holds of it, apart from its
     * frameworks: {@code occupation/{soc}/evidence/{version}} and {@code occupation/{soc}/tasks/{version}/{n}};
     * groups SOC code and version.
     */
    private static final java.util.regex.Pattern VERSIONED =
            java.util.regex.Pattern.compile("occupation/([^/]+)/(?:evidence|tasks)/([^/]+)(?:/[^/]+)?");

    /** How many ancestors of a URI {@link #removedWith} looks up. */
    private static final int MAX_DEPTH = 8;

    /** The sequence number at the end of a change-feed entry's URI ({@code …/changes/42}). */
    private static long sequence(String entry) {
        String n = entry.substring(entry.lastIndexOf('/') + 1);
        return n.matches("\\d{1,18}") ? Long.parseLong(n) : -1;
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
