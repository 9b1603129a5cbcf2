package org.skillgraph.harvest;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * {@code sitemap.xml} for crawlers: the home, query and ontology pages (the ontology's at {@code ontology.html}: a
 * crawler that accepts anything is given Turtle at {@code ontology}) and the HTML page of every resource
 * under the base. Beyond 50,000 URLs (the protocol's limit) it becomes a sitemap index of numbered
 * sitemaps, {@code sitemap.xml?page=N}: at the root, since a sitemap may list only URLs under its own folder (one at
 * {@code sitemaps/1.xml} could not list {@code doc/…}). Call inside a read transaction.
 */
public final class Sitemap {
    /** The sitemap protocol's limit of URLs per file. */
    public static final int MAX_URLS = 50_000;
    private static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final Query RESOURCES = DatasetDescription.load("resources-under.rq");

    private Sitemap() {
    }

    /** Every page URL, {@code site} being the published root (origin + path, ending in a slash). */
    public static List<String> pages(Dataset ds, String base, String site) {
        List<String> out = new ArrayList<>(List.of(site, site + "query", site + "ontology.html"));
        String ids = base + "id/";
        try (QueryExecution qe = QueryExecution.create().query(RESOURCES).dataset(ds)
                .substitution("uriSpace", ds.getDefaultModel().createLiteral(ids)).build()) {
            qe.execSelect().forEachRemaining(r -> out.add(site + "doc/"
                    + r.getResource("s").getURI().substring(ids.length()) + ".html"));
        }
        return out;
    }

    /** The sitemap (page 0 when there is one) or, with more pages, the index (page 0) and page n. */
    public static String xml(List<String> pages, String site, int page) {
        int files = (pages.size() + MAX_URLS - 1) / MAX_URLS;
        Document doc = new Document("");
        doc.outputSettings().syntax(Document.OutputSettings.Syntax.xml).prettyPrint(false); // no white space inside <loc>
        doc.appendChild(new org.jsoup.nodes.XmlDeclaration("xml", false).attr("version", "1.0").attr("encoding", "UTF-8"));
        if (files <= 1 && page == 0) {
            Element set = doc.appendElement("urlset").attr("xmlns", NS);
            pages.forEach(u -> set.appendElement("url").appendElement("loc").text(u));
        } else if (page == 0) {
            Element index = doc.appendElement("sitemapindex").attr("xmlns", NS);
            for (int i = 1; i <= files; i++) {
                index.appendElement("sitemap").appendElement("loc").text(site + "sitemap.xml?page=" + i);
            }
        } else if (page <= files) {
            Element set = doc.appendElement("urlset").attr("xmlns", NS);
            pages.subList((page - 1) * MAX_URLS, Math.min(pages.size(), page * MAX_URLS))
                    .forEach(u -> set.appendElement("url").appendElement("loc").text(u));
        } else {
            return null;
        }
        return doc.outerHtml();
    }

}
