package org.skillgraph.serve;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The page shell every HTML page shares (head, header with search box, footer). Pages are built with
 * jsoup, whose {@code text()} escapes: source text with {@code <}, {@code &} or markup shows as text.
 */
final class Html {
    private Html() {
    }

    /** A new page with its shell; returns the document, whose {@code main} element takes the content. */
    static Document page(SitePaths site, String title, String query) {
        Document doc = Document.createShell("");
        doc.prependChild(new org.jsoup.nodes.DocumentType("html", "", "")); // standards mode, not quirks
        doc.outputSettings().prettyPrint(true).indentAmount(1);
        doc.child(0).attr("lang", "en");
        Element head = doc.head();
        head.appendElement("meta").attr("charset", "utf-8");
        head.appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        head.appendElement("title").text(title + " · skillgraph");
        head.appendElement("link").attr("rel", "stylesheet").attr("href", site.page("static/style.css"));
        Element body = doc.body();
        body.appendElement("a").addClass("skip").attr("href", "#main").text("Skip to content");
        Element header = body.appendElement("header").addClass("site");
        header.appendElement("a").addClass("brand").attr("href", site.root()).text("skillgraph");
        Element nav = header.appendElement("nav").attr("aria-label", "Site");
        nav.appendElement("a").attr("href", site.root()).text("Occupations");
        nav.appendElement("a").attr("href", site.page("query")).text("SPARQL");
        nav.appendElement("a").attr("href", site.page("ontology")).text("Ontology");
        Element form = header.appendElement("form").addClass("search").attr("role", "search")
                .attr("action", site.page("search")).attr("method", "get");
        form.appendElement("label").addClass("visually-hidden").attr("for", "q").text("Search");
        form.appendElement("input").attr("type", "search").attr("id", "q").attr("name", "q")
                .attr("placeholder", "Search occupations, skills, statements…").val(query == null ? "" : query);
        form.appendElement("button").attr("type", "submit").text("Search");
        body.appendElement("main").attr("id", "main");
        Element footer = body.appendElement("footer").addClass("site");
        footer.appendElement("p").text("Occupational skills frameworks as linked data. O*NET data under CC BY 4.0; "
                + "frameworks © their publishers. ");
        footer.child(0).appendElement("a").attr("href", site.page("sparql")).text("SPARQL endpoint");
        return doc;
    }

    static Element main(Document doc) {
        return doc.selectFirst("main");
    }

    /** A link to a resource by its site path. */
    static Element link(Element parent, SitePaths site, String uri, String text) {
        return parent.appendElement("a").attr("href", site.href(uri)).text(text);
    }
}
