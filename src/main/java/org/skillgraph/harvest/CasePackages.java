package org.skillgraph.harvest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.skillgraph.vocab.CETERMS;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store as 1EdTech CASE 1.1: one CFDocument (and CFPackage) per competency framework, its levels,
 * durable-skill domains and statements as CFItems, and {@code isChildOf} / {@code hasSkillLevel}
 * CFAssociations between them, each as the Jackson tree of the CASE 1.1 schema it answers to.
 * <pre>{@code
 * CasePackages cases = CasePackages.of(store.dataset());
 * String caseBase = "https://data.example.org/ims/case/v1p1/";   // where the CASE API is (or will be) served
 * for (UUID id : cases.documentIds()) {
 *     ObjectNode pkg = cases.pack(id, caseBase).orElseThrow();      // CFPackageDType
 * }
 * }</pre>
 * <ul>
 * <li>Identifiers are lowercase UUIDs: a framework's, level's, domain's or statement's is the UUID of its
 * {@code ceterms:ctid}; an association's is a UUID v5 of origin, type and destination.</li>
 * <li>{@code uri}s are {@code caseBase} + the object's endpoint ({@code CFDocuments/{id}}, {@code CFItems/{id}},
 * {@code CFAssociations/{id}}, {@code CFPackages/{id}}); a CFDocument's {@code officialSourceURL} is the
 * framework's linked-data URI.</li>
 * <li>When several versions of a framework are stored (they share a CTID), the newest version is the
 * CFDocument.</li>
 * </ul>
 * An instance reads the store as it is when first asked (the list of documents; the association index on
 * the first association lookup) and keeps that view: make a new one after the store has changed.
 */
public final class CasePackages {
    /** The CASE 1.1 base path, under the site's base. */
    public static final String BASE_PATH = "ims/case/v1p1/";
    private static final Logger LOG = LoggerFactory.getLogger(CasePackages.class);
    private static final Query FRAMEWORKS = load("case-frameworks.rq");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** A framework that is a CFDocument: where it is stored and what its document says. */
    private record Entry(int number, String graph, String framework, CaseTree.Doc doc) {
    }

    /** The CFDocuments, in order (by occupation code, then kind of framework). */
    private record Catalog(List<Entry> entries, Map<UUID, Entry> byId, Map<String, List<Entry>> byGraph) {
    }

    private final Dataset dataset;
    private volatile Catalog catalog;
    private volatile AssociationIndex associations;

    private CasePackages(Dataset dataset) {
        this.dataset = dataset;
    }

    /** The CASE view of a dataset of document graphs (TDB2 or any other). */
    public static CasePackages of(Dataset dataset) {
        return new CasePackages(dataset);
    }

    /** How many CFDocuments there are. */
    public int documentCount() {
        return catalog().entries().size();
    }

    /** The CFDocument identifiers, in the order {@link #documents} lists them. */
    public List<UUID> documentIds() {
        return catalog().entries().stream().map(e -> e.doc().id()).toList();
    }

    /** One page of CFDocuments: {@code {"CFDocuments": [CFDocumentDType…]}} (may hold none). */
    public ObjectNode documents(String caseBase, int offset, int limit) {
        ArrayNode docs = JSON.arrayNode();
        List<Entry> entries = catalog().entries();
        for (int i = Math.max(0, offset); i < entries.size() && i - offset < limit; i++) {
            docs.add(document(entries.get(i).doc(), caseBase, true));
        }
        ObjectNode set = JSON.objectNode();
        set.set("CFDocuments", docs);
        return set;
    }

    /** A CFDocument (CFDocumentDType), if {@code id} is one. */
    public Optional<ObjectNode> document(UUID id, String caseBase) {
        Entry e = catalog().byId().get(id);
        return e == null ? Optional.empty() : Optional.of(document(e.doc(), caseBase, true));
    }

    /** A CFPackage (CFPackageDType): the document, all its items and all its associations. */
    public Optional<ObjectNode> pack(UUID id, String caseBase) {
        Entry e = catalog().byId().get(id);
        if (e == null) {
            return Optional.empty();
        }
        CaseTree tree = tree(e);
        ObjectNode pkg = JSON.objectNode();
        pkg.set("CFDocument", document(tree.doc(), caseBase, false));
        ArrayNode items = pkg.putArray("CFItems");
        tree.items().forEach(i -> items.add(item(i, tree.doc(), caseBase, false)));
        ArrayNode assocs = pkg.putArray("CFAssociations");
        tree.associations().forEach(a -> assocs.add(association(a, tree.doc(), caseBase, false)));
        return Optional.of(pkg);
    }

    /** A CFItem (CFItemDType), if {@code id} is a level, domain or statement of a CFDocument. */
    public Optional<ObjectNode> item(UUID id, String caseBase) {
        return treeOfItem(id).map(t -> item(t.item(id).orElseThrow(), t.doc(), caseBase, true));
    }

