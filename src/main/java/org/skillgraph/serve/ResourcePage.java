package org.skillgraph.serve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.RDF;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.skillgraph.vocab.CETERMS;

/**
 * The HTML page of any resource, from its description: its types, its properties with links to the
 * linked resources' pages, and what links to it (one page at a time). Occupations get their frameworks,
 * statements, citations and anchors laid out as a document first ({@link OccupationSection}).
 */
final class ResourcePage {
    private final SitePaths site;
    private final Model union;

    private final PageNames names;

    /** A page that looks each name up once. */
    ResourcePage(SitePaths site, Model union) {
        this(site, union, PageNames.onePage());
    }

    ResourcePage(SitePaths site, Model union, PageNames names) {
        this.site = site;
        this.union = union;
        this.names = names;
    }

    Document render(String uri, Describer.Description d, int page) {
        Model m = d.model();
        Resource r = m.createResource(uri);
        String title = Labels.of(m, r);
        Document doc = Html.page(site, title, null);
        Element main = Html.main(doc);
        Element header = main.appendElement("header").addClass("resource");
        Element kinds = header.appendElement("p").addClass("kinds");
        m.listObjectsOfProperty(r, RDF.type).toList().stream().filter(RDFNode::isURIResource)
                .map(RDFNode::asResource).sorted(Comparator.comparing(Resource::getURI))
                .forEach(t -> kinds.appendElement("a").addClass("kind").attr("href", site.href(t.getURI()))
                        .text(termLabel(t, () -> Labels.of(union, t))));
        header.appendElement("h1").text(title);
        header.appendElement("p").addClass("uri").appendElement("code").text(uri);
        alternates(header, uri, page);

        if (r.hasProperty(RDF.type, CETERMS.Occupation)) {
            new OccupationSection(site, union, names).render(main, union.createResource(uri));
        }
        properties(main, m, r);
        incoming(main, m, r, d.hasMore(), page);
        return doc;
    }

    /** The same page of the description in each RDF format, in the page's body and head. */
    private void alternates(Element parent, String uri, int page) {
        if (!site.hasDocument(uri)) {
            return; // the dataset's description: its formats are negotiated at its own address
        }
        Element p = parent.appendElement("p").addClass("formats");
        p.appendText("Data: ");
        for (Format f : Format.values()) {
            if (f != Format.HTML) {
                String href = SiteServlet.alternate(site, uri, f, page);
                p.appendElement("a").attr("href", href)
                        .attr("type", f.mediaType()).text(f.extension().toUpperCase(java.util.Locale.ROOT));
                p.appendText(" ");
                // for agents that read the page's head (a browser extension, a crawler): the same alternates
                parent.ownerDocument().head().appendElement("link").attr("rel", "alternate")
                        .attr("type", f.mediaType()).attr("href", href);
            }
        }
    }

    private void properties(Element main, Model m, Resource r) {
        Map<Property, List<RDFNode>> byProperty = new LinkedHashMap<>();
        m.listStatements(r, null, (RDFNode) null).toList().stream()
                .filter(s -> !s.getPredicate().equals(RDF.type))
                .sorted(Comparator.comparing((Statement s) -> propertyLabel(s.getPredicate()))
                        .thenComparing(s -> s.getObject().toString()))
                .forEach(s -> byProperty.computeIfAbsent(s.getPredicate(), k -> new ArrayList<>()).add(s.getObject()));
        if (byProperty.isEmpty()) {
            return;
        }
        Element section = main.appendElement("section").addClass("properties");
        section.appendElement("h2").text("Description");
        Element dl = section.appendElement("dl");
        byProperty.forEach((p, values) -> {
            dl.appendElement("dt").appendElement("a").attr("href", site.href(p.getURI()))
                    .attr("title", p.getURI()).text(propertyLabel(p));
            Element dd = dl.appendElement("dd");
            Element list = values.size() > 1 ? dd.appendElement("ul") : dd;
            for (RDFNode v : values) {
                value(values.size() > 1 ? list.appendElement("li") : list, m, v);
            }
        });
    }

    private void incoming(Element main, Model m, Resource r, boolean hasMore, int page) {
        Map<Property, List<Resource>> byProperty = new LinkedHashMap<>();
        m.listStatements(null, null, r).toList().stream()
                .filter(s -> !s.getPredicate().equals(FOAF.primaryTopic)) // the document itself
                .sorted(Comparator.comparing((Statement s) -> propertyLabel(s.getPredicate()))
                        .thenComparing(s -> Labels.of(m, s.getSubject())))
                .forEach(s -> byProperty.computeIfAbsent(s.getPredicate(), k -> new ArrayList<>()).add(s.getSubject()));
        if (byProperty.isEmpty()) {
            return;
        }
        Element section = main.appendElement("section").addClass("incoming");
        section.appendElement("h2").text("Linked from");
        byProperty.forEach((p, sources) -> {
            section.appendElement("h3").text("as " + propertyLabel(p) + " (" + sources.size()
                    + (hasMore ? "+" : "") + ")");
            Element ul = section.appendElement("ul").addClass("links");
            for (Resource s : sources) {
                Html.link(ul.appendElement("li"), site, s.getURI(), Labels.of(m, s));
            }
        });
        if (hasMore || page > 1) {
            // the pages of the HTML document, as the Link header and the RDF formats' hydra:first, hydra:previous
            // and hydra:next name them (the first without ?page); in the head too, for agents that read it
            String html = site.document(r.getURI()) + ".html";
            Element head = main.ownerDocument().head();
            head.appendElement("link").attr("rel", "first").attr("href", html);
            Element nav = section.appendElement("nav").addClass("pager").attr("aria-label", "More links");
            if (page > 1) {
                String previous = page == 2 ? html : html + "?page=" + (page - 1);
                head.appendElement("link").attr("rel", "prev").attr("href", previous);
                nav.appendElement("a").attr("rel", "prev").attr("href", previous).text("← previous");
            }
            if (hasMore) {
                String next = html + "?page=" + (page + 1);
                head.appendElement("link").attr("rel", "next").attr("href", next);
                nav.appendElement("a").attr("rel", "next").attr("href", next).text("next →");
            }
        }
    }

    private void value(Element parent, Model m, RDFNode v) {
        if (v.isURIResource()) {
            Html.link(parent, site, v.asResource().getURI(), Labels.of(m, v.asResource()));
        } else if (v.isLiteral()) {
            parent.appendElement("span").addClass("literal").text(v.asLiteral().getLexicalForm());
        } else {
            parent.appendText("(blank node)");
        }
    }

    private String propertyLabel(Resource p) {
        return termLabel(p, () -> Labels.ofProperty(union, p));
    }

    private String termLabel(Resource term, Supplier<String> lookup) {
        return names.term(term, lookup);
    }
}
