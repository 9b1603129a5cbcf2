package org.skillgraph.synth;

import java.util.List;
import org.skillgraph.synth.SyntheticOccupation.Citation;
import org.skillgraph.synth.SyntheticOccupation.Domain;
import org.skillgraph.synth.SyntheticOccupation.Evidence;
import org.skillgraph.synth.SyntheticOccupation.Statement;

/**
 * Writes an occupation as its NSX page in HTML, with the markup of the seed page's HTML form
 * ({@code src/test/resources/read/29-2011.00.html}): navigation, scripts, topic and description in their
 * own spans, chips as links with a label and a tooltip, anchors as spans, CIP codes as links.
 */
final class PageHtmlWriter {
    private final StringBuilder out = new StringBuilder();

    String write(SyntheticOccupation o) {
        String soc = esc(o.soc());
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n  <meta charset=\"utf-8\">\n")
                .append("  <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("  <title>").append(esc(o.title())).append(" (").append(soc)
                .append(") &middot; NSX National Skills Exchange</title>\n")
                .append("  <link rel=\"stylesheet\" href=\"/assets/app.3f9c1d2e.css\">\n")
                .append("  <script type=\"module\" src=\"/assets/app.8b41e0a7.js\"></script>\n</head>\n")
                .append("<body class=\"framework-page\">\n")
                .append("<nav class=\"site-nav\" aria-label=\"Main\"><a class=\"brand\" href=\"/\"><span class=\"brand-mark\">")
                .append("NSX</span><span class=\"brand-name\">National Skills Exchange</span></a><a class=\"sign-in\" ")
                .append("href=\"/login?next=%2Fframework%2F").append(soc).append("\">Sign in</a></nav>\n")
                .append("<main id=\"content\">\n")
                .append("  <p class=\"breadcrumb\"><a href=\"/framework\">Back to Framework</a></p>\n")
                .append("  <header class=\"occupation-header\">\n    <h1>").append(esc(o.title())).append("</h1>\n")
                .append("    <div class=\"occupation-meta\"><span class=\"soc\">SOC ").append(soc)
                .append("</span><span class=\"job-zone\" title=\"O*NET Job Zone\">Job Zone ").append(o.jobZone())
                .append(" &middot; ").append(esc(Lexicon.JOB_ZONES.get(o.jobZone() - 1)))
                .append("</span><span class=\"version badge\">").append(esc(o.version())).append("</span></div>\n")
                .append("    <p class=\"context\"><strong>Context covered</strong>").append(esc(o.context()))
                .append("</p>\n  </header>\n");

        out.append("  <section class=\"framework occupational\" aria-label=\"Occupational framework\">\n");
        for (int l = 0; l < 4; l++) {
            List<String> level = Lexicon.OCCUPATIONAL_LEVELS.get(l);
            out.append("    <div class=\"level level-").append(level.get(0)).append("\">\n")
                    .append("      <div class=\"level-head\"><h3>").append(level.get(1)).append("</h3><p class=\"role\">")
                    .append(esc(level.get(2))).append("</p></div>\n      <ol class=\"statements\">\n");
            for (Statement s : o.levels().get(l)) {
                out.append("        <li><span class=\"topic\">").append(esc(s.topic()))
                        .append("</span><span class=\"desc\">").append(esc(s.description())).append("</span></li>\n");
            }
            out.append("      </ol>\n    </div>\n");
        }
        out.append("  </section>\n  <aside class=\"coverage-note\"><p>").append(PageTextWriter.COVERAGE)
                .append("</p></aside>\n");

        out.append("  <section class=\"framework ai-usage\" aria-label=\"AI usage\">\n    <p class=\"intro\">")
                .append(esc(PageTextWriter.AI_INTRO)).append("</p>\n");
        for (int l = 0; l < 4; l++) {
            List<String> level = Lexicon.OCCUPATIONAL_LEVELS.get(l);
            out.append("    <div class=\"level level-").append(level.get(0)).append("\">\n      <h3>")
                    .append(level.get(1)).append("</h3>\n");
            statements(o.aiLevels().get(l), true, "      ");
            out.append("    </div>\n");
        }
        evidence(o.evidence());
        out.append("  </section>\n");

        out.append("  <section class=\"framework durable-skills\" aria-label=\"Durable skills\">\n    <p class=\"intro\">")
                .append(esc(PageTextWriter.DURABLE_INTRO)).append("</p>\n");
        for (int d = 0; d < o.domains().size(); d++) {
            Domain domain = o.domains().get(d);
            out.append("    <div class=\"domain\" id=\"domain-").append(d + 1).append("\">\n")
                    .append("      <h3 class=\"domain-head\"><span class=\"domain-number\">").append(d + 1)
                    .append("</span><span class=\"domain-name\">").append(esc(domain.name()))
                    .append("</span><span class=\"domain-count\">").append(domain.count())
                    .append(" statements</span></h3>\n");
            for (int l = 0; l < 4; l++) {
                out.append("      <h4 class=\"level-label\">").append(Lexicon.DURABLE_LEVELS.get(l)).append("</h4>\n");
                statements(domain.levels().get(l), false, "      ");
            }
            out.append("    </div>\n");
        }
        out.append("  </section>\n");

        String crosswalk = "<a href=\"https://skillscrosswalk.com\">" + PageTextWriter.CROSSWALK + "</a>";
        out.append("  <details class=\"anchors\">\n    <summary><span class=\"summary-label\">Show O*NET source anchors")
                .append("</span><span class=\"anchor-count\">").append(o.anchorCount()).append(" anchors &middot; ")
                .append(crosswalk).append("</span></summary>\n")
                .append("    <p class=\"enrichment\">O*NET enrichment &middot; ").append(crosswalk).append("</p>\n")
                .append("    <p class=\"correction\"><a href=\"https://skillscrosswalk.com/corrections?soc=").append(soc)
                .append("\">Suggest an O*NET correction</a></p>\n")
                .append("    <h3>Source anchors that ground each statement</h3>\n")
                .append("    <div class=\"anchor-group\"><h4>Related titles</h4>\n      <p class=\"related-titles\">");
        for (int k = 0; k < o.relatedTitles().size(); k++) {
            out.append(k == 0 ? "" : " &middot; ").append("<span class=\"alt-title\">")
                    .append(esc(o.relatedTitles().get(k))).append("</span>");
        }
        out.append("</p>\n    </div>\n    <div class=\"anchor-group\"><h4>RAPIDS apprenticeships</h4>\n")
                .append("      <ul class=\"anchor-list\">");
        for (String a : o.apprenticeships()) {
            out.append("<li>").append(esc(a)).append("</li>");
        }
        out.append("</ul>\n    </div>\n");
        anchors("O*NET skills", o.skills());
        anchors("Knowledge domains", o.knowledge());
        anchors("Abilities", o.abilities());
        anchors("Work styles", o.workStyles());
        anchors("Technology", o.technology());
        out.append("    <div class=\"anchor-group\"><h4>Tasks &middot; seed anchors for statements</h4>\n")
                .append("      <ol class=\"tasks\">\n");
        for (String t : o.tasks()) {
            out.append("        <li>").append(esc(t)).append("</li>\n");
        }
        out.append("      </ol>\n    </div>\n    <div class=\"anchor-group\"><h4>CIP education codes</h4>\n")
                .append("      <div class=\"cip-codes\">");
        for (String c : o.cipCodes()) {
            out.append("<span class=\"cip\"><a href=\"https://nces.ed.gov/ipeds/cipcode/cipdetail.aspx?y=56&amp;cipid=")
                    .append(c).append("\">").append(c).append("</a></span>");
        }
        out.append("</div>\n    </div>\n  </details>\n</main>\n<footer class=\"site-footer\">\n  <p class=\"sources\">")
                .append(esc(PageTextWriter.footer(o))).append("</p>\n</footer>\n<script>\n")
                .append("  window.__NSX_STATE__ = {\"soc\": \"").append(soc).append("\", \"version\": \"")
                .append(esc(o.version())).append("\", \"anchorsOpen\": false};\n</script>\n")
                .append("<noscript><p>Some features of this page need JavaScript.</p></noscript>\n</body>\n</html>\n");
        return out.toString();
    }

    private void statements(List<Statement> list, boolean period, String indent) {
        out.append(indent).append("<ol class=\"statements\">\n");
        for (Statement s : list) {
            out.append(indent).append("  <li>").append(esc(s.topic())).append(" \u2014 ").append(esc(s.description()));
            for (Citation c : s.chips()) {
                out.append(" <a class=\"chip\" href=\"").append(esc(c.url()))
                        .append("\" target=\"_blank\" rel=\"noopener noreferrer\"><span class=\"chip-label\">")
                        .append(esc(c.label())).append("</span><span class=\"chip-tip\" role=\"tooltip\">")
                        .append(esc(c.title())).append(" \u2014 ").append(esc(c.detail()))
                        .append("<span class=\"sr-only\">. Opens in new tab.</span></span></a>");
            }
            if (period) {
                out.append('.');
            }
            out.append("</li>\n");
        }
        out.append(indent).append("</ol>\n");
    }

    private void evidence(Evidence e) {
        out.append("    <div class=\"evidence-pack\">\n      <h3>Evidence pack</h3>\n");
        group("AEI usage", List.of("Task observations", Integer.toString(e.observations()), "Augment share",
                e.augmentShare(), "Time saved", e.timeSaved(), "AI autonomy", e.autonomy()));
        group("SAFI positioning", List.of("Top skill", e.topSkill(), "Score", e.score(), "precision", e.precision()));
        out.append("      <div class=\"evidence-group\"><h4>WEF cluster</h4>\n        <p class=\"cluster-label\">")
                .append(esc(e.wefLabel())).append("</p><p class=\"cluster-key\"><code>").append(esc(e.wefKey()))
                .append("</code></p>\n      </div>\n    </div>\n");
    }

    private void group(String name, List<String> pairs) {
        out.append("      <div class=\"evidence-group\"><h4>").append(esc(name)).append("</h4>\n")
                .append("        <ul class=\"metrics\">\n");
        for (int k = 0; k < pairs.size(); k += 2) {
            out.append("          <li><span class=\"metric-name\">").append(esc(pairs.get(k)))
                    .append("</span>: <span class=\"metric-value\">").append(esc(pairs.get(k + 1)))
                    .append("</span></li>\n");
        }
        out.append("        </ul>\n      </div>\n");
    }

    private void anchors(String heading, List<String> items) {
        out.append("    <div class=\"anchor-group\"><h4>").append(esc(heading))
                .append("</h4>\n      <div class=\"anchor-list\">");
        for (String a : items) {
            out.append("<span class=\"anchor\">").append(esc(a)).append("</span>");
        }
        out.append("</div>\n    </div>\n");
    }

    private static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
