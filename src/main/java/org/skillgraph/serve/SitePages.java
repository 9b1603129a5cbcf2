package org.skillgraph.serve;

import java.util.List;
import java.util.Map;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.skillgraph.vocab.SG;

/** The site's own pages: home, search results, the query page, the ontology and error pages. */
final class SitePages {
    /** One row of the occupations list. */
    record OccupationRow(String uri, String soc, String title) {
    }

    /** One search result. */
    record Hit(String uri, String label, String kind, String match) {
    }

    private final SitePaths site;

    SitePages(SitePaths site) {
        this.site = site;
    }

    Document home(Map<String, Long> figures, List<OccupationRow> occupations) {
        Document doc = Html.page(site, "Occupational skills frameworks", null);
        Element main = Html.main(doc);
        Element intro = main.appendElement("section").addClass("intro");
        intro.appendElement("h1").text("Occupational skills frameworks");
        intro.appendElement("p").text("What a worker does at each proficiency level of an occupation — with how AI "
                + "is used, durable skills, the evidence each statement cites, and anchors into O*NET — published as "
                + "linked data. Every resource has its own URI that answers in HTML, Turtle, JSON-LD, RDF/XML and "
                + "N-Triples; researchers can query everything with SPARQL.");
        Element links = intro.appendElement("p").addClass("actions");
        links.appendElement("a").addClass("button").attr("href", site.page("query")).text("Query with SPARQL");
        links.appendElement("a").addClass("button secondary").attr("href", site.page("ontology"))
                .text("Ontology documentation");
        links.appendElement("a").addClass("button secondary").attr("href", site.page(".well-known/void"))
                .text("Dataset description and dumps");
        links.appendElement("a").addClass("button secondary").attr("href", site.page("dumps/skillgraph.nq.gz"))
                .text("Download (N-Quads)");
        links.appendElement("a").addClass("button secondary").attr("href", site.page("changes")).text("Changes");

        Element stats = main.appendElement("section").addClass("figures").attr("aria-label", "Dataset figures");
        Element ul = stats.appendElement("ul");
        figures.forEach((name, n) -> {
            Element li = ul.appendElement("li");
            li.appendElement("strong").text(String.format(java.util.Locale.ROOT, "%,d", n));
            li.appendElement("span").text(name);
        });

        Element list = main.appendElement("section").addClass("occupations");
        list.appendElement("h2").text("Occupations");
        list.appendElement("label").attr("for", "filter").text("Filter by title or SOC code");
        list.appendElement("input").attr("type", "search").attr("id", "filter").attr("data-filter", "occupation-list")
                .attr("placeholder", "e.g. laboratory, 29-2011");
        Element ol = list.appendElement("ul").attr("id", "occupation-list").addClass("occupation-list");
        for (OccupationRow o : occupations) {
            Element li = ol.appendElement("li");
            li.appendElement("span").addClass("soc").text(o.soc());
            Html.link(li, site, o.uri(), o.title());
        }
        doc.body().appendElement("script").attr("src", site.page("static/filter.js")).attr("defer", "");
        return doc;
    }

    Document search(String q, List<Hit> hits) {
        Document doc = Html.page(site, q.isBlank() ? "Search" : "Search: " + q, q);
        Element main = Html.main(doc);
        main.appendElement("h1").text(q.isBlank() ? "Search" : "Results for \u201c" + q + "\u201d");
        if (q.isBlank()) {
            main.appendElement("p").text("Type words to find occupations, statements, skills and other anchors, "
                    + "and cited sources.");
            return doc;
        }
        main.appendElement("p").addClass("muted").text(hits.size() + (hits.size() == 1 ? " result" : " results"));
        Element ol = main.appendElement("ol").addClass("results");
        for (Hit h : hits) {
            Element li = ol.appendElement("li");
            li.appendElement("span").addClass("kind").text(h.kind());
            Html.link(li, site, h.uri(), h.label());
            if (h.match() != null && !h.match().equals(h.label())) {
                li.appendElement("p").addClass("match").text(h.match());
            }
        }
        return doc;
    }

