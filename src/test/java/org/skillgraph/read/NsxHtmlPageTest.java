package org.skillgraph.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillgraph.model.Anchors;
import org.skillgraph.model.Framework;
import org.skillgraph.model.FrameworkKind;
import org.skillgraph.model.Metric;
import org.skillgraph.model.Provenance;
import org.skillgraph.model.SourceDocument;
import org.skillgraph.model.SourceFormat;
import org.skillgraph.model.Statement;

/**
 * The NSX seed page as HTML ({@code src/test/resources/read/29-2011.00.html}): the same content as the text
 * rendering, with the markup a site would have (topic and description in separate elements, chips as
 * links with tooltips, anchors as spans). Read from HTML it must give the same model as read from text.
 */
class NsxHtmlPageTest {
    static Path htmlFile;
    static String html;
    static SourceDocument fromHtml;
    static SourceDocument fromText;

    @BeforeAll
    static void read() throws IOException, URISyntaxException {
        URL url = NsxHtmlPageTest.class.getResource("/read/29-2011.00.html");
        assertNotNull(url, "test resource read/29-2011.00.html");
        htmlFile = Path.of(url.toURI());
        html = Files.readString(htmlFile, StandardCharsets.UTF_8);
        fromHtml = new SourceReader().read(htmlFile);
        fromText = new SourceReader().read(NsxPageReaderTest.SEED);
    }

    /** A statement without its location (line numbers differ between the two renderings). */
    record Located(String levelKey, String domainKey, int position, String text, String topic, String description,
                   List<String> citedSources, List<String> flagCodes) {
        static Located of(Statement s) {
            return new Located(s.levelKey(), s.domainKey(), s.position(), s.text(), s.topic(), s.description(),
                    s.citedSources(), s.flags().stream().map(f -> f.code()).toList());
        }
    }

    /** A metric without its location. */
    record Value(String group, String name, String raw, java.math.BigDecimal number, Metric.Unit unit, String text) {
        static Value of(Metric m) {
            return new Value(m.group(), m.name(), m.raw(), m.number(), m.unit(), m.text());
        }
    }

    @Test
    void fixtureIsRealMarkup() {
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<script>"));
        assertTrue(html.contains("<nav"));
        assertTrue(html.contains("<h1>Medical and Clinical Laboratory Technologists</h1>"));
        assertTrue(html.contains("<span class=\"topic\">Biological sample preparation</span><span class=\"desc\">"
                + "perform basic processing steps"));
        assertTrue(html.contains("<a class=\"chip\" href=\"https://arxiv.org/abs/2604.06906\" target=\"_blank\""));
        assertTrue(html.contains("<span class=\"cip\">"));
        assertFalse(html.contains("Opens in new tab..<"), "the page's period after a chip is text, not tooltip");
        assertFalse(html.contains("preparationperform"), "topic and description are separate elements");
    }

    @Test
    void htmlRendersToTheLinesOfTheTextRendering() throws IOException {
        List<String> textLines = PageLines.fromText(Files.readString(NsxPageReaderTest.SEED, StandardCharsets.UTF_8))
                .stream().filter(l -> !l.isBlank()).map(PageLine::text).toList();
        List<PageLine> htmlLines = PageLines.fromHtml(html);
        assertEquals(textLines, htmlLines.stream().map(PageLine::text).toList());
        // and the HTML lines know where elements meet: the first occupational statement's topic/description
        PageLine first = htmlLines.stream().filter(l -> l.text().startsWith("  1. Biological")).findFirst().orElseThrow();
        int topicEnd = "  1. Biological sample preparation".length();
        assertTrue(java.util.Arrays.stream(first.boundaries()).anyMatch(b -> b == topicEnd),
                java.util.Arrays.toString(first.boundaries()));
    }

    @Test
    void sameOccupation() {
        assertEquals(fromText.occupation(), fromHtml.occupation());
        assertEquals("29-2011.00", fromHtml.occupation().soc());
        assertEquals(12, fromHtml.occupation().relatedTitles().size());
    }

    @Test
    void provenanceDiffersOnlyInFileFormatAndDigest() throws IOException {
        Provenance h = fromHtml.provenance();
        Provenance t = fromText.provenance();
        assertEquals(SourceFormat.NSX_HTML, h.format());
        assertEquals("29-2011.00.html", h.fileName());
        assertEquals(SourceReader.sha256(Files.readAllBytes(htmlFile)), h.sha256());
        assertNotEquals(t.sha256(), h.sha256());
        assertEquals(new Provenance(t.fileName(), t.sha256(), t.format(), h.generator(), h.schemaVersion(),
                h.exportedAt(), h.onetVersion(), h.onetLicense(), h.attribution(), h.crosswalk()), t);
        assertEquals("v30.2", h.onetVersion());
        assertEquals("© 2026 EBSCOed", h.attribution());
        assertEquals("skillscrosswalk.com", h.crosswalk());
    }

