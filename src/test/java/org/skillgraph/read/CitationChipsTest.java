package org.skillgraph.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.skillgraph.model.Source;

/** Citation chips of sources that are not on the seed page, recognised by their shape alone. */
class CitationChipsTest {
    private static final String FOO = "Topic — does things Foo Bar ReportFoo Bar Report 2025 — Some Publisher. "
            + "Opens in new tab..";
    private static final String SMITH = "Topic — does things Smith et al., 2024Deep Skills Study — Smith et al., 2024 "
            + "(doi:10.1234/abc). Opens in new tab.";

    private static CitationChips.Parsed parse(String text, List<String> page) {
        return new CitationChips().learnFrom(page).parse(text, new int[0]);
    }

    @Test
    void labelThatRepeatsTheTitlesFirstWords() {
        CitationChips.Parsed p = parse(FOO, List.of(FOO));
        assertEquals("Topic — does things.", p.text());
        assertEquals(List.of(new CitationChips.Chip("Foo Bar Report", "Foo Bar Report 2025", "Some Publisher")),
                p.chips());
        assertEquals(List.of(), p.doubts());
    }

    @Test
    void labelQuotedByTheDetail() {
        CitationChips.Parsed p = parse(SMITH, List.of(SMITH));
        assertEquals("Topic — does things", p.text());
        assertEquals(List.of(new CitationChips.Chip("Smith et al., 2024", "Deep Skills Study",
                "Smith et al., 2024 (doi:10.1234/abc)")), p.chips());
        assertEquals(List.of(), p.doubts());
        Source s = Sources.cited("Smith et al., 2024", "Deep Skills Study", "Smith et al., 2024 (doi:10.1234/abc)");
        assertEquals("deep-skills-study", s.key());
        assertEquals("doi:10.1234/abc", s.identifier());
        assertNull(s.version());
    }

    @Test
    void sameChipsWithNothingLearned() {
        assertEquals(parse(FOO, List.of(FOO)), parse(FOO, List.of()));
        assertEquals(parse(SMITH, List.of(SMITH)), parse(SMITH, List.of()));
    }

    @Test
    void twoNewChipsInOneStatementInOrder() {
        String text = "Field audit — inspects installations against the code Foo Bar ReportFoo Bar Report 2025 — Some "
                + "Publisher. Opens in new tab. Smith et al., 2024Deep Skills Study — Smith et al., 2024 "
                + "(doi:10.1234/abc). Opens in new tab..";
        CitationChips.Parsed p = parse(text, List.of(text));
        assertEquals("Field audit — inspects installations against the code.", p.text());
        assertEquals(List.of(
                new CitationChips.Chip("Foo Bar Report", "Foo Bar Report 2025", "Some Publisher"),
                new CitationChips.Chip("Smith et al., 2024", "Deep Skills Study", "Smith et al., 2024 (doi:10.1234/abc)")),
                p.chips());
        assertEquals(List.of(), p.doubts());
    }

    @Test
    void chipLearnedFromAStandaloneOccurrenceResolvesTheFirstChip() {
        // "Acme" would also be found without learning; the learned label+title is used verbatim
        String standalone = "Other topic — does more Smith et al., 2024Deep Skills Study — Smith et al., 2024 "
                + "(doi:10.1234/abc). Opens in new tab. Acme Skills IndexAcme Skills Index — v2.1. Opens in new tab.";
        String first = "Topic — builds with acme tools Acme Skills IndexAcme Skills Index — v2.1. Opens in new tab.";
        CitationChips.Parsed p = parse(first, List.of(standalone, first));
        assertEquals("Topic — builds with acme tools", p.text());
        assertEquals(List.of(new CitationChips.Chip("Acme Skills Index", "Acme Skills Index", "v2.1")), p.chips());
        assertEquals("v2.1", Sources.cited("Acme Skills Index", "Acme Skills Index", "v2.1").version());
    }

    @Test
    void chipWithoutDetail() {
        String text = "Topic — does things Acme Skills MapAcme Skills Map. Opens in new tab.";
        CitationChips.Parsed p = parse(text, List.of(text));
        assertEquals("Topic — does things", p.text());
        assertEquals(List.of(new CitationChips.Chip("Acme Skills Map", "Acme Skills Map", null)), p.chips());
    }

