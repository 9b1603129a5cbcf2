package org.skillgraph.read;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.skillgraph.model.Anchor;
import org.skillgraph.model.AnchorKind;
import org.skillgraph.model.Anchors;
import org.skillgraph.model.Domain;
import org.skillgraph.model.Framework;
import org.skillgraph.model.FrameworkKind;
import org.skillgraph.model.Level;
import org.skillgraph.model.Metric;
import org.skillgraph.model.Occupation;
import org.skillgraph.model.Provenance;
import org.skillgraph.model.Source;
import org.skillgraph.model.SourceDocument;
import org.skillgraph.model.SourceFormat;
import org.skillgraph.model.Statement;

/** The NSX page seed (text rendering) read end to end: every section, every count, every glued split. */
class NsxPageReaderTest {
    static final Path SEED = Path.of("seeds", "29-2011.00.txt");

    static final String AEI = "anthropic-economic-index";
    static final String SAFI = "skill-automation-feasibility-index";
    static final String WEF = "wef-skills-taxonomy-2021";
    static final String PATHSMITH = "pathsmith-durable-skills-framework";
    static final String ONET = "onet-resource-center";

    static final List<String> SKILLS = List.of("Science", "Critical Thinking", "Active Listening",
            "Quality Control Analysis", "Reading Comprehension", "Operations Monitoring", "Monitoring",
            "Complex Problem Solving", "Operation and Control", "Active Learning", "Time Management", "Instructing",
            "Judgment and Decision Making", "Speaking", "Mathematics", "Writing", "Social Perceptiveness",
            "Coordination", "Equipment Maintenance", "Troubleshooting");
    static final List<String> KNOWLEDGE = List.of("Chemistry", "Customer and Personal Service",
            "Computers and Electronics", "English Language", "Biology", "Mathematics", "Administrative",
            "Medicine and Dentistry", "Education and Training", "Mechanical");
    static final List<String> ABILITIES = List.of("Inductive Reasoning", "Near Vision", "Problem Sensitivity",
            "Written Comprehension", "Information Ordering", "Deductive Reasoning", "Oral Comprehension",
            "Category Flexibility", "Oral Expression", "Arm-Hand Steadiness");
    static final List<String> WORK_STYLES = List.of("Attention to Detail", "Dependability", "Cautiousness",
            "Integrity", "Achievement Orientation", "Intellectual Curiosity");
    static final List<String> TECHNOLOGY = List.of("Medical software", "Data base user interface and query software",
            "Electronic mail software", "Spreadsheet software", "Office suite software", "Presentation software",
            "Project management software", "Word processing software");
    static final List<String> TASKS = List.of(
            "Analyze samples of biological material for chemical content or reaction.",
            "Analyze laboratory findings to check the accuracy of the results.",
            "Conduct chemical analysis of body fluids, including blood, urine, or spinal fluid, to determine presence "
                    + "of normal or abnormal components.",
            "Enter data from analysis of medical tests or clinical results into computer for storage.",
            "Collect and study blood samples to determine the number of cells, their morphology, or their blood "
                    + "group, blood type, or compatibility for transfusion purposes, using microscopic techniques.",
            "Set up, clean, and maintain laboratory equipment.",
            "Operate, calibrate, or maintain equipment used in quantitative or qualitative analysis, such as "
                    + "spectrophotometers, calorimeters, flame photometers, or computer-controlled analyzers.",
            "Establish or monitor quality assurance programs or activities to ensure the accuracy of laboratory "
                    + "results.");
    static final List<String> RELATED = List.of("Biochemistry Technologist", "Blood Bank Laboratory Technologist",
            "Blood Bank Medical Technologist", "Blood Bank Technologist",
            "Cath Lab Technologist (Catheterization Laboratory Technologist)", "Chemistry Technologist",
            "Clinical Chemist", "Clinical Laboratory Scientist (CLS)", "Clinical Laboratory Technologist",
            "Clinical Research Associate", "Clinical Researcher", "Differential Specialist");
    static final List<String> CIP = List.of("26.0401", "51.1002", "51.1005", "51.1007", "51.1010", "51.1099");
    static final List<String> DOMAINS = List.of("Communication", "Leadership", "Metacognition", "Critical Thinking",
            "Collaboration", "Character", "Creativity", "Growth Mindset", "Mindfulness", "Fortitude");
    static final List<Integer> DOMAIN_COUNTS = List.of(12, 10, 9, 10, 9, 9, 8, 9, 9, 9);