    @Test
    void sameFrameworksAndStatements() {
        assertEquals(fromText.frameworks().size(), fromHtml.frameworks().size());
        for (FrameworkKind kind : FrameworkKind.values()) {
            Framework t = fromText.framework(kind);
            Framework h = fromHtml.framework(kind);
            assertNotNull(h, kind.toString());
            assertEquals(t.version(), h.version(), kind.toString());
            assertEquals(t.description(), h.description(), kind.toString());
            assertEquals(t.contextCovered(), h.contextCovered(), kind.toString());
            assertEquals(t.levels(), h.levels(), kind.toString());
            assertEquals(t.domains(), h.domains(), kind.toString());
            assertEquals(t.statements().stream().map(Located::of).toList(),
                    h.statements().stream().map(Located::of).toList(), kind.toString());
        }
        assertEquals(40, fromHtml.framework(FrameworkKind.OCCUPATIONAL).statements().size());
        assertEquals(12, fromHtml.framework(FrameworkKind.AI_USAGE).statements().size());
        assertEquals(94, fromHtml.framework(FrameworkKind.DURABLE_SKILLS).statements().size());
    }

    @Test
    void statementLocationsAreLinesOfTheHtmlRendering() {
        Statement first = fromHtml.framework(FrameworkKind.OCCUPATIONAL).statements().get(0);
        assertTrue(first.location().matches("line \\d+"), first.location());
    }

    @Test
    void sameAnchorsSourcesEvidenceAndFlags() {
        Anchors t = fromText.anchors();
        Anchors h = fromHtml.anchors();
        assertEquals(t, h);
        assertEquals(62, h.anchors().size());
        assertEquals(NsxPageReaderTest.CIP, h.cipCodes());
        assertEquals(fromText.sources(), fromHtml.sources());
        assertEquals(fromText.evidence().metrics().stream().map(Value::of).toList(),
                fromHtml.evidence().metrics().stream().map(Value::of).toList());
        assertEquals(9, fromHtml.evidence().metrics().size());
        assertEquals(List.of(), fromHtml.flags());
        assertEquals(fromText.flags(), fromHtml.flags());
    }

    // ---- markup inside statements ---------------------------------------------------------------------

    private static String replaceOnce(String in, String from, String to) {
        int at = in.indexOf(from);
        assertTrue(at >= 0, "fixture contains: " + from);
        assertEquals(-1, in.indexOf(from, at + 1), "fixture contains once: " + from);
        return in.substring(0, at) + to + in.substring(at + from.length());
    }

    private static SourceDocument readVariant(Path dir, String variant) throws IOException {
        Path f = dir.resolve("variant.html");
        Files.writeString(f, variant, StandardCharsets.UTF_8);
        return new SourceReader().read(f);
    }

    private static Statement find(SourceDocument doc, FrameworkKind kind, String domain, String level, int position) {
        return doc.framework(kind).statements().stream()
                .filter(s -> java.util.Objects.equals(domain, s.domainKey()) && level.equals(s.levelKey())
                        && s.position() == position)
                .findFirst().orElseThrow();
    }

    @Test
    void markupInsideAChippedStatementComesOutAsPlainText(@TempDir Path dir) throws IOException {
        String v = replaceOnce(html, "Basic query delegation — submits straightforward reference questions",
                "Basic query delegation — submits <b>straightforward</b> reference &lt;script&gt; questions");
        v = replaceOnce(v, "Laboratory result reporting — documents routine test findings",
                "Laboratory result reporting — documents <em>routine</em> test <code>&lt;b&gt;</code> findings");
        SourceDocument doc = readVariant(dir, v);

        Statement ai = find(doc, FrameworkKind.AI_USAGE, null, "emerging", 2);
        assertEquals("Basic query delegation", ai.topic());
        assertEquals("submits straightforward reference <script> questions about normal analyte ranges or reagent "
                + "specifications to an AI assistant, then verifies the answer against validated laboratory protocols.",
                ai.description());
        assertEquals(List.of(), ai.flags());

        Statement durable = find(doc, FrameworkKind.DURABLE_SKILLS, "communication", "emerging", 1);
        assertEquals("Laboratory result reporting", durable.topic());
        assertEquals("documents routine test <b> findings using standard terminology in electronic health records "
                + "for clinical team review", durable.description());
        assertEquals(List.of(NsxPageReaderTest.PATHSMITH, NsxPageReaderTest.ONET), durable.citedSources());
        assertEquals(List.of(), durable.flags());
        assertEquals(List.of(), doc.flags());
    }