    @Test
    void labelEndingInDigitsGluedToTheTitle() {
        String text = "Safety audit — inspects sites OSHA 1910OSHA 1910 General Industry Standards — 29 CFR 1910. "
                + "Opens in new tab.";
        CitationChips.Parsed p = parse(text, List.of(text));
        assertEquals("Safety audit — inspects sites", p.text());
        assertEquals(List.of(new CitationChips.Chip("OSHA 1910", "OSHA 1910 General Industry Standards",
                "29 CFR 1910")), p.chips());
    }

    @Test
    void isbnInTheDetail() {
        String text = "Topic — does things Lee & Park, 2023Remote Work Atlas — Lee & Park, 2023 "
                + "(ISBN 978-3-16-148410-0). Opens in new tab..";
        CitationChips.Parsed p = parse(text, List.of(text));
        assertEquals("Topic — does things.", p.text());
        assertEquals(List.of(new CitationChips.Chip("Lee & Park, 2023", "Remote Work Atlas",
                "Lee & Park, 2023 (ISBN 978-3-16-148410-0)")), p.chips());
    }

    @Test
    void aChipEndingLeftInTheTextIsADoubt() {
        // no full stop before "Opens in new tab.", so no chip ends there: the text keeps it, and says so
        String text = "Topic — reduces transcription errors Ghost SourceOpens in new tab.";
        CitationChips.Parsed p = parse(text, List.of(text));
        assertEquals("Topic — reduces transcription errors Ghost SourceOpens in new tab.", p.text());
        assertEquals(List.of("'Opens in new tab' in the statement text where no citation chip could be read (kept "
                + "in the text): 'Topic — reduces transcription errors Ghost SourceOpens in new tab'"), p.doubts());
        // the same after a chip that was read
        String two = "Topic — does things WEF Skills TaxonomyWEF Skills Taxonomy 2021 — 2021 edition. Opens in new "
                + "tab. Opens in new tab.";
        p = parse(two, List.of(two));
        assertEquals(1, p.chips().size(), p.toString());
        assertEquals(1, p.doubts().size(), p.toString());
        assertTrue(p.doubts().get(0).contains("unrecognised text after the citation chips"), p.toString());
        assertTrue(p.doubts().get(0).contains("Opens in new tab"), p.toString());
    }

    @Test
    void chipWithoutItsEndingBeforeAnotherChipIsKeptAndTheNextChipKeepsItsLabel() {
        // the first chip lost its "Opens in new tab."; a word of its title ("Skills") opens the next chip's title,
        // which must not make the first chip's tooltip part of the next chip's label
        String text = "Topic — does things Smith et al., 2024Deep Skills Study — Smith et al., 2024 (doi:10.1234/abc). "
                + "Lee & Park, 2023Skills Atlas — Lee & Park, 2023 (ISBN 978-3-16-148410-0). Opens in new tab.";
        CitationChips.Parsed p = parse(text, List.of(text));
        assertEquals("Topic — does things", p.text());
        assertEquals(List.of(new CitationChips.Chip("Lee & Park, 2023", "Skills Atlas",
                "Lee & Park, 2023 (ISBN 978-3-16-148410-0)")), p.chips());
        assertEquals(List.of("a citation chip without its 'Opens in new tab.' ending, not cited and kept here: "
                + "'Smith et al., 2024Deep Skills Study — Smith et al., 2024 (doi:10.1234/abc).'"), p.doubts());
    }

    @Test
    void aChipLabelWithoutItsTooltipIsKeptInTheTextAndADoubt() {
        // the same chip, whole, after another statement's text teaches its label
        String whole = "Topic — does things Smith et al., 2024Deep Skills Study — Smith et al., 2024 (doi:10.1234/abc). "
                + "Opens in new tab.";
        String bare = "Other topic — audits the records Smith et al., 2024.";
        CitationChips.Parsed p = parse(bare, List.of(whole, bare));
        assertEquals(bare, p.text());
        assertEquals(List.of(), p.chips());
        assertEquals(List.of("the statement text ends with the label of the citation chip 'Smith et al., 2024' (Deep "
                + "Skills Study) without its tooltip: kept in the text, not cited"), p.doubts());
        // a text that merely ends with a word of a label is no chip
        assertEquals(List.of(), parse("Other topic — plans for 2024.", List.of(whole)).doubts());
    }