    static SourceDocument doc;

    @BeforeAll
    static void read() {
        doc = new SourceReader().read(SEED);
    }

    static Framework occupational() {
        return doc.framework(FrameworkKind.OCCUPATIONAL);
    }

    static Framework ai() {
        return doc.framework(FrameworkKind.AI_USAGE);
    }

    static Framework durable() {
        return doc.framework(FrameworkKind.DURABLE_SKILLS);
    }

    static Statement statement(Framework f, String domainKey, String levelKey, int position) {
        List<Statement> found = f.statements().stream()
                .filter(s -> java.util.Objects.equals(s.domainKey(), domainKey) && s.levelKey().equals(levelKey)
                        && s.position() == position)
                .toList();
        assertEquals(1, found.size(), "exactly one statement " + domainKey + "/" + levelKey + "/" + position);
        return found.get(0);
    }

    static Map<String, Long> countByLevel(Framework f) {
        return f.statements().stream().collect(Collectors.groupingBy(Statement::levelKey,
                java.util.LinkedHashMap::new, Collectors.counting()));
    }

    // ---- header / occupation ------------------------------------------------------------------------

    @Test
    void occupationFromHeader() {
        Occupation o = doc.occupation();
        assertEquals("29-2011.00", o.soc());
        assertEquals("Medical and Clinical Laboratory Technologists", o.title());
        assertEquals(4, o.jobZone());
        assertEquals("Considerable Preparation", o.jobZoneLabel());
        assertNull(o.group());
        assertNull(o.sector());
        assertNull(o.jobZoneInferred());
        assertEquals(RELATED, o.relatedTitles());
    }

    @Test
    void provenanceOfTheTextPage() throws IOException {
        Provenance p = doc.provenance();
        assertEquals("29-2011.00.txt", p.fileName());
        assertEquals(SourceFormat.NSX_TEXT, p.format());
        assertEquals(SourceReader.sha256(Files.readAllBytes(SEED)), p.sha256());
        assertEquals(64, p.sha256().length());
        assertEquals("v30.2", p.onetVersion());
        assertEquals("CC BY 4.0", p.onetLicense());
        assertEquals("© 2026 EBSCOed", p.attribution());
        assertEquals("skillscrosswalk.com", p.crosswalk());
        assertNull(p.generator());
        assertNull(p.schemaVersion());
        assertNull(p.exportedAt());
    }

    @Test
    void threeFrameworksAllVersioned() {
        assertEquals(List.of(FrameworkKind.OCCUPATIONAL, FrameworkKind.AI_USAGE, FrameworkKind.DURABLE_SKILLS),
                doc.frameworks().stream().map(Framework::kind).toList());
        for (Framework f : doc.frameworks()) {
            assertEquals("v.26.05", f.version(), f.kind().toString());
        }
        String context = occupational().contextCovered();
        assertTrue(context.startsWith("This framework covers clinical and hospital laboratory environments"), context);
        assertTrue(context.endsWith("across entry-level through executive practice."), context);
        assertNull(occupational().description());
        assertTrue(ai().description().startsWith("How a worker at each mastery level uses, directs, and evaluates"));
        assertTrue(ai().description().endsWith("click a citation chip to verify the source."));
        assertTrue(durable().description().startsWith("Ten durable-skill domains mapped to four"));
        assertTrue(durable().description().endsWith("occupation-specific O*NET tasks and skills."));
    }

    // ---- occupational framework -----------------------------------------------------------------------

    @Test
    void occupationalLevelsWithRoleLabels() {
        assertEquals(List.of(
                new Level("emerging", "Emerging", "Entry / Apprentice", 1),
                new Level("developing", "Developing", "Mid-level / Established", 2),
                new Level("proficient", "Proficient", "Senior / Expert IC", 3),
                new Level("advanced", "Advanced", "Lead / Principal / Executive", 4)), occupational().levels());
        assertTrue(occupational().domains().isEmpty());
    }

