package org.skillgraph.read;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The glue splitter on statements that are not in the seed: other occupations' topics, other verbs and
 * adverbs. WordNet decides; no word of these sentences is in any list of the reader.
 */
class GlueSplitterTest {
    private final GlueSplitter splitter = new GlueSplitter();

    @ParameterizedTest(name = "{0} | {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Patient intake coordination       | schedule appointments and confirm insurance coverage before each visit.
            Network troubleshooting           | isolate faults in switched and routed networks using packet captures.
            Budget forecasting                | reliably estimate quarterly costs across business units.
            Mentorship of new hires           | help newcomers settle into team routines.
            Inventory reconciliation          | match physical stock counts against the ledger at month end.
            Customer complaint resolution     | listen to concerns and propose fair remedies.
            Soil sample collection            | carefully label each core with its GPS position.
            Cross-team conflict mediation     | facilitate structured conversations between disputing colleagues.
            Grant proposal writing            | draft narratives and budgets for foundation applications.
            Wildlife habitat surveying        | quickly identify nesting sites before construction begins.
            Vendor contract negotiation       | secure favorable pricing and service terms.
            Payroll processing                | calculate wages, deductions, and overtime for hourly staff.
            Electrical wiring installation    | route conduit and pull cable through finished walls.
            Legal research                    | thoroughly review case law before drafting memos.
            Dental radiography                | expose and process intraoral images following safety rules.
            Crop rotation planning            | alternate plantings to preserve soil fertility.
            Onboarding coordination           | schedule first-week sessions for new hires.
            """)
    void splitsUnseenTopicsAndVerbs(String topic, String description) {
        GlueSplitter.Split s = splitter.split(topic + description);
        assertAll(
                () -> assertEquals(topic, s.topic(), "topic"),
                () -> assertEquals(description, s.description(), "description"),
                () -> assertTrue(s.confident(), "confident"),
                () -> assertNull(s.doubt(), "no doubt"));
    }

    @Test
    void descriptionStartingWithPunctuatedVerbList() {
        GlueSplitter.Split s = splitter.split("Fleet maintenance schedulingplan, track, and log service intervals.");
        assertEquals("Fleet maintenance scheduling", s.topic());
        assertEquals("plan, track, and log service intervals.", s.description());
        assertTrue(s.confident());
    }

    @Test
    void acronymAtTheEndOfTheTopic() {
        GlueSplitter.Split s = splitter.split("Dashboard KPIreview weekly metrics with the finance team.");
        assertEquals("Dashboard KPI", s.topic());
        assertEquals("review weekly metrics with the finance team.", s.description());
        assertTrue(s.confident());
    }

    @Test
    void adverbThenVerb() {
        GlueSplitter.Split s = splitter.split("Budget forecastingreliably estimate quarterly costs across business units.");
        assertEquals("Budget forecasting", s.topic());
        assertEquals("reliably estimate quarterly costs across business units.", s.description());
        assertTrue(s.confident());
    }

    @Test
    void noGlueAtAllIsNotConfident() {
        String text = "Something entirely lowercase without any verb glue";
        GlueSplitter.Split s = splitter.split(text);
        assertFalse(s.confident());
        assertEquals(text, s.topic());
        assertNull(s.description());
        assertNotNull(s.doubt());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Xyzzy quuxplugh the widgets",          // glued token whose parts are not words
            "Widget qualityzzzrun the checks",       // left part is not a word
            "Kubernetesdeploy rolling updates",      // left part unknown to the dictionary
            "Python 3migrate legacy scripts"})       // a digit, not a word, before the verb
    void gluedTokenWhosePartsAreNotWordsIsNotConfident(String text) {
        GlueSplitter.Split s = splitter.split(text);
        assertFalse(s.confident(), s.toString());
        assertNotNull(s.doubt(), s.toString());
    }

    @Test
    void twoWordPlusVerbSplitsOfOneTokenAreNotConfident() {
        // "backup|date" and "back|update": both a word followed by a verb
        GlueSplitter.Split s = splitter.split("Nightly database backupdate each snapshot with its run identifier.");
        assertFalse(s.confident(), s.toString());
        assertTrue(s.doubt().contains("2 possible splits of 'backupdate'"), s.doubt());
        // "plant|rain" and "plan|train"
        GlueSplitter.Split t = splitter.split("Succession plantrain successors for every key role.");
        assertFalse(t.confident(), t.toString());
        assertTrue(t.doubt().contains("possible splits"), t.doubt());
    }

    @Test
    void inflectedVerbIsOnlyABestGuess() {
        GlueSplitter.Split s = splitter.split("Budget forecastingestimates quarterly costs across business units.");
        assertFalse(s.confident());
        assertEquals("Budget forecasting", s.topic());
        assertEquals("estimates quarterly costs across business units.", s.description());
        assertTrue(s.doubt().contains("inflected verb"), s.doubt());
    }

    @Test
    void derivationalSuffixIsNotAVerbThatStartsTheDescription() {
        // "Mentor|ship" is not a split, even though "ship" is a verb: the token is a closed compound
        GlueSplitter.Split s = splitter.split("Mentorship programmesupport junior staff through monthly reviews.");
        assertEquals("Mentorship programme", s.topic());
        assertEquals("support junior staff through monthly reviews.", s.description());
        assertTrue(s.confident());
    }

    @Test
    void descriptionStartingWithAVerbThatLooksLikeASuffixIsAtLeastFlagged() {
        // "ship" is both a verb and a derivational suffix: the splitter does not find the glue; it must not be
        // confident about anything else
        GlueSplitter.Split s = splitter.split("Order fulfillmentship orders within one business day.");
        assertFalse(s.confident(), s.toString());
    }

    /**
     * A closed compound that WordNet lacks ("Frontend", "Backend", "Runbook") splits into a word and a verb
     * ("Front|end", "Back|end", "Run|book"): it is the first such token, before the real glue point, so the
     * splitter must not be confident about it — a confident split must be the right one.
     */
    @ParameterizedTest(name = "{0} | {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Frontend performance tuning | profile page rendering and remove bottlenecks.
            Backend service monitoring  | watch latency dashboards and page on-call staff.
            Runbook maintenance         | update incident procedures after each outage.
            """)
    void closedCompoundInTheTopicIsNeverAConfidentWrongSplit(String topic, String description) {
        GlueSplitter.Split s = splitter.split(topic + description);
        if (s.confident()) {
            assertEquals(topic, s.topic(), "a confident split must be right: " + s);
            assertEquals(description, s.description());
        }
    }
}