    @Test
    void anHtmlChipWithoutItsLabelElementLeavesTheStatementTextWhole() {
        // the page's chip lost its label element: the only element boundary is where the tooltip starts
        String text = "Topic — does things Deep Skills Study — Smith et al., 2024 (doi:10.1234/abc). Opens in new tab..";
        int tooltip = text.indexOf("Deep");
        CitationChips.Parsed p = new CitationChips().learnFrom(List.of(text))
                .parse(text, new int[] {tooltip, text.indexOf(". Opens")});
        assertEquals("Topic — does things Deep Skills Study.", p.text());
        assertEquals(1, p.doubts().size(), p.toString());
        assertTrue(p.doubts().get(0).startsWith("could not tell the first citation chip from the statement text"),
                p.doubts().get(0));
        assertTrue(p.doubts().get(0).endsWith("the chip's detail: 'Smith et al., 2024 (doi:10.1234/abc)'"),
                p.doubts().get(0));
    }

    @Test
    void noChipsLeavesTheTextAlone() {
        CitationChips.Parsed p = parse("Topic — no chips at all here.", List.of());
        assertEquals("Topic — no chips at all here.", p.text());
        assertEquals(List.of(), p.chips());
        assertEquals(List.of(), p.doubts());
    }

    @Test
    void aDetailQuotingOnlyTheEndOfTheLabelIsADoubtNotAGuess() {
        // the detail quotes "2026", the last word of the label "BLS OOH 2026", not the label: taking "2026" for the
        // label would glue "BLS OOH" to the statement's description and cite the source under a label it does not have
        String text = "Topic — does things BLS OOH 2026Occupational Outlook Handbook — Bureau of Labor Statistics, "
                + "2026 edition. Opens in new tab..";
        CitationChips.Parsed p = parse(text, List.of(text));
        assertEquals(1, p.doubts().size(), p.toString());
        assertTrue(p.doubts().get(0).contains("could not tell the first citation chip"), p.doubts().get(0));
        assertFalse(p.text().contains("Opens in new tab"), p.text());
        assertTrue(p.text().contains("BLS OOH 2026"), p.text());
        String osha = "Safety audit — inspects sites OSHA 1910General Industry Standards — 29 CFR 1910. Opens in new tab.";
        p = parse(osha, List.of(osha));
        assertEquals(1, p.doubts().size(), p.toString());
        assertTrue(p.text().contains("OSHA 1910"), p.text());
    }

    @Test
    void unresolvableChipIsADoubtNotAGuess() {
        // the label ends in capitals glued to the title's capitals: no glue point can be seen in the text rendering
        String text = "Topic — does things BLS OOHBLS Occupational Outlook Handbook — 2024-25 edition. Opens in new tab.";
        CitationChips.Parsed p = parse(text, List.of(text));
        assertEquals(1, p.doubts().size(), p.toString());
        assertTrue(p.doubts().get(0).contains("could not tell the first citation chip"), p.doubts().get(0));
        // the detail is in no text: the doubt keeps it, so nothing of the chip is lost
        assertTrue(p.doubts().get(0).endsWith("the chip's detail: '2024-25 edition'"), p.doubts().get(0));
        assertEquals(1, p.chips().size());
        assertNull(p.chips().get(0).title());
        assertEquals("2024-25 edition", p.chips().get(0).detail());
        assertFalse(p.text().contains("Opens in new tab"), p.text());
    }

    @Test
    void unrecognisedTextAfterTheChipsIsKeptAndFlagged() {
        String text = "Topic — does things Foo Bar ReportFoo Bar Report 2025 — Some Publisher. Opens in new tab. (beta)";
        CitationChips.Parsed p = parse(text, List.of());
        assertEquals("Topic — does things (beta)", p.text());
        assertEquals(1, p.chips().size());
        assertEquals(1, p.doubts().size());
        assertTrue(p.doubts().get(0).contains("(beta)"), p.doubts().get(0));
    }