    Document query(List<String> examples) {
        Document doc = Html.page(site, "SPARQL query", null);
        Element main = Html.main(doc);
        main.appendElement("h1").text("SPARQL query");
        main.appendElement("p").text("The endpoint is " + site.page("sparql") + " (SPARQL 1.1 protocol, read-only). "
                + "The default graph is the union of all documents; each document is also a named graph.");
        Element form = main.appendElement("form").attr("id", "query-form").addClass("query");
        form.appendElement("label").attr("for", "examples").text("Examples from the query library");
        Element select = form.appendElement("select").attr("id", "examples");
        select.appendElement("option").val("").text("— choose an example —");
        for (String name : examples) {
            select.appendElement("option").val(site.page("queries/" + name)).text(name.replaceAll("\\.rq$", ""));
        }
        form.appendElement("label").attr("for", "query").text("Query");
        form.appendElement("textarea").attr("id", "query").attr("name", "query").attr("rows", "14")
                .attr("spellcheck", "false").text("SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 10");
        form.appendElement("button").attr("type", "submit").text("Run query");
        main.appendElement("p").attr("id", "status").attr("role", "status").addClass("muted");
        main.appendElement("div").attr("id", "results").addClass("table-wrap");
        doc.body().appendElement("script").attr("src", site.page("static/query.js")).attr("defer", "")
                .attr("data-endpoint", site.page("sparql"));
        return doc;
    }

    Document ontology(Model ontology) {
        Document doc = Html.page(site, "Ontology", null);
        Element main = Html.main(doc);
        Resource onto = ontology.createResource(SG.ONTOLOGY);
        main.appendElement("h1").text(Labels.of(ontology, onto));
        main.appendElement("p").appendElement("code").text(SG.NS);
        String comment = ontology.getProperty(onto, RDFS.comment) == null ? "" : ontology.getProperty(onto, RDFS.comment).getString();
        main.appendElement("p").text(comment);
        Element formats = main.appendElement("p").addClass("formats");
        formats.appendText("Data: ");
        for (Format f : Format.values()) {
            if (f != Format.HTML) {
                formats.appendElement("a").attr("href", site.page("ontology." + f.extension())).text(f.extension()
                        .toUpperCase(java.util.Locale.ROOT));
                formats.appendText(" ");
            }
        }
        terms(main, ontology, "Classes", OWL.Class);
        terms(main, ontology, "Object properties", OWL.ObjectProperty);
        terms(main, ontology, "Datatype properties", OWL.DatatypeProperty);
        return doc;
    }

    private void terms(Element main, Model m, String heading, Resource type) {
        Element section = main.appendElement("section").addClass("terms");
        section.appendElement("h2").text(heading);
        m.listSubjectsWithProperty(RDF.type, type).toList().stream().filter(Resource::isURIResource)
                .sorted(java.util.Comparator.comparing(Resource::getLocalName)).forEach(t -> {
                    Element article = section.appendElement("article").attr("id", t.getLocalName());
                    Element h3 = article.appendElement("h3");
                    h3.appendElement("code").text("sg:" + t.getLocalName());
                    h3.appendText(" " + Labels.of(m, t));
                    article.appendElement("p").addClass("uri").text(t.getURI());
                    if (t.hasProperty(RDFS.comment)) {
                        article.appendElement("p").text(t.getProperty(RDFS.comment).getString());
                    }
                    Element dl = article.appendElement("dl").addClass("facts");
                    for (var p : List.of(RDFS.subClassOf, RDFS.subPropertyOf, RDFS.domain, RDFS.range, OWL.inverseOf)) {
                        List<RDFNode> vs = m.listObjectsOfProperty(t, p).toList();
                        if (!vs.isEmpty()) {
                            dl.appendElement("dt").text(Labels.localName(p.getURI()));
                            Element dd = dl.appendElement("dd");
                            for (RDFNode v : vs) {
                                if (v.isURIResource()) {
                                    String uri = v.asResource().getURI();
                                    dd.appendElement("a").attr("href", site.href(uri)).text(shortName(m, uri));
                                    dd.appendText(" ");
                                }
                            }
                        }
                    }
                });
    }

    private static String shortName(Model m, String uri) {
        String s = m.shortForm(uri);
        return s == null ? uri : s;
    }

    Document error(int status, String message) {
        Document doc = Html.page(site, status == 404 ? "Not found" : "Error " + status, null);
        Element main = Html.main(doc);
        main.appendElement("h1").text(status == 404 ? "Not found" : "Error " + status);
        main.appendElement("p").text(message);
        main.appendElement("p").appendElement("a").attr("href", site.root()).text("Back to the occupations");
        return doc;
    }
}
