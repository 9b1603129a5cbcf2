package org.skillgraph.harvest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionDatasetBuilder;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.skillgraph.model.Versions;
import org.skillgraph.vocab.ASN;
import org.skillgraph.vocab.CEASN;
import org.skillgraph.vocab.CETERMS;
import org.skillgraph.vocab.SG;

/**
 * CTDL-ASN documents as the Credential Registry serves them.
 * <ul>
 * <li>{@code /graph/{ctid}} of a framework: {@code @graph} with the framework first, then every statement as
 * a {@code ceasn:Competency} (a flat list of top children, each with {@code asn:hasProgressionLevel}); the
 * occupation as a {@code ceterms:occupationType} alignment object; cited sources as
 * {@code ceasn:sourceDocumentation}. The occupation's O*NET anchors are not in it: CTDL-ASN's
 * {@code ceasn:skillEmbodied} and its kin are terms of a competency, not of a framework.</li>
 * <li>{@code /graph/{ctid}} of a progression model: the model ({@code ceasn:name}) and its levels
 * ({@code skos:prefLabel}, {@code ceasn:inProgressionModel}).</li>
 * <li>{@code /graph/{ctid}} of an occupation: the {@code ceterms:Occupation} (a resource of its own in CTDL, which the
 * change feed lists by its CTID), named with {@code ceterms:name}, its O*NET-SOC code as an alignment object.</li>
 * <li>{@code /resources/{ctid}}: one node, its {@code @id} the URL it was fetched from.</li>
 * </ul>
 * What goes in is defined by SPARQL queries ({@code ctdl-framework.rq}, {@code ctdl-progression.rq},
 * {@code ctdl-occupation.rq});
 * {@link CtdlJson} writes it with the shipped context. A CTID names a thing across versions: the newest
 * version (highest {@code owl:versionInfo}) is served. Call inside a read transaction.
 */
public final class CtdlDocuments {
    private static final Query FRAMEWORK = load("ctdl-framework.rq");
    private static final Query PROGRESSION = load("ctdl-progression.rq");
    private static final Query OCCUPATION = load("ctdl-occupation.rq");

    private final Dataset dataset;

    public CtdlDocuments(Dataset dataset) {
        this.dataset = dataset;
    }

    /**
     * The CTDL view of a framework or progression model with this CTID (newest version), or of an occupation (as the
     * document of its newest framework version gives it), or empty.
     */
    public Optional<Model> view(String ctid) {
        Optional<Resource> node = find(ctid);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        Resource r = node.get();
        Model union = dataset.getUnionModel();
        if (union.contains(r, RDF.type, CEASN.CompetencyFramework)) {
            return Optional.of(datedByFeed(construct(FRAMEWORK, "framework", r), ctid));
        }
        if (union.contains(r, RDF.type, ASN.ProgressionModel)) {
            return Optional.of(datedByFeed(construct(PROGRESSION, "model", r), ctid));
        }
        if (union.contains(r, RDF.type, CETERMS.Occupation)) {
            return newestDocument(r).map(d -> datedByFeed(construct(OCCUPATION, "occupation", r, "document", d), ctid));
        }
        return Optional.empty();
    }

    /**
     * The view with every {@code ceasn:dateModified} no earlier than the change feed's newest entry about the CTID
     * ({@link FeedDates}): the queries date a view by its document's import, and the version served after the newest
     * was removed was imported before what harvesters already hold, though the feed updates it at the removal.
     */
    private Model datedByFeed(Model view, String ctid) {
        Optional<Instant> feed = FeedDates.latest(dataset.asDatasetGraph(), ctid);
        if (feed.isEmpty()) {
            return view;
        }
        List<Statement> earlier = view.listStatements(null, CEASN.dateModified, (RDFNode) null).toList().stream()
                .filter(s -> {
                    Instant own = FeedDates.instant(s.getObject().asNode());
                    return own == null || own.isBefore(feed.get());
                }).toList();
        Literal later = view.createTypedLiteral(feed.get().toString(), XSDDatatype.XSDdateTime);
        for (Statement s : earlier) {
            view.remove(s);
            view.add(s.getSubject(), CEASN.dateModified, later);
        }
        return view;
    }

    /**
     * The graph document of a framework or progression model.
     *
     * @param graphUrl the URL of this document ({@code …/graph/ce-…})
     * @param resources the URL prefix of resource documents ({@code …/resources/})
     */
    public Optional<ObjectNode> graph(String ctid, String graphUrl, String resources) {
        return view(ctid).map(m -> {
            Function<String, String> id = ids(m, resources);
            ObjectNode doc = JsonNodeFactory.instance.objectNode();
            doc.put("@context", CtdlJson.CONTEXT_URL);
            doc.put("@id", graphUrl);
            ArrayNode graph = doc.putArray("@graph");
            for (Resource r : ordered(m, dataset.getUnionModel())) {
                graph.add(CtdlJson.node(m, r, id));
            }
            return doc;
        });
    }

