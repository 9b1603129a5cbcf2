package org.skillgraph.harvest;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.skillgraph.map.Ctids;
import org.skillgraph.model.FrameworkKind;
import org.skillgraph.vocab.ASN;
import org.skillgraph.vocab.CEASN;
import org.skillgraph.vocab.CETERMS;
import org.skillgraph.vocab.PROV;
import org.skillgraph.vocab.SG;

/**
 * One framework read from its document graph as CASE sees it: the document, its items in tree order
 * (depth first) and the associations between them. Identifiers are the UUID part of each node's
 * {@code ceterms:ctid}; an association's is a UUID v5 of its origin, type and destination.
 * Nodes without a CTID have no CASE identity and are left out.
 */
final class CaseTree {
    /** The name space of association identifiers: UUID v5 of the URL name space and this IRI. */
    static final UUID ASSOCIATION_NAMESPACE = Ctids.uuid5(UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8"),
            "https://w3id.org/skillgraph/case/association");
    static final String IS_CHILD_OF = "isChildOf";
    static final String HAS_SKILL_LEVEL = "hasSkillLevel";
    static final String TYPE_LEVEL = "Proficiency Level";
    static final String TYPE_DOMAIN = "Durable Skill Domain";
    static final String TYPE_COMPETENCY = "Competency";
    private static final Pattern CTID = Pattern.compile("ce-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");
    private static final Map<Resource, FrameworkKind> KINDS = Map.of(SG.OccupationalFramework, FrameworkKind.OCCUPATIONAL,
            SG.AiUsageFramework, FrameworkKind.AI_USAGE, SG.DurableSkillsFramework, FrameworkKind.DURABLE_SKILLS);

    /** The framework: what a CFDocument says. */
    record Doc(UUID id, String resource, String title, String creator, String publisher, FrameworkKind kind,
               String version, Instant lastChange, String description, String occupation, String soc, String language) {
        Node node() {
            return new Node(id, title, true);
        }

        /** This document changed at {@code time} instead. */
        Doc changedAt(Instant time) {
            return new Doc(id, resource, title, creator, publisher, kind, version, time, description, occupation, soc,
                    language);
        }
    }

    /** A level, a durable-skill domain or a statement. */
    record Item(UUID id, String fullStatement, String abbreviatedStatement, String alternativeLabel, String type,
                String humanCodingScheme, String listEnumeration, String language) {
        Node node() {
            return new Node(id, abbreviatedStatement != null ? abbreviatedStatement : fullStatement, false);
        }
    }

    /** An end of an association: a document or an item. */
    record Node(UUID id, String title, boolean document) {
    }

    /** A child is the origin and its parent the destination; {@code sequence} orders siblings (or is null). */
    record Association(UUID id, String type, Integer sequence, Node origin, Node destination) {
    }

    private final Doc doc;
    private final List<Item> items;
    private final List<Association> associations;

    private CaseTree(Doc doc, List<Item> items, List<Association> associations) {
        this.doc = doc;
        this.items = List.copyOf(items);
        this.associations = List.copyOf(associations);
    }

    Doc doc() {
        return doc;
    }

    /** This tree with its document (and so every item and association) changed at {@code time}. */
    CaseTree changedAt(Instant time) {
        return new CaseTree(doc.changedAt(time), items, associations);
    }

    List<Item> items() {
        return items;
    }

    List<Association> associations() {
        return associations;
    }

