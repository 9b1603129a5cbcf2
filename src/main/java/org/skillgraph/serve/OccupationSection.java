package org.skillgraph.serve;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.jsoup.nodes.Element;
import org.skillgraph.vocab.ASN;
import org.skillgraph.vocab.CEASN;
import org.skillgraph.vocab.CITO;
import org.skillgraph.vocab.SG;

/**
 * An occupation as a readable document: its frameworks with their levels and statements (topic, text and
 * citation links), the evidence pack, and its O*NET anchors by kind. Reads the union graph directly.
 */
final class OccupationSection {
    private static final List<Resource> FRAMEWORK_ORDER = List.of(SG.OccupationalFramework, SG.AiUsageFramework,
            SG.DurableSkillsFramework);
    private static final List<Property> ANCHOR_LINKS = List.of(SG.hasSkill, SG.hasKnowledge, SG.hasAbility,
            SG.hasWorkStyle, SG.usesTechnology, SG.hasApprenticeship);

    private final SitePaths site;
    private final Model union;
    private final PageNames names;
    /** Numbers (ranks, list IDs, positions) read while rendering this page, which sorting asks for again and again. */
    private final Map<List<RDFNode>, Integer> numbers = new HashMap<>();

    OccupationSection(SitePaths site, Model union, PageNames names) {
        this.site = site;
        this.union = union;
        this.names = names;
    }

    void render(Element main, Resource occupation) {
        Element summary = main.appendElement("section").addClass("summary");
        Element facts = summary.appendElement("dl").addClass("facts");
        fact(facts, "SOC code", string(occupation, SKOS.notation));
        fact(facts, "Job zone", join(string(occupation, SG.jobZone), string(occupation, SG.jobZoneLabel)));
        List<String> titles = strings(occupation, SKOS.altLabel);
        if (!titles.isEmpty()) {
            fact(facts, "Also called", String.join(" · ", titles));
        }
        Element toc = summary.appendElement("nav").addClass("toc").attr("aria-label", "Frameworks");
        List<Resource> frameworks = union.listObjectsOfProperty(occupation, SG.hasFramework).mapWith(RDFNode::asResource)
                .toList().stream().sorted(Comparator.comparingInt(this::kindOrder).thenComparing(Resource::getURI)).toList();
        for (Resource fw : frameworks) {
            toc.appendElement("a").attr("href", "#" + anchorId(fw)).text(label(fw));
        }
        for (Resource fw : frameworks) {
            framework(main, fw);
        }
        evidence(main, occupation);
        anchors(main, occupation);
    }

    private void framework(Element main, Resource fw) {
        Element section = main.appendElement("section").addClass("framework").attr("id", anchorId(fw));
        Element h2 = section.appendElement("h2");
        Html.link(h2, site, fw.getURI(), label(fw));
        String version = string(fw, org.apache.jena.vocabulary.OWL.versionInfo);
        if (version != null) {
            h2.appendElement("span").addClass("version").text(version);
        }
        String context = string(fw, SG.contextCovered);
        String description = string(fw, CEASN.description);
        if (description != null) {
            section.appendElement("p").text(description);
        }
        if (context != null) {
            section.appendElement("p").addClass("context").text(context);
        }
        List<Resource> statements = union.listSubjectsWithProperty(CEASN.isPartOf, fw).toList();
        Map<Resource, List<Resource>> byDomain = statements.stream().collect(Collectors.groupingBy(
                s -> s.getPropertyResourceValue(SG.domain) == null ? fw : s.getPropertyResourceValue(SG.domain),
                () -> new TreeMap<>(Comparator.comparingInt((Resource d) -> intOf(d, SG.position))
                        .thenComparing(Resource::getURI)), Collectors.toList()));
        for (Map.Entry<Resource, List<Resource>> domain : byDomain.entrySet()) {
            Element parent = section;
            if (!domain.getKey().equals(fw)) {
                parent = section.appendElement("section").addClass("domain");
                Html.link(parent.appendElement("h3"), site, domain.getKey().getURI(), label(domain.getKey()));
            }
            levels(parent, domain.getValue(), domain.getKey().equals(fw) ? "h3" : "h4");
        }
    }