    /** The CTIDs {@code /graph/{ctid}} answers: every framework, progression model and occupation, each once, in order. */
    public java.util.SortedSet<String> graphCtids() {
        Model union = dataset.getUnionModel();
        java.util.SortedSet<String> out = new java.util.TreeSet<>();
        for (Resource type : List.of(CEASN.CompetencyFramework, ASN.ProgressionModel, CETERMS.Occupation)) {
            union.listSubjectsWithProperty(RDF.type, type).forEachRemaining(r -> {
                Statement ctid = r.getProperty(CETERMS.ctid);
                if (ctid != null) {
                    out.add(ctid.getString());
                }
            });
        }
        return out;
    }

    /**
     * The CTIDs {@code /resources/{ctid}} answers, in order: the nodes of the graph documents (of the version each
     * serves). A statement or level only an older version has is not among them.
     */
    public java.util.SortedSet<String> resourceCtids() {
        java.util.SortedSet<String> out = new java.util.TreeSet<>();
        for (String ctid : graphCtids()) {
            view(ctid).ifPresent(m -> m.listObjectsOfProperty(CETERMS.ctid).forEachRemaining(c -> {
                if (c.isLiteral() && find(c.asLiteral().getString())
                        .filter(r -> r.isURIResource() && m.containsResource(r)).isPresent()) {
                    out.add(c.asLiteral().getString());
                }
            }));
        }
        return out;
    }

    /** The resource document of one framework, competency, progression model or level. */
    public Optional<ObjectNode> resource(String ctid, String resources) {
        Optional<Resource> node = find(ctid);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        Model union = dataset.getUnionModel();
        Resource r = node.get();
        Resource container = r;
        if (union.contains(r, RDF.type, CEASN.Competency)) {
            container = r.getPropertyResourceValue(CEASN.isPartOf);
        } else if (union.contains(r, RDF.type, ASN.ProgressionLevel)) {
            container = r.getPropertyResourceValue(SKOS.inScheme);
        }
        if (container == null || !container.hasProperty(CETERMS.ctid)) {
            return Optional.empty();
        }
        Optional<Model> view = view(container.getProperty(CETERMS.ctid).getString());
        if (view.isEmpty() || !view.get().containsResource(r)) {
            return Optional.empty();
        }
        Model m = view.get();
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("@context", CtdlJson.CONTEXT_URL);
        o.setAll(CtdlJson.node(m, m.createResource(r.getURI()), ids(m, resources)));
        return Optional.of(o);
    }

    /**
     * The node with this CTID in the version {@code /graph/{ctid}} serves. A CTID leaves the version out, so a
     * framework, its statements, its progression model and its levels have the same CTIDs in every version of
     * the framework: of those, the node of the newest version (highest {@code owl:versionInfo} of the framework
     * it belongs to, numbers compared as numbers; ties, as between two stores, broken by URI). A node only an older version has is that one.
     */
    Optional<Resource> find(String ctid) {
        Model union = dataset.getUnionModel();
        return union.listSubjectsWithProperty(CETERMS.ctid, ctid).toList().stream()
                .max(Comparator.comparing((Resource r) -> versionOf(union, r), Versions::compare)
                        .thenComparing(r -> r.isURIResource() ? r.getURI() : ""));
    }

    /** The {@code owl:versionInfo} of the framework {@code r} is, or is part of; "" if none. */
    private static String versionOf(Model m, Resource r) {
        Resource fw = frameworkOf(m, r);
        Statement s = fw == null ? null : m.getProperty(fw, OWL.versionInfo);
        return s == null ? "" : s.getString();
    }

    /**
     * The framework {@code r} is (a framework), is part of (a statement), is the progression model of (a model)
     * or whose model holds it (a level); null if none.
     */
    private static Resource frameworkOf(Model m, Resource r) {
        if (m.contains(r, RDF.type, CEASN.CompetencyFramework)) {
            return r;
        }
        Resource fw = r.inModel(m).getPropertyResourceValue(CEASN.isPartOf);
        if (fw != null) {
            return fw;
        }
        Resource model = m.contains(r, RDF.type, ASN.ProgressionModel) ? r
                : r.inModel(m).getPropertyResourceValue(SKOS.inScheme);
        if (model == null) {
            return null;
        }
        List<Resource> frameworks = m.listSubjectsWithProperty(ASN.hasProgressionModel, model).toList();
        return frameworks.isEmpty() ? null : frameworks.get(0);
    }