    @Test
    void fortyOccupationalStatementsTenPerLevel() {
        List<Statement> all = occupational().statements();
        assertEquals(40, all.size());
        assertEquals(Map.of("emerging", 10L, "developing", 10L, "proficient", 10L, "advanced", 10L),
                countByLevel(occupational()));
        List<String> expectedOrder = new ArrayList<>();
        for (String level : Scales.OCCUPATIONAL) {
            for (int n = 1; n <= 10; n++) {
                expectedOrder.add(level + "#" + n);
            }
        }
        assertEquals(expectedOrder, all.stream().map(s -> s.levelKey() + "#" + s.position()).toList());
        assertTrue(all.stream().allMatch(s -> s.domainKey() == null && s.citedSources().isEmpty()));
        assertEquals("line 12", all.get(0).location());
        assertEquals("Biological sample preparationperform basic processing steps under direct supervision in a "
                + "clinical laboratory setting.", all.get(0).text());
    }

    static Stream<Arguments> splits() throws IOException {
        try (InputStream in = NsxPageReaderTest.class.getResourceAsStream("/read/29-2011.00-splits.tsv")) {
            assertNotNull(in, "test resource read/29-2011.00-splits.tsv");
            List<Arguments> out = new ArrayList<>();
            for (String row : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (row.isBlank()) {
                    continue;
                }
                String[] f = row.split("\t", -1);
                assertEquals(4, f.length, row);
                out.add(Arguments.of(f[0], Integer.parseInt(f[1]), f[2], f[3]));
            }
            assertEquals(40, out.size(), "the splits file lists all 40 statements");
            return out.stream();
        }
    }

    @ParameterizedTest(name = "{0} #{1}: {2} / {3}")
    @MethodSource("splits")
    void gluedStatementSplitExactly(String level, int position, String topic, String description) {
        Statement s = statement(occupational(), null, level, position);
        assertAll(
                () -> assertEquals(topic, s.topic(), "topic"),
                () -> assertEquals(description, s.description(), "description"),
                () -> assertEquals(topic + description, s.text(), "text keeps the glued rendering"),
                () -> assertEquals(List.of(), s.flags(), "no doubt about the split"));
    }

    // ---- AI usage -------------------------------------------------------------------------------------

    @Test
    void aiUsageTwelveStatements2343() {
        assertEquals(12, ai().statements().size());
        assertEquals(Map.of("emerging", 2L, "developing", 3L, "proficient", 4L, "advanced", 3L), countByLevel(ai()));
        assertEquals(List.of("emerging", "developing", "proficient", "advanced"),
                ai().levels().stream().map(Level::key).toList());
        assertEquals(List.of(1, 2, 3, 4), ai().levels().stream().map(Level::rank).toList());
        assertTrue(ai().levels().stream().allMatch(l -> l.roleLabel() == null));
        assertTrue(ai().domains().isEmpty());
    }

    @Test
    void aiStatementCitationsInOrder() {
        Statement s = statement(ai(), null, "developing", 1);
        assertEquals(List.of(AEI, SAFI), s.citedSources());
        assertEquals("Automated QC flagging", s.topic());
        assertTrue(s.text().endsWith("whether to accept, repeat, or escalate the result."), s.text());
        assertEquals("Automated QC flagging — monitors AI-generated quality control alerts for out-of-range values in "
                + "blood chemistry panels, then applies scientific judgment to determine whether to accept, repeat, or "
                + "escalate the result.", s.text());
        assertEquals("monitors AI-generated quality control alerts for out-of-range values in blood chemistry panels, "
                + "then applies scientific judgment to determine whether to accept, repeat, or escalate the result.",
                s.description());
        assertEquals("line 67", s.location());

        Statement first = statement(ai(), null, "emerging", 1);
        assertEquals(List.of(AEI), first.citedSources());
        assertEquals("AI-assisted result entry", first.topic());
        assertTrue(first.description().endsWith("reducing manual transcription errors."), first.description());

        Statement noChip = statement(ai(), null, "emerging", 2);
        assertEquals(List.of(), noChip.citedSources());
        assertEquals("Basic query delegation", noChip.topic());
        assertTrue(noChip.text().endsWith("against validated laboratory protocols."));

        assertEquals(List.of(WEF), statement(ai(), null, "developing", 2).citedSources());
        assertEquals(List.of(SAFI), statement(ai(), null, "developing", 3).citedSources());
        assertEquals(List.of(AEI, SAFI), statement(ai(), null, "proficient", 1).citedSources());
        assertEquals(List.of(SAFI, WEF), statement(ai(), null, "advanced", 1).citedSources());
        assertEquals(List.of(WEF, SAFI), statement(ai(), null, "advanced", 2).citedSources());
        assertEquals(List.of(), statement(ai(), null, "advanced", 3).citedSources());
        assertEquals("Human-technology integration governance — establishes laboratory policies defining the boundary "
                + "between AI-autonomous pre-reporting and technologist-required sign-off, aligning protocols with "
                + "accreditation standards and patient-safety requirements.",
                statement(ai(), null, "advanced", 2).text());
    }