    private void levels(Element parent, List<Resource> statements, String heading) {
        Map<Resource, List<Resource>> byLevel = statements.stream().collect(Collectors.groupingBy(
                s -> s.getPropertyResourceValue(ASN.hasProgressionLevel),
                () -> new TreeMap<>(Comparator.comparingInt((Resource l) -> intOf(l, SG.rank)).thenComparing(Resource::getURI)),
                Collectors.toList()));
        for (Map.Entry<Resource, List<Resource>> level : byLevel.entrySet()) {
            Element h = parent.appendElement(heading).addClass("level");
            Html.link(h, site, level.getKey().getURI(), label(level.getKey()));
            String role = string(level.getKey(), SG.roleLabel);
            if (role != null) {
                h.appendElement("span").addClass("role").text(role);
            }
            Element ol = parent.appendElement("ol").addClass("statements");
            level.getValue().stream().sorted(Comparator.comparingInt(s -> intOf(s, CEASN.listID)))
                    .forEach(s -> statement(ol.appendElement("li"), s));
        }
    }

    private void statement(Element li, Resource s) {
        String topic = string(s, CEASN.competencyLabel);
        String text = string(s, CEASN.competencyText);
        if (topic != null) {
            Html.link(li.appendElement("strong"), site, s.getURI(), topic);
            li.appendText(" \u2014 " + (text == null ? "" : text));
        } else {
            Html.link(li, site, s.getURI(), text == null ? label(s) : text);
        }
        if (s.hasLiteral(SG.needsReview, true)) {
            li.appendElement("span").addClass("review").attr("title", String.join("\n", strings(s, SG.reviewNote)))
                    .text("needs review");
        }
        List<Resource> cites = union.listObjectsOfProperty(s, CITO.citesAsEvidence).mapWith(RDFNode::asResource).toList();
        if (!cites.isEmpty()) {
            Element span = li.appendElement("span").addClass("cites");
            for (Resource c : cites) {
                String label = names.chip(c, () -> Optional.ofNullable(string(c, SG.citationLabel))).orElse(null);
                span.appendElement("a").addClass("chip").attr("href", site.href(c.getURI()))
                        .attr("title", label(c)).text(label == null ? label(c) : label);
            }
        }
    }

    private void evidence(Element main, Resource occupation) {
        for (RDFNode packNode : union.listObjectsOfProperty(occupation, SG.evidencePack).toList()) {
            Resource pack = packNode.asResource();
            Element section = main.appendElement("section").addClass("evidence");
            Html.link(section.appendElement("h2"), site, pack.getURI(), "Evidence pack "
                    + java.util.Objects.requireNonNullElse(string(pack, org.apache.jena.vocabulary.OWL.versionInfo), ""));
            Element dl = section.appendElement("dl").addClass("facts");
            union.listStatements(pack, null, (RDFNode) null).toList().stream()
                    .filter(st -> !st.getPredicate().equals(RDF.type) && st.getObject().isLiteral())
                    .sorted(Comparator.comparing(st -> Labels.ofProperty(union, st.getPredicate())))
                    .forEach(st -> fact(dl, Labels.ofProperty(union, st.getPredicate()), st.getObject().asLiteral()
                            .getLexicalForm()));
        }
    }