    /**
     * The document graph an occupation's view is read from: of those that describe it (one per stored version of its
     * frameworks), the one of the newest version, as {@link #find} orders them; ties by graph name.
     */
    private Optional<Resource> newestDocument(Resource occupation) {
        DatasetGraph dsg = dataset.asDatasetGraph();
        Node o = occupation.asNode();
        return dsg.stream(Node.ANY, o, RDF.type.asNode(), CETERMS.Occupation.asNode()).map(Quad::getGraph)
                .filter(Node::isURI)
                .max(Comparator.comparing((Node g) -> newestVersionIn(dsg, g, o), Versions::compare)
                        .thenComparing(Node::getURI))
                .map(g -> dataset.getDefaultModel().createResource(g.getURI()));
    }

    /** The highest {@code owl:versionInfo} of the frameworks for {@code occupation} in graph {@code g}; "" if none. */
    private static String newestVersionIn(DatasetGraph dsg, Node g, Node occupation) {
        return dsg.stream(g, Node.ANY, SG.forOccupation.asNode(), occupation)
                .flatMap(f -> dsg.stream(g, f.getSubject(), OWL.versionInfo.asNode(), Node.ANY))
                .map(v -> v.getObject().isLiteral() ? v.getObject().getLiteralLexicalForm() : "")
                .max(Versions::compare).orElse("");
    }

    private Model construct(Query q, String var, Resource r) {
        return construct(q, var, r, null, null);
    }

    private Model construct(Query q, String var, Resource r, String var2, Resource r2) {
        QueryExecutionDatasetBuilder b = QueryExecution.create().query(q).dataset(dataset).substitution(var, r);
        if (var2 != null) {
            b.substitution(var2, r2);
        }
        try (QueryExecution qe = b.build()) {
            Model m = qe.execConstruct();
            m.setNsPrefix("sg", SG.NS);
            return m;
        }
    }

    /**
     * The published @id of every IRI in {@code m}: a framework, competency, progression model or level is
     * published at {@code resources + ctid}, and so is an occupation that is a node of {@code m} (its own view): a link
     * to it (a framework's alignment's target) keeps its URI, as everything else (anchors, sources) does.
     */
    Function<String, String> ids(Model m, String resources) {
        Model union = dataset.getUnionModel();
        java.util.Map<String, String> map = new java.util.HashMap<>();
        java.util.Set<Resource> iris = new java.util.HashSet<>(m.listSubjects().toList());
        m.listObjects().forEachRemaining(o -> {
            if (o.isURIResource()) {
                iris.add(o.asResource());
            }
        });
        for (Resource r : iris) {
            Resource u = union.createResource(r.getURI());
            boolean published = union.contains(u, RDF.type, CEASN.CompetencyFramework)
                    || union.contains(u, RDF.type, CEASN.Competency) || union.contains(u, RDF.type, ASN.ProgressionModel)
                    || union.contains(u, RDF.type, ASN.ProgressionLevel)
                    || m.contains(r, RDF.type, CETERMS.Occupation);
            Statement ctid = union.getProperty(u, CETERMS.ctid);
            if (r.isURIResource() && published && ctid != null) {
                map.put(r.getURI(), resources + ctid.getString());
            }
        }
        return uri -> map.getOrDefault(uri, uri);
    }

    /** Framework (or model) first, then its members in reading order. */
    private static List<Resource> ordered(Model m, Model union) {
        return m.listSubjects().toList().stream().filter(Resource::isURIResource)
                .sorted(Comparator.comparingInt((Resource r) -> m.contains(r, RDF.type, CEASN.CompetencyFramework)
                        || m.contains(r, RDF.type, ASN.ProgressionModel) ? 0 : 1)
                        .thenComparingInt(r -> levelRank(m, union, r))
                        .thenComparing(r -> r.getURI().replaceAll("(\\d+)$", ""))
                        .thenComparingInt(r -> listId(m, r))
                        .thenComparing(Resource::getURI))
                .toList();
    }

    /** A statement sorts by its level's rank; a level by its own. */
    private static int levelRank(Model m, Model union, Resource r) {
        Resource level = m.contains(r, RDF.type, ASN.ProgressionLevel) ? r : r.getPropertyResourceValue(ASN.hasProgressionLevel);
        Statement rank = level == null ? null : union.getProperty(union.createResource(level.getURI()), SG.rank);
        return rank == null ? 0 : rank.getInt();
    }

    private static int listId(Model m, Resource r) {
        Statement s = m.getProperty(r, CEASN.listID);
        try {
            return s == null ? 0 : Integer.parseInt(s.getString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Query load(String name) {
        try (InputStream in = CtdlDocuments.class.getResourceAsStream(name)) {
            return QueryFactory.create(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