    @Test
    void markupInsideTheDescriptionOfAnOccupationalStatement(@TempDir Path dir) throws IOException {
        String v = replaceOnce(html, "<span class=\"desc\">perform basic processing steps",
                "<span class=\"desc\"><strong>perform</strong> basic &lt;script&gt; processing steps");
        Statement s = find(readVariant(dir, v), FrameworkKind.OCCUPATIONAL, null, "emerging", 1);
        assertEquals("Biological sample preparation", s.topic());
        assertEquals("perform basic <script> processing steps under direct supervision in a clinical laboratory "
                + "setting.", s.description());
        assertEquals(List.of(), s.flags());
    }

    @Test
    void markupInsideTheTopicOfAnOccupationalStatement(@TempDir Path dir) throws IOException {
        // <b> inside the topic: its boundaries are next to spaces, so they are not where topic and description meet
        String v = replaceOnce(html, "<span class=\"topic\">Biological sample preparation</span>",
                "<span class=\"topic\">Biological <b>sample</b> preparation</span>");
        Statement s = find(readVariant(dir, v), FrameworkKind.OCCUPATIONAL, null, "emerging", 1);
        assertEquals("Biological sample preparation", s.topic());
        assertEquals("perform basic processing steps under direct supervision in a clinical laboratory setting.",
                s.description());
    }

    @Test
    void markupSplitsWhatTheGlueSplitterCouldNot(@TempDir Path dir) throws IOException {
        // "Succession plan|train…" is ambiguous as glued text ("plant|rain"); the markup says where the topic ends
        String v = replaceOnce(html, "<span class=\"topic\">Biological sample preparation</span><span class=\"desc\">"
                        + "perform basic processing steps under direct supervision in a clinical laboratory setting.</span>",
                "<span class=\"topic\">Succession plan</span><span class=\"desc\">train successors for key bench "
                        + "roles.</span>");
        Statement s = find(readVariant(dir, v), FrameworkKind.OCCUPATIONAL, null, "emerging", 1);
        assertEquals("Succession plan", s.topic());
        assertEquals("train successors for key bench roles.", s.description());
        assertEquals(List.of(), s.flags());
    }

    @Test
    void aPageNestedTwentyThousandElementsDeepReadsAsTheSamePage(@TempDir Path dir) throws IOException {
        // a page's own markup is not bounded: its walk must not be bounded by the thread's stack either
        int depth = 20_000;
        String deep = replaceOnce(replaceOnce(html, "<body class=\"framework-page\">",
                "<body class=\"framework-page\">" + "<div>".repeat(depth)), "</body>",
                "</div>".repeat(depth) + "</body>");
        SourceDocument doc = readVariant(dir, deep);
        assertEquals(fromHtml.occupation(), doc.occupation());
        assertEquals(fromHtml.anchors(), doc.anchors());
        for (FrameworkKind kind : FrameworkKind.values()) {
            assertEquals(fromHtml.framework(kind).statements().stream().map(Located::of).toList(),
                    doc.framework(kind).statements().stream().map(Located::of).toList(), kind.toString());
        }
    }

    @Test
    void prettyPrintedMarkupGivesTheSameModel(@TempDir Path dir) throws IOException {
        // the same page with its inline elements on separate, indented source lines (whitespace between them)
        String pretty = html.replace("</span><span", "</span>\n            <span")
                .replace("\"><span class=\"chip-label\">", "\">\n            <span class=\"chip-label\">")
                .replace("<li><span", "<li>\n          <span")
                .replace("</a></li>", "</a>\n        </li>");
        assertNotEquals(html, pretty);
        SourceDocument doc = readVariant(dir, pretty);
        assertEquals(fromText.occupation(), doc.occupation());
        assertEquals(fromText.anchors(), doc.anchors());
        for (FrameworkKind kind : FrameworkKind.values()) {
            List<Statement> t = fromText.framework(kind).statements();
            List<Statement> h = doc.framework(kind).statements();
            assertEquals(t.size(), h.size(), kind.toString());
            for (int k = 0; k < t.size(); k++) {
                Statement a = t.get(k);
                Statement b = h.get(k);
                String where = kind + " " + b.location() + " " + b.text();
                assertEquals(a.topic(), b.topic(), where);
                assertEquals(a.description(), b.description(), where);
                assertEquals(a.citedSources(), b.citedSources(), where);
                assertEquals(List.of(), b.flags(), where);
            }
        }
        assertEquals(fromText.sources(), doc.sources());
    }