    private void anchors(Element main, Resource occupation) {
        Element section = main.appendElement("section").addClass("anchors");
        section.appendElement("h2").text("O*NET anchors");
        for (Property p : ANCHOR_LINKS) {
            List<Resource> anchors = union.listObjectsOfProperty(occupation, p).mapWith(RDFNode::asResource).toList();
            if (anchors.isEmpty()) {
                continue;
            }
            section.appendElement("h3").text(capitalise(Labels.ofProperty(union, p).replaceFirst("^(has|uses) ", ""))
                    + " (" + anchors.size() + ")");
            Element ul = section.appendElement("ul").addClass("tags");
            anchors.stream().sorted(Comparator.comparing(a -> label(a)))
                    .forEach(a -> Html.link(ul.appendElement("li"), site, a.getURI(), label(a)));
        }
        List<Resource> listings = union.listObjectsOfProperty(occupation, SG.taskListing).mapWith(RDFNode::asResource)
                .toList().stream().sorted(Comparator.comparing((Resource l) -> l.getURI().replaceAll("/\\d+$", ""))
                        .thenComparingInt(l -> intOf(l, SG.position))).toList();
        if (!listings.isEmpty()) {
            section.appendElement("h3").text("Tasks (" + listings.size() + ")");
            Element ol = section.appendElement("ol");
            for (Resource l : listings) {
                Resource task = l.getPropertyResourceValue(SG.task);
                Html.link(ol.appendElement("li"), site, task.getURI(), label(task));
            }
        }
        List<Resource> cips = union.listObjectsOfProperty(occupation, SG.instructionalProgram)
                .mapWith(RDFNode::asResource).toList();
        if (!cips.isEmpty()) {
            section.appendElement("h3").text("CIP education codes (" + cips.size() + ")");
            Element ul = section.appendElement("ul").addClass("tags");
            cips.stream().sorted(Comparator.comparing(Resource::getURI))
                    .forEach(c -> Html.link(ul.appendElement("li"), site, c.getURI(), string(c, SKOS.notation)));
        }
        List<Resource> docs = union.listSubjectsWithProperty(DCTerms.subject, occupation).toList();
        if (!docs.isEmpty()) {
            section.appendElement("h2").text("Source documents");
            Element ul = section.appendElement("ul");
            for (Resource d : docs) {
                ul.appendElement("li").appendElement("code").text(java.util.Objects.requireNonNullElse(
                        string(d, SG.fileName), d.getURI()));
                ul.children().last().appendText(" — imported " + java.util.Objects.requireNonNullElse(
                        string(d, org.skillgraph.vocab.PROV.generatedAtTime), "?"));
            }
        }
    }

    private int kindOrder(Resource fw) {
        for (int i = 0; i < FRAMEWORK_ORDER.size(); i++) {
            if (union.contains(fw, RDF.type, FRAMEWORK_ORDER.get(i))) {
                return i;
            }
        }
        return FRAMEWORK_ORDER.size();
    }

    private static String anchorId(Resource fw) {
        return fw.getURI().replaceAll(".*/framework/[^/]+/", "").replaceAll("[^A-Za-z0-9-]", "-");
    }

    private String label(Resource r) {
        return names.label(r, () -> Labels.of(union, r));
    }

    private String string(Resource r, Property p) {
        Statement s = union.getProperty(r, p);
        return s == null ? null : s.getObject().isLiteral() ? s.getObject().asLiteral().getLexicalForm()
                : label(s.getObject().asResource());
    }

    private List<String> strings(Resource r, Property p) {
        return union.listObjectsOfProperty(r, p).mapWith(n -> n.isLiteral() ? n.asLiteral().getLexicalForm()
                : n.toString()).toList().stream().sorted().toList();
    }

    private int intOf(Resource r, Property p) {
        return numbers.computeIfAbsent(List.of(r, p), k -> {
            String s = string(r, p);
            try {
                return s == null ? Integer.MAX_VALUE : Integer.parseInt(s);
            } catch (NumberFormatException e) {
                return Integer.MAX_VALUE;
            }
        });
    }

    private static void fact(Element dl, String name, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        dl.appendElement("dt").text(name);
        dl.appendElement("dd").text(value);
    }

    private static String join(String a, String b) {
        return a == null ? b : b == null ? a : a + " · " + b;
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

}