    Optional<Item> item(UUID id) {
        return items.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    Optional<Association> association(UUID id) {
        return associations.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /** The associations an item takes part in, as origin or as destination. */
    List<Association> associationsOf(UUID item) {
        return associations.stream().filter(a -> a.origin().id().equals(item) || a.destination().id().equals(item))
                .toList();
    }

    /** The UUID part of a resource's CTID, or null when it has none. */
    static UUID id(Resource r) {
        Statement s = r.getProperty(CETERMS.ctid);
        if (s == null || !s.getObject().isLiteral()) {
            return null;
        }
        var m = CTID.matcher(s.getString());
        return m.matches() ? UUID.fromString(m.group(1)) : null;
    }

    static UUID associationId(UUID origin, String type, UUID destination) {
        return Ctids.uuid5(ASSOCIATION_NAMESPACE, origin + " " + type + " " + destination);
    }

    /** Only the document part of a framework (for listings), or null when the framework has no CASE identity. */
    static Doc document(Model graph, String graphName, Resource framework) {
        UUID id = id(framework);
        if (id == null) {
            return null;
        }
        Resource occupation = framework.getPropertyResourceValue(SG.forOccupation);
        String soc = occupation == null ? null : string(occupation, SKOS.notation);
        String title = string(framework, CEASN.name);
        if (title == null) {
            title = string(framework, SKOS.prefLabel);
        }
        String publisher = string(framework, CEASN.publisherName);
        Literal generated = literal(graph.createResource(graphName), PROV.generatedAtTime);
        Instant changed = generated == null ? Instant.EPOCH : instant(generated);
        FrameworkKind kind = framework.listProperties(RDF.type).toList().stream().map(Statement::getObject)
                .filter(KINDS::containsKey).map(KINDS::get).findFirst().orElse(FrameworkKind.OCCUPATIONAL);
        String language = string(framework, CEASN.inLanguage);
        return new Doc(id, framework.getURI(), title == null ? framework.getURI() : title,
                publisher == null ? "skillgraph" : publisher, publisher, kind, string(framework, OWL.versionInfo),
                changed, string(framework, CEASN.description), occupation == null ? null : string(occupation,
                SKOS.prefLabel), soc, language == null ? "en" : language);
    }

    /** Reads a framework and everything under it from its document graph (null without a CASE identity). */
    static CaseTree read(Model graph, String graphName, Resource framework) {
        Doc doc = document(graph, graphName, framework);
        if (doc == null) {
            return null;
        }
        String prefix = (doc.soc() == null ? doc.id().toString() : doc.soc()) + switch (doc.kind()) {
            case OCCUPATIONAL -> "";
            case AI_USAGE -> ".AI";
            case DURABLE_SKILLS -> ".DS";
        };
        List<Resource> levels = ranked(graph, framework.getPropertyResourceValue(ASN.hasProgressionModel),
                ASN.ProgressionLevel, SG.rank);
        List<Resource> domains = ranked(graph, framework, SG.DurableSkillDomain, SG.position);
        Map<Resource, String> abbreviations = abbreviations(levels);

        Map<Resource, Item> levelItems = new LinkedHashMap<>();
        for (Resource l : levels) {
            String label = string(l, SKOS.prefLabel);
            if (id(l) != null) {
                levelItems.put(l, new Item(id(l), label == null ? "Level " + number(l, SG.rank) : label, null,
                        string(l, SG.roleLabel), TYPE_LEVEL, prefix + "." + abbreviations.get(l), number(l, SG.rank),
                        doc.language()));
            }
        }
        Map<Resource, Item> domainItems = new LinkedHashMap<>();
        for (Resource d : domains) {
            String label = string(d, SKOS.prefLabel);
            if (id(d) != null) {
                domainItems.put(d, new Item(id(d), label == null ? "Domain " + number(d, SG.position) : label, null,
                        null, TYPE_DOMAIN, prefix + "." + number(d, SG.position), number(d, SG.position),
                        doc.language()));
            }
        }

        // statements grouped under their parent (a domain for durable skills, else a level), ordered by
        // level rank then list position
        Map<Resource, Integer> rank = new HashMap<>();
        for (int i = 0; i < levels.size(); i++) {
            rank.put(levels.get(i), i);
        }
        List<Stmt> statements = graph.listSubjectsWithProperty(CEASN.isPartOf, framework).toList().stream()
                .filter(s -> s.hasProperty(RDF.type, CEASN.Competency)).map(Stmt::read).filter(s -> s.id() != null)
                .sorted(Comparator.comparing((Stmt s) -> rank.getOrDefault(s.level(), Integer.MAX_VALUE))
                        .thenComparingInt(Stmt::listId).thenComparing(Stmt::uri))
                .toList();
        Map<Resource, List<Stmt>> children = new LinkedHashMap<>();
        boolean byDomain = !domains.isEmpty();
        for (Stmt s : statements) {
            children.computeIfAbsent(byDomain ? s.domain() : s.level(), k -> new ArrayList<>()).add(s);
        }

        List<Item> items = new ArrayList<>();
        List<Association> associations = new ArrayList<>();
        Node root = doc.node();
        // levels: children of the document (after the domains, when there are domains)
        for (Map.Entry<Resource, Item> e : levelItems.entrySet()) {
            Item level = e.getValue();
            items.add(level);
            associations.add(association(level.node(), IS_CHILD_OF, root,
                    domainItems.size() + Integer.parseInt(level.listEnumeration())));
            if (!byDomain) {
                statements(children.get(e.getKey()), level.node(), prefix, levelItems, abbreviations, doc, items,
                        associations);
            }
        }
        for (Map.Entry<Resource, Item> e : domainItems.entrySet()) {
            Item domain = e.getValue();
            items.add(domain);
            associations.add(association(domain.node(), IS_CHILD_OF, root, Integer.parseInt(domain.listEnumeration())));
            statements(children.get(e.getKey()), domain.node(), domain.humanCodingScheme(), levelItems, abbreviations,
                    doc, items, associations);
        }
        // statements whose parent is not part of the framework hang from the document itself
        children.keySet().stream().filter(p -> p == null || !levelItems.containsKey(p) && !domainItems.containsKey(p))
                .forEach(p -> statements(children.get(p), root, prefix, levelItems, abbreviations, doc, items,
                        associations));
        return new CaseTree(doc, items, associations);
    }

    /**
     * The statements under one parent. Codes: {@code 29-2011.00.P.3} (the 3rd Proficient statement),
     * {@code 29-2011.00.AI.P.3}, durable skills {@code 29-2011.00.DS.6.EM.1} (domain 6, 1st Emerging statement).
     */
    private static void statements(List<Stmt> statements, Node parent, String codePrefix,
                                   Map<Resource, Item> levelItems, Map<Resource, String> abbreviations, Doc doc,
                                   List<Item> items, List<Association> associations) {
        if (statements == null) {
            return;
        }
        boolean underLevel = levelItems.values().stream().anyMatch(l -> l.node().equals(parent));
        int ordinal = 0;
        for (Stmt s : statements) {
            ordinal++;
            Resource level = s.level();
            int position = s.listId() == Integer.MAX_VALUE ? ordinal : s.listId();
            String listId = Integer.toString(position);
            String levelCode = level == null || abbreviations.get(level) == null ? "" : abbreviations.get(level) + ".";
            String code = underLevel ? parentCode(levelItems, parent) + "." + listId
                    : codePrefix + "." + levelCode + listId;
            Item item = new Item(s.id(), s.text(), s.label(), null, TYPE_COMPETENCY, code, listId, doc.language());
            items.add(item);
            associations.add(association(item.node(), IS_CHILD_OF, parent, underLevel ? position : ordinal));
            Item levelItem = level == null ? null : levelItems.get(level);
            if (!underLevel && levelItem != null) {
                associations.add(association(item.node(), HAS_SKILL_LEVEL, levelItem.node(), null));
            }
        }
    }

    private static String parentCode(Map<Resource, Item> levelItems, Node parent) {
        return levelItems.values().stream().filter(l -> l.node().equals(parent)).findFirst().orElseThrow()
                .humanCodingScheme();
    }

    private static Association association(Node origin, String type, Node destination, Integer sequence) {
        return new Association(associationId(origin.id(), type, destination.id()), type, sequence, origin, destination);
    }

    /**
     * Level abbreviations for codes: the shortest prefix of each label's letters that no other level of the
     * framework shares (Emerging, Developing, Proficient, Advanced → E, D, P, A; Emerging, Developing,
     * Applying, Exceeding → EM, D, A, EX); a level whose label gives none uses its rank.
     */
    static Map<Resource, String> abbreviations(List<Resource> levels) {
        Map<Resource, String> letters = new LinkedHashMap<>();
        for (Resource l : levels) {
            String label = string(l, SKOS.prefLabel);
            letters.put(l, label == null ? "" : label.replaceAll("[^\\p{L}]", "").toUpperCase(Locale.ROOT));
        }
        Map<Resource, String> out = new LinkedHashMap<>();
        for (Map.Entry<Resource, String> e : letters.entrySet()) {
            String mine = e.getValue();
            String chosen = null;
            for (int n = 1; n <= mine.length() && chosen == null; n++) {
                String p = mine.substring(0, n);
                boolean shared = letters.entrySet().stream().anyMatch(o -> o.getKey() != e.getKey()
                        && o.getValue().startsWith(p));
                if (!shared) {
                    chosen = p;
                }
            }
            out.put(e.getKey(), chosen != null ? chosen : number(e.getKey(), SG.rank));
        }
        return out;
    }

    /** The members of a scheme of one type, ordered by an integer property (then URI). */
    private static List<Resource> ranked(Model graph, Resource scheme, Resource type, Property order) {
        if (scheme == null) {
            return List.of();
        }
        return graph.listSubjectsWithProperty(SKOS.inScheme, scheme).toList().stream()
                .filter(r -> r.hasProperty(RDF.type, type))
                .sorted(Comparator.comparingInt((Resource r) -> integer(r, order)).thenComparing(Resource::getURI))
                .toList();
    }

    /** What a statement contributes, read once (sorting and grouping look at it many times). */
    private record Stmt(String uri, UUID id, Resource level, Resource domain, int listId, String text, String label) {
        static Stmt read(Resource s) {
            String text = string(s, CEASN.competencyText);
            if (text == null) {
                text = string(s, SKOS.prefLabel) != null ? string(s, SKOS.prefLabel) : s.getURI();
            }
            int listId;
            try {
                listId = Integer.parseInt(string(s, CEASN.listID).strip());
            } catch (NumberFormatException | NullPointerException e) {
                listId = Integer.MAX_VALUE;
            }
            return new Stmt(s.getURI(), CaseTree.id(s), s.getPropertyResourceValue(ASN.hasProgressionLevel),
                    s.getPropertyResourceValue(SG.domain), listId, text, string(s, CEASN.competencyLabel));
        }
    }

    private static int integer(Resource r, Property p) {
        Literal l = literal(r, p);
        try {
            return l == null ? Integer.MAX_VALUE : l.getInt();
        } catch (RuntimeException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static String number(Resource r, Property p) {
        int n = integer(r, p);
        return n == Integer.MAX_VALUE ? "0" : Integer.toString(n);
    }

    /** An {@code xsd:dateTime} as an instant (UTC when it has no time zone; the epoch when it is no date-time). */
    private static Instant instant(Literal l) {
        try {
            return OffsetDateTime.parse(l.getLexicalForm()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(l.getLexicalForm()).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                return Instant.EPOCH;
            }
        }
    }

    private static Literal literal(Resource r, Property p) {
        Statement s = r.getProperty(p);
        return s != null && s.getObject().isLiteral() ? s.getLiteral() : null;
    }

    /** The value of a literal property, preferring English, or null. */
    static String string(Resource r, Property p) {
        String any = null;
        for (Statement s : r.listProperties(p).toList()) {
            RDFNode o = s.getObject();
            if (!o.isLiteral()) {
                continue;
            }
            String lang = o.asLiteral().getLanguage();
            if (lang.isEmpty() || lang.toLowerCase(Locale.ROOT).startsWith("en")) {
                return o.asLiteral().getLexicalForm();
            }
            any = any == null ? o.asLiteral().getLexicalForm() : any;
        }
        return any;
    }
}