    // ---- durable skills -------------------------------------------------------------------------------

    @Test
    void tenDomainsInOrderWithDeclaredCounts() {
        List<Domain> domains = durable().domains();
        assertEquals(10, domains.size());
        assertEquals(DOMAINS, domains.stream().map(Domain::name).toList());
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), domains.stream().map(Domain::number).toList());
        assertEquals(DOMAIN_COUNTS, domains.stream().map(Domain::declaredStatements).toList());
        assertEquals("critical-thinking", domains.get(3).key());
        assertEquals("growth-mindset", domains.get(7).key());
        for (Domain d : domains) {
            long actual = durable().statements().stream().filter(s -> d.key().equals(s.domainKey())).count();
            assertEquals(d.declaredStatements().longValue(), actual, d.name());
        }
    }

    @Test
    void ninetyFourDurableStatements() {
        List<Statement> all = durable().statements();
        assertEquals(94, all.size());
        assertEquals(DOMAIN_COUNTS.stream().mapToInt(Integer::intValue).sum(), all.size());
        assertEquals(List.of(
                new Level("emerging", "Emerging", null, 1), new Level("developing", "Developing", null, 2),
                new Level("applying", "Applying", null, 3), new Level("exceeding", "Exceeding", null, 4)),
                durable().levels());
        // Communication: 3 per level
        Map<String, Long> communication = all.stream().filter(s -> "communication".equals(s.domainKey()))
                .collect(Collectors.groupingBy(Statement::levelKey, Collectors.counting()));
        assertEquals(Map.of("emerging", 3L, "developing", 3L, "applying", 3L, "exceeding", 3L), communication);
        // Creativity (8): 2, 2, 2, 2
        Map<String, Long> creativity = all.stream().filter(s -> "creativity".equals(s.domainKey()))
                .collect(Collectors.groupingBy(Statement::levelKey, Collectors.counting()));
        assertEquals(Map.of("emerging", 2L, "developing", 2L, "applying", 2L, "exceeding", 2L), creativity);
        // domain keys appear in page order
        assertEquals(durable().domains().stream().map(Domain::key).toList(),
                all.stream().map(Statement::domainKey).distinct().toList());
    }

    @Test
    void durableStatementsCitationsAndText() {
        Statement s = statement(durable(), "communication", "emerging", 1);
        assertEquals("Laboratory result reporting", s.topic());
        assertEquals("documents routine test findings using standard terminology in electronic health records for "
                + "clinical team review", s.description());
        assertEquals("Laboratory result reporting — documents routine test findings using standard terminology in "
                + "electronic health records for clinical team review", s.text());
        assertEquals(List.of(PATHSMITH, ONET), s.citedSources());

        assertEquals(List.of(PATHSMITH), statement(durable(), "communication", "emerging", 2).citedSources());
        assertEquals(List.of(ONET), statement(durable(), "communication", "emerging", 3).citedSources());
        Statement onetOnly = statement(durable(), "communication", "applying", 2);
        assertEquals("Quality deviation communication", onetOnly.topic());
        assertEquals(List.of(ONET), onetOnly.citedSources());
        assertTrue(onetOnly.description().endsWith("for laboratory management review"), onetOnly.description());

        Statement dashes = statement(durable(), "fortitude", "applying", 2);
        assertEquals("Complex case perseverance", dashes.topic());
        assertEquals("pursues resolution of analytically difficult cases—including rare hemoglobinopathies or unusual "
                + "serologic discrepancies—through iterative investigation rather than defaulting to inconclusive "
                + "reporting", dashes.description());
        assertEquals(List.of(PATHSMITH, ONET), dashes.citedSources());

        Statement last = durable().statements().get(93);
        assertEquals("fortitude", last.domainKey());
        assertEquals("exceeding", last.levelKey());
        assertEquals(2, last.position());
        assertEquals("Courageous quality advocacy", last.topic());
    }

    @Test
    void everyChippedStatementIsTopicDashDescriptionWithoutChipText() {
        List<Statement> chipped = new ArrayList<>(ai().statements());
        chipped.addAll(durable().statements());
        assertEquals(106, chipped.size());
        for (Statement s : chipped) {
            String where = s.location() + " " + s.text();
            assertNotNull(s.description(), where);
            assertEquals(s.topic() + " — " + s.description(), s.text(), where);
            assertFalse(s.text().contains("Opens in new tab"), where);
            assertFalse(s.text().contains("Pathsmith"), where);
            assertFalse(s.text().contains("O*NET v30.2"), where);
            assertFalse(s.text().contains("Jadhav"), where);
            assertFalse(s.text().contains("Economic Index"), where);
            assertFalse(s.topic().isBlank(), where);
            assertTrue(Character.isUpperCase(s.topic().charAt(0)), where);
            assertTrue(Character.isLowerCase(s.description().charAt(0)), where);
        }
        // every durable statement cites at least one source; AI ones all but two
        assertTrue(durable().statements().stream().noneMatch(s -> s.citedSources().isEmpty()));
        assertEquals(2, ai().statements().stream().filter(s -> s.citedSources().isEmpty()).count());
    }

    // ---- sources --------------------------------------------------------------------------------------

    @Test
    void exactlyFiveDistinctCitedSources() {
        Set<String> cited = doc.frameworks().stream().flatMap(f -> f.statements().stream())
                .flatMap(s -> s.citedSources().stream()).collect(Collectors.toCollection(LinkedHashSet::new));
        assertEquals(Set.of(AEI, SAFI, WEF, PATHSMITH, ONET), cited);
        assertEquals(5, cited.size());
        Set<String> known = doc.sources().stream().map(Source::key).collect(Collectors.toSet());
        assertTrue(known.containsAll(cited), "every cited key has a Source: " + known);
        assertEquals(doc.sources().size(), known.size(), "source keys are unique");
    }

    @Test
    void citedSourcesFromChips() {
        Map<String, Source> byKey = doc.sources().stream().collect(Collectors.toMap(Source::key, Function.identity()));
        assertEquals(new Source(AEI, "Anthropic Economic Index", "Anthropic Economic Index", "release_2026_03_24",
                null, "release_2026_03_24"), byKey.get(AEI));
        assertEquals(new Source(SAFI, "Jadhav & Danve, 2026", "Skill Automation Feasibility Index",
                "Jadhav & Danve, 2026 (arXiv:2604.06906)", "arXiv:2604.06906", null), byKey.get(SAFI));
        assertEquals(new Source(WEF, "WEF Skills Taxonomy", "WEF Skills Taxonomy 2021",
                "Building a Common Language for Skills at Work", null, null), byKey.get(WEF));
        assertEquals(new Source(PATHSMITH, "Pathsmith Durable Skills", "Pathsmith Durable Skills Framework",
                "America Succeeds + CompTIA", null, null), byKey.get(PATHSMITH));
        Source onet = byKey.get(ONET);
        assertEquals("O*NET v30.2", onet.label());
        assertEquals("O*NET Resource Center", onet.title());
        assertEquals("Occupational Information Network, v30.2 (Sept 2025)", onet.detail());
        assertEquals("v30.2", onet.version());
        // the footer's credits that no chip cites are sources too, but not duplicates of the cited ones
        assertTrue(byKey.containsKey("ler-me"), byKey.keySet().toString());
        assertTrue(byKey.containsKey("skillscrosswalk-com"), byKey.keySet().toString());
        assertEquals(7, doc.sources().size(), byKey.keySet().toString());
    }

    // ---- evidence ------------------------------------------------------------------------------------

    @Test
    void evidenceMetrics() {
        List<Metric> m = doc.evidence().metrics();
        assertEquals(9, m.size(), m.toString());
        assertMetric(m.get(0), "AEI usage", "Task observations", "184", "184", Metric.Unit.COUNT, null);
        assertMetric(m.get(1), "AEI usage", "Augment share", "18.4%", "18.4", Metric.Unit.PERCENT, null);
        assertMetric(m.get(2), "AEI usage", "Time saved", "92.5%", "92.5", Metric.Unit.PERCENT, null);
        assertMetric(m.get(3), "AEI usage", "AI autonomy", "2.43", "2.43", Metric.Unit.NUMBER, null);
        assertMetric(m.get(4), "SAFI positioning", "Top skill", "Science", null, Metric.Unit.TEXT, "Science");
        assertMetric(m.get(5), "SAFI positioning", "Score", "53.1 / 100", "53.1", Metric.Unit.SCORE_OF_100, null);
        assertMetric(m.get(6), "SAFI positioning", "precision", "category_estimate", null, Metric.Unit.TEXT,
                "category_estimate");
        assertMetric(m.get(7), "WEF cluster", "label", "Human-Technology Interaction", null, Metric.Unit.TEXT,
                "Human-Technology Interaction");
        assertMetric(m.get(8), "WEF cluster", "key", "human_technology_interaction", null, Metric.Unit.TEXT,
                "human_technology_interaction");
        assertEquals("line 81", m.get(0).location());
    }

    static void assertMetric(Metric m, String group, String name, String raw, String number, Metric.Unit unit,
                             String text) {
        assertAll(m.toString(),
                () -> assertEquals(group, m.group()),
                () -> assertEquals(name, m.name()),
                () -> assertEquals(raw, m.raw()),
                () -> assertEquals(number == null ? null : new BigDecimal(number), m.number()),
                () -> assertEquals(unit, m.unit()),
                () -> assertEquals(text, m.text()));
    }

    // ---- anchors -------------------------------------------------------------------------------------

    @Test
    void sixtyTwoAnchorsInPageOrder() {
        Anchors a = doc.anchors();
        assertEquals(62, a.declaredCount());
        assertEquals(62, a.anchors().size());
        assertEquals(SKILLS, labels(a, AnchorKind.SKILL));
        assertEquals(KNOWLEDGE, labels(a, AnchorKind.KNOWLEDGE));
        assertEquals(ABILITIES, labels(a, AnchorKind.ABILITY));
        assertEquals(WORK_STYLES, labels(a, AnchorKind.WORK_STYLE));
        assertEquals(TECHNOLOGY, labels(a, AnchorKind.TECHNOLOGY));
        assertEquals(TASKS, labels(a, AnchorKind.TASK));
        assertEquals(List.of(), labels(a, AnchorKind.APPRENTICESHIP));
        assertEquals(List.of(20, 10, 10, 6, 8, 8), Stream.of(AnchorKind.SKILL, AnchorKind.KNOWLEDGE,
                AnchorKind.ABILITY, AnchorKind.WORK_STYLE, AnchorKind.TECHNOLOGY, AnchorKind.TASK)
                .map(k -> a.of(k).size()).toList());
        // positions are 1-based within each kind; kinds appear in page order
        for (AnchorKind k : AnchorKind.values()) {
            List<Anchor> of = a.of(k);
            for (int n = 0; n < of.size(); n++) {
                assertEquals(n + 1, of.get(n).position(), of.get(n).toString());
            }
        }
        assertEquals(List.of(AnchorKind.SKILL, AnchorKind.KNOWLEDGE, AnchorKind.ABILITY, AnchorKind.WORK_STYLE,
                AnchorKind.TECHNOLOGY, AnchorKind.TASK), a.anchors().stream().map(Anchor::kind).distinct().toList());
        assertEquals(CIP, a.cipCodes());
    }

    static List<String> labels(Anchors a, AnchorKind kind) {
        return a.of(kind).stream().map(Anchor::label).toList();
    }

    // ---- flags --------------------------------------------------------------------------------------

    @Test
    void noFlagsOnTheSeed() {
        assertEquals(List.of(), doc.flags());
        for (Framework f : doc.frameworks()) {
            for (Statement s : f.statements()) {
                assertEquals(List.of(), s.flags(), f.kind() + " " + s.location() + " " + s.text());
            }
        }
    }
}