    /** An item and the associations it takes part in as origin or destination (CFAssociationSetDType). */
    public Optional<ObjectNode> itemAssociations(UUID id, String caseBase) {
        return treeOfItem(id).map(t -> {
            ObjectNode set = JSON.objectNode();
            set.set("CFItem", item(t.item(id).orElseThrow(), t.doc(), caseBase, true));
            ArrayNode assocs = set.putArray("CFAssociations");
            t.associationsOf(id).forEach(a -> assocs.add(association(a, t.doc(), caseBase, false)));
            return set;
        });
    }

    /** A CFAssociation (CFAssociationDType). The first call indexes every association of the store. */
    public Optional<ObjectNode> association(UUID id, String caseBase) {
        int n = associations().documentOf(id);
        if (n < 0) {
            return Optional.empty();
        }
        CaseTree tree = tree(catalog().entries().get(n));
        return tree.association(id).map(a -> association(a, tree.doc(), caseBase, true));
    }

    // ---- JSON ---------------------------------------------------------------------------------------

    private static ObjectNode document(CaseTree.Doc d, String caseBase, boolean withPackage) {
        ObjectNode o = JSON.objectNode();
        o.put("identifier", d.id().toString());
        o.put("uri", caseBase + "CFDocuments/" + d.id());
        o.put("frameworkType", d.kind().label());
        o.put("caseVersion", "1.1");
        o.put("creator", d.creator());
        o.put("title", d.title());
        o.put("lastChangeDateTime", d.lastChange().toString());
        o.put("officialSourceURL", d.resource());
        if (d.publisher() != null) {
            o.put("publisher", d.publisher());
        }
        if (d.description() != null) {
            o.put("description", d.description());
        }
        if (d.occupation() != null) {
            o.putArray("subject").add(d.soc() == null ? d.occupation() : d.occupation() + " (" + d.soc() + ")");
        }
        o.put("language", d.language());
        if (d.version() != null) {
            o.put("version", d.version());
        }
        if (withPackage) {
            o.set("CFPackageURI", link(d.title(), d.id(), caseBase + "CFPackages/" + d.id()));
        }
        return o;
    }

    private static ObjectNode item(CaseTree.Item i, CaseTree.Doc d, String caseBase, boolean withDocument) {
        ObjectNode o = JSON.objectNode();
        o.put("identifier", i.id().toString());
        o.put("fullStatement", i.fullStatement());
        if (i.alternativeLabel() != null) {
            o.put("alternativeLabel", i.alternativeLabel());
        }
        o.put("CFItemType", i.type());
        o.put("uri", caseBase + "CFItems/" + i.id());
        o.put("humanCodingScheme", i.humanCodingScheme());
        o.put("listEnumeration", i.listEnumeration());
        if (i.abbreviatedStatement() != null) {
            o.put("abbreviatedStatement", i.abbreviatedStatement());
        }
        o.put("language", i.language());
        o.put("lastChangeDateTime", d.lastChange().toString());
        if (withDocument) {
            o.set("CFDocumentURI", link(d.title(), d.id(), caseBase + "CFDocuments/" + d.id()));
        }
        return o;
    }

    private static ObjectNode association(CaseTree.Association a, CaseTree.Doc d, String caseBase,
                                          boolean withDocument) {
        ObjectNode o = JSON.objectNode();
        o.put("identifier", a.id().toString());
        o.put("associationType", a.type());
        if (a.sequence() != null) {
            o.put("sequenceNumber", a.sequence());
        }
        o.put("uri", caseBase + "CFAssociations/" + a.id());
        o.set("originNodeURI", node(a.origin(), caseBase));
        o.set("destinationNodeURI", node(a.destination(), caseBase));
        o.put("lastChangeDateTime", d.lastChange().toString());
        if (withDocument) {
            o.set("CFDocumentURI", link(d.title(), d.id(), caseBase + "CFDocuments/" + d.id()));
        }
        return o;
    }

    private static ObjectNode node(CaseTree.Node n, String caseBase) {
        return link(n.title(), n.id(), caseBase + (n.document() ? "CFDocuments/" : "CFItems/") + n.id());
    }

    private static ObjectNode link(String title, UUID id, String uri) {
        ObjectNode o = JSON.objectNode();
        o.put("title", title);
        o.put("identifier", id.toString());
        o.put("uri", uri);
        return o;
    }

    // ---- reading the store --------------------------------------------------------------------------

    /** The tree of a CFDocument, dated as the catalog dates it (see {@link #readCatalog}). */
    private CaseTree tree(Entry e) {
        CaseTree tree = Txn.calculateRead(dataset, () -> {
            Model g = dataset.getNamedModel(e.graph());
            return CaseTree.read(g, e.graph(), g.createResource(e.framework()));
        });
        return tree == null ? null : tree.changedAt(e.doc().lastChange());
    }