    @Test
    void anElementOfAListThatIsNoItemDoesNotShiftTheNumbersOfItsItems(@TempDir Path dir) throws IOException {
        // a browser numbers the li items of an ol only: a script or template among them shows no number
        String v = html.replaceFirst("<ol class=\"statements\">",
                "<ol class=\"statements\"><script>window.track('level')</script><template><li>x</li></template>");
        SourceDocument doc = readVariant(dir, v);
        List<Statement> t = fromText.framework(FrameworkKind.OCCUPATIONAL).statements();
        List<Statement> h = doc.framework(FrameworkKind.OCCUPATIONAL).statements();
        assertEquals(t.stream().map(Located::of).toList(), h.stream().map(Located::of).toList());
        assertEquals(List.of(), doc.flags());
    }

    @Test
    void anOrderedListNumbersItsItemsFromItsStartAndValueAsABrowserShowsThem(@TempDir Path dir) throws IOException {
        // <ol start="3"> shows 3., 4., …; <li value="20"> shows 20. and renumbers the items after it
        String v = html.replaceFirst("<ol class=\"statements\">", "<ol class=\"statements\" start=\"3\">");
        List<Integer> emerging = readVariant(dir, v).framework(FrameworkKind.OCCUPATIONAL).statements().stream()
                .filter(s -> s.levelKey().equals("emerging")).map(Statement::position).toList();
        assertEquals(List.of(3, 4, 5, 6, 7, 8, 9, 10, 11, 12), emerging);
        assertEquals(List.of(5, 3, 2, 1), PageLines.fromHtml("<ol reversed start=5><li>a<li value=3>b<li>c<li>d</ol>")
                .stream().map(l -> Integer.valueOf(l.text().strip().split("\\.")[0])).toList());
    }

    @Test
    void newChipInHtmlResolvedFromItsMarkup(@TempDir Path dir) throws IOException {
        // a chip of a source not on the seed page, whose label ends in capitals: only the markup shows the boundary
        String chip = "<a class=\"chip\" href=\"https://www.bls.gov/ooh/\" target=\"_blank\">"
                + "<span class=\"chip-label\">BLS OOH</span><span class=\"chip-tip\">BLS Occupational Outlook "
                + "Handbook — 2024-25 edition<span class=\"sr-only\">. Opens in new tab.</span></span></a>";
        String v = replaceOnce(html, "then verifies the answer against validated laboratory protocols.</li>",
                "then verifies the answer against validated laboratory protocols " + chip + ".</li>");
        SourceDocument doc = readVariant(dir, v);
        Statement s = find(doc, FrameworkKind.AI_USAGE, null, "emerging", 2);
        assertEquals(List.of(), s.flags(), s.toString());
        assertEquals(List.of("bls-occupational-outlook-handbook"), s.citedSources());
        assertTrue(s.text().endsWith("against validated laboratory protocols."), s.text());
    }

    @Test
    void aRepeatedLevelIsRefusedNamingTheLinesOfTheRenderingAndTheStatementsUnderThem(@TempDir Path dir)
            throws IOException {
        int start = html.indexOf("    <div class=\"level level-emerging\">");
        int end = html.indexOf("    <div class=\"level level-developing\">");
        assertTrue(start > 0 && end > start);
        String level = html.substring(start, end);
        String repeated = html.substring(0, end) + level.replace("perform basic processing steps",
                "perform advanced processing steps") + html.substring(end);
        Path f = dir.resolve("variant.html");
        Files.writeString(f, repeated, StandardCharsets.UTF_8);
        List<PageLine> rendered = PageLines.fromHtml(repeated);
        List<Integer> emerging = rendered.stream().filter(l -> l.text().equals("Emerging")).map(PageLine::number).toList();
        SourceException e = assertThrows(SourceException.class, () -> new SourceReader().read(f));
        assertEquals("line " + emerging.get(1), e.location());
        assertTrue(e.getMessage().startsWith(f + " (line " + emerging.get(1) + "): the level 'Emerging' repeats the level "
                + "'Emerging' of line " + emerging.get(0) + " in the occupational framework"), e.getMessage());
        assertTrue(e.getMessage().contains("in its HTML, the level headings before the statements 'Biological sample "
                + "preparationperform basic processing steps"), e.getMessage());
        assertTrue(e.getMessage().contains("' and 'Biological sample preparationperform advanced processing steps"),
                e.getMessage());
    }
}