    @Test
    void htmlBoundariesResolveAChipTheTextRenderingCannot() {
        // the same statement read from HTML: element boundaries at the chip's start and between label and title
        String before = "Topic — does things ";
        String label = "BLS OOH";
        String text = before + label + "BLS Occupational Outlook Handbook — 2024-25 edition. Opens in new tab.";
        int[] boundaries = {before.length(), before.length() + label.length(),
                text.indexOf(". Opens in new tab.")};
        CitationChips.Parsed p = new CitationChips().learnFrom(List.of(text)).parse(text, boundaries);
        assertEquals("Topic — does things", p.text(), p.toString());
        assertEquals(List.of(new CitationChips.Chip("BLS OOH", "BLS Occupational Outlook Handbook", "2024-25 edition")),
                p.chips());
        assertEquals(List.of(), p.doubts());
    }

    @Test
    void aChipWithoutItsTailIsCutFromTheStatementAndKeptInADoubt() {
        String text = "Topic — does things Foo Bar ReportFoo Bar Report 2025 — Some Publisher..";
        CitationChips.Parsed p = parse(text, List.of(text));
        assertEquals("Topic — does things.", p.text(), "the statement keeps its own full stop, not the chip");
        assertEquals(List.of(), p.chips(), "a chip without its end is not cited");
        assertEquals(List.of("a citation chip without its 'Opens in new tab.' ending, not cited and kept here: "
                + "'Foo Bar ReportFoo Bar Report 2025 — Some Publisher.'"), p.doubts());
        // a statement that ends without a full stop (as durable-skill statements do)
        CitationChips.Parsed q = parse("Topic — does things Smith et al., 2024Deep Skills Study — Smith et al., 2024 "
                + "(doi:10.1234/abc).", List.of());
        assertEquals("Topic — does things", q.text());
        assertEquals(1, q.doubts().size());
        assertTrue(q.doubts().get(0).endsWith("'Smith et al., 2024Deep Skills Study — Smith et al., 2024 "
                + "(doi:10.1234/abc).'"), q.doubts().get(0));
    }

    @Test
    void aChipWithoutItsTailBeforeOrAfterACompleteOne() {
        String foo = "Foo Bar ReportFoo Bar Report 2025 — Some Publisher.";
        String smith = "Smith et al., 2024Deep Skills Study — Smith et al., 2024 (doi:10.1234/abc).";
        CitationChips.Chip smithChip = new CitationChips.Chip("Smith et al., 2024", "Deep Skills Study",
                "Smith et al., 2024 (doi:10.1234/abc)");
        CitationChips.Parsed before = parse("Topic — does things " + foo + " " + smith + " Opens in new tab..", List.of());
        assertEquals("Topic — does things.", before.text(), before.toString());
        assertEquals(List.of(smithChip), before.chips(), "the complete chip is read as it is, not merged with the other");
        assertEquals(1, before.doubts().size());
        assertTrue(before.doubts().get(0).endsWith("'" + foo + "'"), before.doubts().get(0));

        CitationChips.Parsed after = parse("Topic — does things " + smith + " Opens in new tab. " + foo + ".", List.of());
        assertEquals("Topic — does things.", after.text(), after.toString());
        assertEquals(List.of(smithChip), after.chips());
        assertEquals(1, after.doubts().size());
        assertTrue(after.doubts().get(0).endsWith("'" + foo + "'"), after.doubts().get(0));
    }

    @Test
    void theTooltipsDashIsTheOnlyOneWhenTheTopicsIsAHyphen() {
        // the one dash of the text is the tooltip's: the title does not run on into the detail
        String text = "Topic - does things Foo Bar ReportFoo Bar Report 2025 — Some Publisher. Opens in new tab.";
        CitationChips.Parsed p = parse(text, List.of());
        assertEquals("Topic - does things", p.text());
        assertEquals(List.of(new CitationChips.Chip("Foo Bar Report", "Foo Bar Report 2025", "Some Publisher")),
                p.chips());
        assertEquals(List.of(), p.doubts());
    }

    @Test
    void aDashInTheDescriptionIsNoChipWithoutItsTail() {
        for (String text : List.of("Topic — uses the Oracle database — and PostgreSQL — daily.",
                "Topic — does things with iOS devices — often.", "Topic — works with McKinsey teams — Senior Partners.")) {
            CitationChips.Parsed p = parse(text, List.of());
            assertEquals(text, p.text());
            assertEquals(List.of(), p.doubts(), text);
        }
    }
}