    /** The tree of the CFDocument an item belongs to: the item's CTID, in a graph that holds a CFDocument. */
    private Optional<CaseTree> treeOfItem(UUID id) {
        Catalog c = catalog();
        Node ctid = NodeFactory.createLiteralString("ce-" + id);
        List<String> graphs = Txn.calculateRead(dataset, () -> {
            List<String> found = new ArrayList<>();
            dataset.asDatasetGraph().find(Node.ANY, Node.ANY, CETERMS.ctid.asNode(), ctid).forEachRemaining(q -> {
                if (q.getGraph().isURI() && !Quad.isDefaultGraph(q.getGraph())) {
                    found.add(q.getGraph().getURI());
                }
            });
            return found;
        });
        for (String graph : graphs) {
            for (Entry e : c.byGraph().getOrDefault(graph, List.of())) {
                CaseTree tree = tree(e);
                if (tree != null && tree.item(id).isPresent()) {
                    return Optional.of(tree);
                }
            }
        }
        return Optional.empty();
    }

    private Catalog catalog() {
        Catalog c = catalog;
        if (c == null) {
            synchronized (this) {
                c = catalog;
                if (c == null) {
                    c = readCatalog();
                    catalog = c;
                }
            }
        }
        return c;
    }

    private Catalog readCatalog() {
        Map<UUID, Entry> newest = new HashMap<>();
        Txn.executeRead(dataset, () -> {
            try (QueryExecution qe = QueryExecution.create().query(FRAMEWORKS).dataset(dataset).build()) {
                qe.execSelect().forEachRemaining(row -> {
                    String graph = row.getResource("graph").getURI();
                    Model g = dataset.getNamedModel(graph);
                    CaseTree.Doc doc = CaseTree.document(g, graph, g.createResource(row.getResource("framework")
                            .getURI()));
                    if (doc == null) {
                        return;
                    }
                    Entry e = new Entry(0, graph, row.getResource("framework").getURI(), doc);
                    newest.merge(doc.id(), e, (a, b) -> NEWER.compare(a, b) >= 0 ? a : b);
                });
            }
            // a document's lastChangeDateTime is no earlier than the change feed's newest entry about its framework:
            // the version served after the newest was removed was imported before what clients already hold, and the
            // feed updates it at the removal
            newest.replaceAll((id, e) -> new Entry(e.number(), e.graph(), e.framework(), e.doc().changedAt(
                    FeedDates.notBeforeFeed(dataset.asDatasetGraph(), "ce-" + id, e.doc().lastChange()))));
        });
        List<Entry> sorted = newest.values().stream().sorted(Comparator.comparing((Entry e) ->
                e.doc().soc() == null ? "" : e.doc().soc()).thenComparing(e -> e.doc().kind())
                .thenComparing(Entry::framework)).toList();
        List<Entry> entries = new ArrayList<>();
        Map<UUID, Entry> byId = new HashMap<>();
        Map<String, List<Entry>> byGraph = new LinkedHashMap<>();
        for (Entry e : sorted) {
            Entry numbered = new Entry(entries.size(), e.graph(), e.framework(), e.doc());
            entries.add(numbered);
            byId.put(e.doc().id(), numbered);
            byGraph.computeIfAbsent(e.graph(), k -> new ArrayList<>()).add(numbered);
        }
        LOG.debug("CASE: {} CFDocuments", entries.size());
        return new Catalog(List.copyOf(entries), Map.copyOf(byId), Map.copyOf(byGraph));
    }

    private AssociationIndex associations() {
        AssociationIndex index = associations;
        if (index == null) {
            synchronized (this) {
                index = associations;
                if (index == null) {
                    long start = System.nanoTime();
                    AssociationIndex.Builder b = new AssociationIndex.Builder();
                    for (Entry e : catalog().entries()) {
                        CaseTree tree = tree(e);
                        if (tree != null) {
                            tree.associations().forEach(a -> b.add(a.id(), e.number()));
                        }
                    }
                    index = b.build();
                    associations = index;
                    LOG.info("CASE: indexed {} associations of {} documents in {} ms", index.size(),
                            catalog().entries().size(), (System.nanoTime() - start) / 1_000_000);
                }
            }
        }
        return index;
    }

    /** Orders two stored versions of one framework: the higher version number, then the later import. */
    private static final Comparator<Entry> NEWER = Comparator.comparing((Entry e) -> e.doc().version(),
            Comparator.nullsFirst(org.skillgraph.model.Versions::compare)).thenComparing(e -> e.doc().lastChange())
            .thenComparing(Entry::graph);

    private static Query load(String name) {
        try (InputStream in = CasePackages.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing query resource " + name);
            }
            return QueryFactory.create(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
