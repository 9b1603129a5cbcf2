package org.skillgraph.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillgraph.model.Flag;
import org.skillgraph.model.FrameworkKind;
import org.skillgraph.model.SourceDocument;
import org.skillgraph.model.Statement;

/**
 * What the readers refuse so that nothing malformed reaches a URI or the glue splitter, and what they keep
 * only as a note. The bad-input corpus ({@code src/test/resources/bad/}) covers the rest end to end.
 */
class ReaderRefusalsTest {
    static final Path JSON_SEED = Path.of("seeds", "29-2099.00.json");
    static final Path PAGE_SEED = Path.of("seeds", "29-2011.00.txt");

    @TempDir
    Path dir;

    Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    /** The page seed with {@code from} (which it must hold) replaced by {@code to}, written as {@code name}, refused. */
    /** The seed page with {@code from} (which it must hold) replaced by {@code to}, written as {@code name}. */
    Path pageEdit(String name, String from, String to) throws IOException {
        String seed = Files.readString(PAGE_SEED, StandardCharsets.UTF_8);
        assertTrue(seed.contains(from), "the seed no longer holds " + from);
        return write(name, seed.replace(from, to));
    }

    SourceException refusedPageEdit(String name, String from, String to) throws IOException {
        return refused(pageEdit(name, from, to));
    }

    SourceDocument readPageEdit(String name, String from, String to) throws IOException {
        return new SourceReader().read(pageEdit(name, from, to));
    }

    SourceException refused(Path f) {
        SourceException e = assertThrows(SourceException.class, () -> new SourceReader().read(f));
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        return e;
    }

    @Test
    void aFrameworkVersionThatCannotBePartOfAUri() throws IOException {
        String json = Files.readString(JSON_SEED, StandardCharsets.UTF_8).replace("\"v.26.05\"", "\"May 2026/rev 2\"");
        SourceException e = refused(write("version.json", json));
        assertEquals("/framework/version", e.location());
        assertTrue(e.getMessage().contains("must look like 'v.26.05', found 'May 2026/rev 2'"), e.getMessage());
    }

    @Test
    void aSecondExportOrTextAfterTheExportIsRefusedWhereItStarts() throws IOException {
        String seed = Files.readString(JSON_SEED, StandardCharsets.UTF_8);
        assertFalse(seed.contains("\n"), "the seed is one line");
        SourceException e = refused(write("two.json", seed + " " + seed));
        assertEquals("line 1, column " + (seed.length() + 2), e.location());
        assertTrue(e.getMessage().contains(": not valid JSON: content after the end of the document's JSON value "
                + "(an export is one JSON object): '{\"schemaVersion\":\"1.0\",\"exportedAt\":"), e.getMessage());
        e = refused(write("text.json", seed + "\nthis is not json\n"));
        assertEquals("line 2, column 1", e.location());
        assertTrue(e.getMessage().endsWith("'this is not json'"), e.getMessage());
    }

    @Test
    void aValueOfAnotherTypeIsReadAndFlaggedOnlyWhenItReadsOneWay() throws IOException {
        String seed = Files.readString(JSON_SEED, StandardCharsets.UTF_8);
        assertTrue(seed.contains("\"jobZone\":3,"));
        SourceDocument d = new SourceReader().read(write("jz.json",
                seed.replace("\"jobZone\":3,", "\"jobZone\":\"3\",")));
        assertEquals(3, d.occupation().jobZone());
        assertEquals(List.of("/occupation/jobZone"), d.flags().stream().map(Flag::location).toList());
        assertEquals("type-mismatch", d.flags().get(0).code());
        SourceException e = refused(write("jz3.json", seed.replace("\"jobZone\":3,", "\"jobZone\":\"three\",")));
        assertEquals("/occupation/jobZone", e.location());
        assertTrue(e.getMessage().endsWith("'jobZone' must be an integer, found string \"three\""), e.getMessage());
        e = refused(write("jz37.json", seed.replace("\"jobZone\":3,", "\"jobZone\":3.7,")));
        assertTrue(e.getMessage().endsWith("'jobZone' must be an integer, found number 3.7"), e.getMessage());
    }

    @Test
    void aPageStatementWithTwoDashesOrABlankHalfIsFlaggedNotSplitSilently() throws IOException {
        String seed = Files.readString(PAGE_SEED, StandardCharsets.UTF_8);
        String line = "  3. Cross-domain evidence synthesis \u2014 orchestrates an AI research assistant to aggregate "
                + "multi-study evidence on emerging biomarker panels, then authors";
        assertTrue(seed.contains(line));
        SourceDocument d = new SourceReader().read(write("two-dashes.txt", seed.replace(line,
                "  3. Cross-domain evidence synthesis \u2014 orchestrates an AI research assistant \u2014 to aggregate "
                        + "multi-study evidence on emerging biomarker panels, then authors")));
        org.skillgraph.model.Statement s = d.framework(org.skillgraph.model.FrameworkKind.AI_USAGE).statements().stream()
                .filter(x -> x.text().startsWith("Cross-domain")).findFirst().orElseThrow();
        assertEquals("Cross-domain evidence synthesis", s.topic());
        assertTrue(s.description().startsWith("orchestrates an AI research assistant \u2014 to aggregate"), s.description());
        assertEquals(List.of(new Flag("topic-split-unsure", "more than one ' \u2014 ': split at the first, topic "
                + "'Cross-domain evidence synthesis', the rest the description", "line 78")), s.flags());
        // a description of a no-break space only: kept whole, flagged, never an invisible text
        String whole = seed.substring(seed.indexOf(line), seed.indexOf('\n', seed.indexOf(line)));
        d = new SourceReader().read(write("blank-half.txt", seed.replace(whole,
                "  3. Cross-domain evidence synthesis \u2014 \u00a0")));
        s = d.framework(org.skillgraph.model.FrameworkKind.AI_USAGE).statements().stream()
                .filter(x -> x.text().startsWith("Cross-domain")).findFirst().orElseThrow();
        assertNull(s.description(), s.toString());
        assertEquals(List.of("topic-split-missing"), s.flags().stream().map(Flag::code).toList());
    }

    @Test
    void aStatementNumberRepeatedInALevelIsRefusedNamingBothLines() throws IOException {
        // both statements took the number's URI, and the quality gate refused the page with six violations and no line
        SourceException e = refusedPageEdit("renumbered.txt", "\n  2. Chemical analysis protocols",
                "\n  5. Chemical analysis protocols");
        assertEquals("line 16", e.location());
        assertTrue(e.getMessage().endsWith("statement 5 of the level 'Emerging' in the occupational framework repeats the "
                + "number of line 13: each statement of a level has a number of its own (the list renumbered by hand, "
                + "or a statement pasted twice?)"), e.getMessage());
    }

    @Test
    void aNegativeDomainCountIsRefusedNotReadAsPartOfTheName() throws IOException {
        // it was stored as the domain "Communication-" with 12 statements declared, and no note
        SourceException e = refusedPageEdit("negative.txt", "\n1Communication12 statements\n",
                "\n1Communication-12 statements\n");
        assertEquals("line 95", e.location());
        assertTrue(e.getMessage().endsWith("the durable-skill domain heading '1Communication-12 statements' gives a "
                + "negative statement count (-12): a count is a number of statements"), e.getMessage());
    }

    @Test
    void anEvidenceValueRepeatedWordForWordIsKeptOnceAndTheRepeatNoted() throws IOException {
        // the graph holds a value once: the second line used to vanish without a word
        assertTrue(Files.readString(PAGE_SEED, StandardCharsets.UTF_8)
                .contains("\nTask observations: 184\nAugment share: 18.4%\n"));
        SourceDocument d = readPageEdit("repeated.txt", "\nTask observations: 184\n",
                "\nTask observations: 184\nTask observations: 184\n");
        assertEquals(1, d.evidence().metrics().stream().filter(m -> m.name().equals("Task observations")).count());
        assertEquals(List.of(new Flag("metric-repeated", "'Task observations: 184' repeats the evidence pack's value at "
                + "line 81 (group 'AEI usage'); kept once", "line 82")),
                d.flags().stream().filter(f -> f.code().equals("metric-repeated")).toList());
        // another value under the same name is not a repeat: both are read (the quality gate refuses two counts)
        d = readPageEdit("another.txt", "\nTask observations: 184\n", "\nTask observations: 184\nTask observations: 200\n");
        assertEquals(List.of("184", "200"), d.evidence().metrics().stream()
                .filter(m -> m.name().equals("Task observations")).map(m -> m.raw()).toList());
        assertTrue(d.flags().stream().noneMatch(f -> f.code().equals("metric-repeated")), d.flags().toString());
    }

    @Test
    void anEvidenceCountTooLargeToBeACountIsRefusedNamingItsLine() throws IOException {
        // a count past a long was stored as another number (TDB2 keeps an xsd:integer exactly only within a long)
        SourceException e = refusedPageEdit("observations.txt", "\nTask observations: 184\n",
                "\nTask observations: 99999999999999999999999\n");
        assertEquals("line 81", e.location());
        assertTrue(e.getMessage().contains("the AEI usage value 'Task observations' 99999999999999999999999 is too "
                + "large to be a count (at most 999,999,999)"), e.getMessage());
        // leading zeros are not size
        SourceDocument d = readPageEdit("zeros.txt", "\nTask observations: 184\n", "\nTask observations: 0000000000184\n");
        assertEquals(0, d.evidence().metrics().stream().filter(m -> m.name().equals("Task observations"))
                .findFirst().orElseThrow().number().compareTo(java.math.BigDecimal.valueOf(184)));
    }

    @Test
    void anAnchorListWhoseHeadingIsMissingIsRefusedNotFiledUnderTheHeadingBefore() throws IOException {
        // without "Technology", the technology labels were stored as work styles, and the anchor count still agreed
        SourceException e = refusedPageEdit("technology.txt", "\nTechnology\nMedical software", "\nMedical software");
        assertEquals("line 258", e.location());
        assertTrue(e.getMessage().contains("a second list under the anchor heading 'Work styles' (line 256, its list at "
                + "line 257): 'Medical softwareData base"), e.getMessage());
    }

    @Test
    void anAnchorHeadingMissingAfterAListIsRefusedNotFiledUnderTheHeadingBefore() throws IOException {
        // without "O*NET skills", the seed's skills were stored as its (otherwise empty) RAPIDS apprenticeships
        assertTrue(Files.readString(PAGE_SEED, StandardCharsets.UTF_8)
                .contains("\nRAPIDS apprenticeships\nO*NET skills\nScience"));
        SourceException e = refusedPageEdit("skills.txt", "\nO*NET skills\nScience", "\nScience");
        assertEquals("line 251", e.location());
        assertTrue(e.getMessage().contains("no heading 'O*NET skills' between 'RAPIDS apprenticeships' (line 249) and "
                + "'Knowledge domains': the lines under 'RAPIDS apprenticeships' (from line 250) may be its list"),
                e.getMessage());
        // a heading left out with nothing under the one before it loses nothing
        SourceDocument d = readPageEdit("no-rapids.txt", "\nRAPIDS apprenticeships\n", "\n");
        assertEquals(62, d.anchors().anchors().size());
        // nor are apprenticeships, one a line, taken for related titles when their heading is missing
        e = refusedPageEdit("apprenticeships.txt", "\nRAPIDS apprenticeships\n",
                "\nPharmacy Technician\nLaboratory Assistant\n");
        assertEquals("line 249", e.location());
        assertTrue(e.getMessage().contains("a second list under the anchor heading 'Related titles' (line 247, its list "
                + "at line 248): 'Pharmacy Technician'"), e.getMessage());
    }

    @Test
    void aTaskNumberWithNoTaskIsANoteNotATaskLabelledWithTheNumber() throws IOException {
        String seed = Files.readString(PAGE_SEED, StandardCharsets.UTF_8);
        String task = "\n  1. Analyze samples of biological material for chemical content or reaction.\n";
        assertTrue(seed.contains(task));
        for (String empty : List.of("\n  1. \n", "\n  1.\n")) {
            SourceDocument d = new SourceReader().read(write("task.txt", seed.replace(task, empty)));
            List<String> tasks = d.anchors().anchors().stream()
                    .filter(a -> a.kind() == org.skillgraph.model.AnchorKind.TASK).map(a -> a.label()).toList();
            assertEquals(7, tasks.size(), tasks.toString());
            assertFalse(tasks.contains("1."), tasks.toString());
            assertTrue(d.flags().contains(new Flag("unrecognised-line", "line not recognised, kept here: '1.'",
                    "line 261")), d.flags().toString());
            assertTrue(d.flags().stream().anyMatch(f -> f.code().equals("anchor-count-mismatch")), d.flags().toString());
        }
    }

    @Test
    void aTaskNumberThatDisagreesWithTheOrderReadIsFlaggedOnceAndTheOrderKept() throws IOException {
        String seed = Files.readString(PAGE_SEED, StandardCharsets.UTF_8);
        String third = "\n  3. Conduct chemical";
        assertTrue(seed.contains(third));
        SourceDocument plain = new SourceReader().read(PAGE_SEED);
        assertTrue(plain.flags().stream().noneMatch(f -> f.code().equals("task-number-mismatch")), plain.flags().toString());
        // 1, 2, 4, 4, 5, …: the third task says it is the fourth
        SourceDocument d = new SourceReader().read(write("tasks.txt", seed.replace(third, "\n  4. Conduct chemical")));
        List<org.skillgraph.model.Anchor> tasks = d.anchors().anchors().stream()
                .filter(a -> a.kind() == org.skillgraph.model.AnchorKind.TASK).toList();
        assertEquals(8, tasks.size(), tasks.toString());
        assertTrue(tasks.get(2).label().startsWith("Conduct chemical"), tasks.toString());
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), tasks.stream().map(a -> a.position()).toList());
        List<Flag> mismatches = d.flags().stream().filter(f -> f.code().equals("task-number-mismatch")).toList();
        assertEquals(1, mismatches.size(), d.flags().toString());
        assertEquals("task numbered 4 is task 3 of the list as read; the tasks are kept in the order the page lists "
                + "them", mismatches.get(0).message());
        assertEquals("line 263", mismatches.get(0).location());
    }

    @Test
    void anExportOfAnotherSchemaVersionIsReadAndFlagged() throws IOException {
        String seed = Files.readString(JSON_SEED, StandardCharsets.UTF_8);
        String version = "\"schemaVersion\":\"1.0\"";
        assertTrue(seed.contains(version));
        for (String same : List.of("1", "1.0", "1.2")) {
            SourceDocument d = new SourceReader().read(write("v" + same + ".json",
                    seed.replace(version, "\"schemaVersion\":\"" + same + "\"")));
            assertTrue(d.flags().isEmpty(), same + ": " + d.flags());
            assertEquals(same, d.provenance().schemaVersion());
        }
        SourceDocument d = new SourceReader().read(write("v2.json", seed.replace(version, "\"schemaVersion\":\"2.0\"")));
        assertEquals(List.of(new Flag("schema-version-unknown", "the export says schema version '2.0'; this importer "
                + "reads version 1 (1.0, 1.1, …), and read it as that", "/schemaVersion")), d.flags());
        assertEquals("2.0", d.provenance().schemaVersion());
        assertEquals(40, d.frameworks().get(0).statements().size());
    }

    @Test
    void aRequiredFieldOrStatementOfInvisibleCharactersOnlyIsRefusedAsEmpty() throws IOException {
        String seed = Files.readString(JSON_SEED, StandardCharsets.UTF_8);
        String title = "\"title\":\"Health Technologists and Technicians, All Other\"";
        assertTrue(seed.contains(title));
        SourceException e = refused(write("title.json", seed.replace(title, "\"title\":\" \\u200b\\u00a0\\u200f \"")));
        assertEquals("/occupation/title", e.location());
        assertTrue(e.getMessage().endsWith("'title' must not be empty"), e.getMessage());
        String statement = "\"Patient medical histories — collect";
        assertTrue(seed.contains(statement));
        e = refused(write("statement.json", seed.replace(statement, "\"\\ufeff\\u2028\", " + statement)));
        assertEquals("/framework/levels/emerging/statements/0", e.location());
        assertTrue(e.getMessage().endsWith("empty statement"), e.getMessage());
    }

    @Test
    void aCountTooLargeForAnIntIsRefusedNamingItsLine() throws IOException {
        String seed = Files.readString(PAGE_SEED, StandardCharsets.UTF_8);
        assertTrue(seed.contains("anchors62 anchors") && seed.contains("\n1Communication12 statements\n"));
        SourceException e = refused(write("anchors.txt", seed.replace("anchors62 anchors",
                "anchors999999999999999999 anchors")));
        assertEquals("line 239", e.location());
        assertTrue(e.getMessage().contains("the anchor count '999999999999999999' is too large to be a count"),
                e.getMessage());
        e = refused(write("domain.txt", seed.replace("\n1Communication12 statements\n",
                "\n1Communication99999999999999999999 statements\n")));
        assertEquals("line 95", e.location());
        assertTrue(e.getMessage().contains("statement count of the durable-skill domain 'Communication' "
                + "'99999999999999999999' is too large"), e.getMessage());
        // leading zeros are not size: a count written 0000000000062 is 62
        SourceDocument d = new SourceReader().read(write("zeros.txt", seed.replace("anchors62 anchors",
                "anchors0000000000062 anchors")));
        assertEquals(Integer.valueOf(62), d.anchors().declaredCount());
    }

    @Test
    void aControlCharacterOrALoneSurrogateIsRefusedNamingWhereItIs() throws IOException {
        String json = Files.readString(JSON_SEED, StandardCharsets.UTF_8);
        String title = "\"Health Technologists and Technicians, All Other\"";
        assertTrue(json.contains(title));
        SourceException e = refused(write("control.json", json.replace(title, "\"Health\\u0001Technologists\"")));
        assertEquals("/occupation/title", e.location());
        assertTrue(e.getMessage().contains("the control character U+0001 (not text: XML 1.0, and so RDF/XML, cannot "
                + "hold it) at character 7 of the value 'Health\\u0001Technologists'"), e.getMessage());
        e = refused(write("surrogate.json", json.replace("Patient medical histories \u2014 collect",
                "Patient medical histories \u2014 collect \\ud800 x")));
        assertEquals("/framework/levels/emerging/statements/0", e.location());
        assertTrue(e.getMessage().contains("a lone UTF-16 surrogate U+D800"), e.getMessage());
        // a pair of surrogates is one character, and welcome
        SourceDocument d = new SourceReader().read(write("pair.json", json.replace(title,
                "\"Health Technologists \\ud83e\\uddea\"")));
        assertEquals("Health Technologists \ud83e\uddea", d.occupation().title());

        String page = Files.readString(PAGE_SEED, StandardCharsets.UTF_8);
        e = refused(write("control.txt", page.replace("\nMedical and Clinical Laboratory Technologists\n",
                "\nMedical and Clinical\u0007 Laboratory Technologists\n")));
        assertEquals("line 4, column 21", e.location());
        assertTrue(e.getMessage().contains("the control character U+0007"), e.getMessage());
        assertTrue(e.getMessage().contains("'Medical and Clinical\\u0007 Laboratory Technologists'"), e.getMessage());
    }

    @Test
    void utf16IsNamedAsSuch() throws IOException {
        String page = Files.readString(PAGE_SEED, StandardCharsets.UTF_8);
        Path bom = Files.write(dir.resolve("bom.txt"), page.getBytes(StandardCharsets.UTF_16)); // BOM, big-endian
        assertTrue(refused(bom).getMessage().contains("UTF-16 text (big-endian, with a byte order mark), not UTF-8"));
        Path le = Files.write(dir.resolve("le.json"), Files.readString(JSON_SEED, StandardCharsets.UTF_8)
                .getBytes(StandardCharsets.UTF_16LE));
        SourceException e = refused(le);
        assertEquals("byte 0", e.location());
        assertTrue(e.getMessage().contains("UTF-16 text (little-endian), not UTF-8"), e.getMessage());
    }

    @Test
    void jsonBeyondTheParsersLimitsIsRefusedNamingThePlaceNotTheSetting() throws IOException {
        SourceException e = refused(write("deep.json", "{\"a\":" + "[".repeat(1_500) + "]".repeat(1_500) + "}"));
        assertEquals("line 1, column 1006", e.location());
        assertTrue(e.getMessage().endsWith("not read as JSON: Document nesting depth (1001) exceeds the maximum allowed "
                + "(1000)"), e.getMessage());
        assertFalse(e.getMessage().contains("StreamReadConstraints"), e.getMessage());
    }

    @Test
    void aLevelLabelledAsAnotherAndARepeatedStatementAreKeptAndFlagged() throws IOException {
        String json = Files.readString(JSON_SEED, StandardCharsets.UTF_8);
        assertTrue(json.contains("\"label\":\"Developing\""), "the seed labels its developing level so");
        SourceDocument d = new SourceReader().read(write("mislabelled.json",
                json.replace("\"label\":\"Developing\"", "\"label\":\"Emerging\"")));
        assertEquals(List.of("level-label-mismatch /framework/levels/developing/label"),
                d.flags().stream().map(f -> f.code() + " " + f.location()).toList());
        assertEquals("Emerging", d.frameworks().get(0).levels().get(1).label());

        String first = "\"Patient medical histories \u2014 collect";
        int at = json.indexOf(first);
        String statement = json.substring(at, json.indexOf("\",", at) + 1);
        SourceDocument r = new SourceReader().read(write("repeated.json",
                json.replace(statement, statement + "," + statement)));
        List<Statement> emerging = r.framework(FrameworkKind.OCCUPATIONAL).statements().stream()
                .filter(s -> s.levelKey().equals("emerging")).toList();
        assertEquals(emerging.get(0).text(), emerging.get(1).text());
        assertEquals(List.of(), emerging.get(0).flags());
        assertEquals(List.of("statement-repeated"), emerging.get(1).flags().stream().map(Flag::code).toList());
        assertTrue(emerging.get(1).flags().get(0).message().startsWith("the same statement as "
                + "/framework/levels/emerging/statements/0 (number 1 of its level)"), emerging.get(1).flags().toString());
    }

    @Test
    void aMalformedSocIsNamedShortened() throws IOException {
        String json = Files.readString(JSON_SEED, StandardCharsets.UTF_8).replace("\"29-2099.00\"", "\"" + "9".repeat(90) + "\"");
        SourceException e = refused(write("soc.json", json));
        assertEquals("/occupation/soc", e.location());
        assertTrue(e.getMessage().endsWith("found '" + "9".repeat(37) + "\u2026'"), e.getMessage());
    }

    @Test
    void anOverlongFieldNamesItsPointer() throws IOException {
        String json = Files.readString(JSON_SEED, StandardCharsets.UTF_8)
                .replace("\"Health Technologists and Technicians, All Other\"", "\"" + "T".repeat(SourceReader.MAX_TEXT_CHARS + 1) + "\"");
        SourceException e = refused(write("title.json", json));
        assertEquals("/occupation/title", e.location());
        assertTrue(e.getMessage().contains("text of 10001 characters"), e.getMessage());
    }

    @Test
    void aStatementOfExactlyTheLimitIsRead() throws IOException {
        String statement = "Long topic \u2014 " + "d".repeat(SourceReader.MAX_TEXT_CHARS - 13);
        assertEquals(SourceReader.MAX_TEXT_CHARS, statement.length());
        String json = Files.readString(JSON_SEED, StandardCharsets.UTF_8)
                .replaceFirst("\"Patient medical histories [^\"]*\"", "\"" + statement + "\"");
        SourceDocument d = new SourceReader().read(write("limit.json", json));
        assertEquals("Long topic", d.frameworks().get(0).statements().get(0).topic());
    }

    @Test
    void whatIsNotACipCodeIsKeptInTheNoteNotAsACode() throws IOException {
        String page = Files.readString(PAGE_SEED, StandardCharsets.UTF_8)
                .replace("26.040151.100251.100551.100751.101051.1099", "26.040151.100251.100551.100751.101051.109951.10x");
        SourceDocument d = new SourceReader().read(write("cip.txt", page));
        assertEquals(List.of("26.0401", "51.1002", "51.1005", "51.1007", "51.1010", "51.1099"), d.anchors().cipCodes());
        Flag f = d.flags().stream().filter(x -> x.code().equals("cip-unrecognised")).findFirst().orElseThrow();
        assertTrue(f.message().contains("not the rest '51.10x'"), f.message());
        assertEquals("line 270", f.location());
    }

    @Test
    void aMissingSectionIsLocatedAfterThePreviousOne() throws IOException {
        String page = Files.readString(PAGE_SEED, StandardCharsets.UTF_8).replace("Evidence pack\n", "");
        SourceException e = refused(write("no-evidence.txt", page));
        assertEquals("after line 78", e.location());
        assertTrue(e.getMessage().contains("missing section 'evidence pack'"), e.getMessage());
    }

    /** The seed page with each {@code replacements} pair (text, by) replaced, written. */
    Path page(String... replacements) throws IOException {
        String page = Files.readString(PAGE_SEED, StandardCharsets.UTF_8);
        for (int k = 0; k < replacements.length; k += 2) {
            assertTrue(page.contains(replacements[k]), replacements[k]);
            page = page.replace(replacements[k], replacements[k + 1]);
        }
        return write("page.txt", page);
    }

    /** The seed page with each {@code replacements} pair replaced is refused at {@code location}, saying {@code says}. */
    void assertPageRefused(String location, String says, String... replacements) throws IOException {
        SourceException e = refused(page(replacements));
        assertEquals(location, e.location());
        assertTrue(e.getMessage().contains(says), e.getMessage());
    }

    /** The seed page with each {@code replacements} pair replaced, read. */
    SourceDocument readPage(String... replacements) throws IOException {
        return new SourceReader().read(page(replacements));
    }

    @Test
    void aLineAmongTheStatementsThatIsNotOneIsFlaggedWithItsTextAndTheRestAreRead() throws IOException {
        SourceDocument d = readPage("  3. Laboratory data entry", "  3x Laboratory data entry",
                "  10. Professional community leadership", "  10) Professional community leadership");
        List<Statement> occupational = d.frameworks().get(0).statements();
        assertEquals(List.of(1, 2, 4, 5, 6, 7, 8, 9, 10), occupational.stream()
                .filter(st -> st.levelKey().equals("emerging")).map(Statement::position).toList(),
                "the statements after the stray line are read");
        assertEquals(9, occupational.stream().filter(st -> st.levelKey().equals("advanced")).count());
        List<Flag> flags = d.flags();
        assertEquals(List.of("line 14", "line 57"), flags.stream().map(Flag::location).toList());
        assertTrue(flags.get(0).message().contains("'3x Laboratory data entryinput results"), flags.get(0).message());
        assertTrue(flags.get(1).message().contains("'10) Professional community leadership"), flags.get(1).message());
        assertFalse(d.frameworks().get(1).description().contains("Professional community"),
                "the AI-usage description does not take the line in");
    }

    @Test
    void aMisspeltLevelRefusesThePageNamingIt() throws IOException {
        assertPageRefused("line 36", "line 34 'Profcient'",
                "\nProficient\nSenior / Expert IC\n", "\nProfcient\nSenior / Expert IC\n");
    }

    @Test
    void aDescriptionMayBeginWithANumberAndADomainHeadingMayBeSpacedOut() throws IOException {
        SourceDocument d = readPage("Ten durable-skill domains", "10 durable-skill domains",
                "\n2Leadership10 statements\n", "\n2 Leadership 10 statements\n");
        assertEquals(List.of(), d.flags());
        assertTrue(d.frameworks().get(2).description().startsWith("10 durable-skill domains"),
                d.frameworks().get(2).description());
        assertEquals(10, d.frameworks().get(2).domains().size());
        assertEquals("Leadership", d.frameworks().get(2).domains().get(1).name());
    }

    @Test
    void anEmptyCrosswalkIsNoCrosswalk() throws IOException {
        String json = Files.readString(JSON_SEED, StandardCharsets.UTF_8)
                .replace("\"crosswalk\":\"https://skillscrosswalk.com\"", "\"crosswalk\":\"  \"");
        assertTrue(json.contains("\"crosswalk\":\"  \""));
        SourceDocument d = new SourceReader().read(write("crosswalk.json", json));
        assertEquals(null, d.provenance().crosswalk());
    }

    @Test
    void strayLinesBetweenLevelsDomainsAndAfterTheEvidenceAreFlaggedAndTheRestIsRead() throws IOException {
        SourceDocument d = readPage("\nDeveloping\nMid-level / Established\n", "\nA note\nDeveloping\nMid-level / Established\n",
                "\n3Metacognition9 statements\n", "\nAnother note\n3Metacognition9 statements\n",
                "\nhuman_technology_interaction\n", "\nhuman_technology_interaction\nData refreshed quarterly\n");
        assertEquals(List.of("A note", "Data refreshed quarterly", "Another note"), d.flags().stream()
                .map(f -> f.message().replaceAll(".*kept here: '(.*)'$", "$1")).toList());
        assertEquals(40, d.frameworks().get(0).statements().size(), "the occupational levels are all read");
        assertEquals(12, d.frameworks().get(1).statements().size(), "and the AI-usage statements are theirs");
        assertEquals(10, d.frameworks().get(2).domains().size());
        assertEquals(94, d.frameworks().get(2).statements().size());
    }

    @Test
    void aMisspeltLevelBeforeANewListRefusesThePageNamingIt() throws IOException {
        assertPageRefused("line 104", "'Aplying' before a new list of statements", "\nApplying\n", "\nAplying\n");
    }

    @Test
    void aDomainWithoutLevelsRefusesThePageNamingIt() throws IOException {
        assertPageRefused("line 128", "after the domain heading 'Metacognition' (line 127)",
                "3Metacognition9 statements\nEmerging\n", "3Metacognition9 statements\n");
    }

    @Test
    void aDomainHeadingIsNeverTakenForAStrayLineBetweenLevels() throws IOException {
        // the second domain starts at Developing after a first domain whose last level is Emerging: the heading
        // between them is the next domain's, not a stray line of the first
        String page = Files.readString(PAGE_SEED, StandardCharsets.UTF_8);
        int first = page.indexOf("1Communication12 statements\n");
        int second = page.indexOf("2Leadership10 statements\n");
        int developing = page.indexOf("\nDeveloping\n", first);
        int leadershipDeveloping = page.indexOf("\nDeveloping\n", second);
        page = page.substring(0, developing + 1) + page.substring(second, second + "2Leadership10 statements\n".length())
                + page.substring(leadershipDeveloping + 1);
        SourceDocument d = new SourceReader().read(write("page.txt", page));
        var durable = d.frameworks().get(2);
        assertEquals("Leadership", durable.domains().get(1).name());
        assertTrue(durable.statements().stream().filter(st -> "communication".equals(st.domainKey()))
                .allMatch(st -> st.levelKey().equals("emerging")), "Communication keeps only its Emerging statements");
    }

    // ---- descriptions, stray lines and the text they keep ------------------------------------------------

    static SourceDocument seed() {
        return new SourceReader().read(PAGE_SEED);
    }

    /** The seed page with {@code inserted} lines after its line {@code after} (1-based), written. */
    Path insertLines(int after, List<String> inserted) throws IOException {
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(PAGE_SEED, StandardCharsets.UTF_8));
        lines.addAll(after, inserted);
        return write("page.txt", String.join("\n", lines));
    }

    @Test
    void strayLinesAroundADescriptionAreFlaggedAndNeverGluedToIt() throws IOException {
        SourceDocument d = readPage(
                "science.\n\nAuthoritative source data identified for 998 occupations\n",
                "science.\nIMPORTANT: this framework is withdrawn\n\nAuthoritative source data identified for 998 "
                        + "occupations\nThe quick brown fox statement that matters\n",
                "\n1Communication12 statements\n", "\nExtra durable note line\n1Communication12 statements\n");
        SourceDocument seed = seed();
        assertEquals(seed.framework(FrameworkKind.AI_USAGE).description(), d.framework(FrameworkKind.AI_USAGE).description());
        assertEquals(seed.framework(FrameworkKind.DURABLE_SKILLS).description(),
                d.framework(FrameworkKind.DURABLE_SKILLS).description());
        assertEquals(List.of(
                new Flag("unrecognised-line", "line not recognised, kept here: 'IMPORTANT: this framework is withdrawn'", "line 58"),
                new Flag("unrecognised-line", "line not recognised, kept here: 'The quick brown fox statement that matters'", "line 61"),
                new Flag("unrecognised-line", "line not recognised, kept here: 'Extra durable note line'", "line 97")),
                d.flags());
        assertEquals(12, d.framework(FrameworkKind.AI_USAGE).statements().size());
        assertEquals(94, d.framework(FrameworkKind.DURABLE_SKILLS).statements().size());
    }

    @Test
    void aDescriptionThatCannotBeToldFromAnotherLineRefusesThePageNamingThem() throws IOException {
        String coverage = "Authoritative source data identified for 998 occupations\n";
        SourceException two = refused(page(coverage, coverage + "This page was archived in May 2026, and its statements "
                + "may no longer reflect current practice.\n"));
        assertEquals("line 60", two.location());
        assertTrue(two.getMessage().contains("cannot tell the AI-usage framework's description"), two.getMessage());
        assertTrue(two.getMessage().contains("2 lines there read as one (line 60 'This page was archived in May 2026"),
                two.getMessage());
        assertTrue(two.getMessage().contains("line 62 'How a worker at each mastery level"), two.getMessage());

        SourceException durable = refused(page("O*NET tasks and skills.\n", "O*NET tasks and skills.\nThe durable-skill "
                + "statements of this page were reviewed by the publisher in April 2026.\n"));
        assertEquals("line 93", durable.location());
        assertTrue(durable.getMessage().contains("cannot tell the durable-skills framework's description"),
                durable.getMessage());
        assertTrue(durable.getMessage().contains("before its first domain heading: 2 lines there read as one (line 93 "
                + "'Ten durable-skill domains"), durable.getMessage());
        assertTrue(durable.getMessage().contains("line 94 'The durable-skill statements of this page"), durable.getMessage());

        SourceException none = refused(page("click a citation chip to verify the source.\n",
                "click a citation chip to verify the source\nAnother note\n"));
        assertEquals("line 61", none.location());
        assertTrue(none.getMessage().contains("before its first level: none of the 2 lines there reads as one (line 61 "
                + "'How a worker"), none.getMessage());
        assertTrue(none.getMessage().contains("line 62 'Another note'"), none.getMessage());
    }

    @Test
    void strayLinesAreKeptUpToTheTextLimitAndPastItThePageIsRefusedAtTheLine() throws IOException {
        List<String> hundred = new java.util.ArrayList<>();
        for (int k = 0; k < 100; k++) {
            hundred.add("stray " + k);
        }
        SourceDocument d = new SourceReader().read(insertLines(59, hundred));
        assertEquals(seed().framework(FrameworkKind.AI_USAGE).description(), d.framework(FrameworkKind.AI_USAGE).description());
        assertEquals(100, d.flags().size());
        assertEquals(new Flag("unrecognised-line", "line not recognised, kept here: 'stray 99'", "line 159"),
                d.flags().get(99));

        List<String> many = new java.util.ArrayList<>();
        int runsOver = -1;
        for (int k = 0, chars = 0; k < 5000; k++) {
            many.add("stray " + k);
            chars += ("stray " + k).length();
            if (chars > SourceReader.MAX_TEXT_CHARS && runsOver < 0) {
                runsOver = 60 + k;
            }
        }
        SourceException e = refused(insertLines(59, many));
        assertEquals("line " + runsOver, e.location());
        assertTrue(e.getMessage().contains("(" + (runsOver - 59) + " from line 60 'stray 0' to this one) run past 10000 "
                + "characters"), e.getMessage());
    }

    // ---- citation chips ---------------------------------------------------------------------------------

    @Test
    void aChipWithoutItsTailIsCutFromTheStatementAndFlaggedNotCited() throws IOException {
        SourceDocument d = readPage("release_2026_03_24. Opens in new tab..\n  2. Basic query delegation",
                "release_2026_03_24..\n  2. Basic query delegation");
        Statement seen = d.framework(FrameworkKind.AI_USAGE).statements().get(0);
        Statement seed = seed().framework(FrameworkKind.AI_USAGE).statements().get(0);
        assertEquals(seed.text(), seen.text());
        assertEquals(seed.topic(), seen.topic());
        assertEquals(seed.description(), seen.description());
        assertEquals(List.of(), seen.citedSources());
        assertEquals(List.of(new Flag("citation-unresolved", "a citation chip without its 'Opens in new tab.' ending, "
                + "not cited and kept here: 'Anthropic Economic IndexAnthropic Economic Index \u2014 release_2026_03_24.'",
                "line 64")), seen.flags());
    }

    // ---- a section or level read twice ---------------------------------------------------------------------

    @Test
    void aLevelThatRepeatsOneOfItsFrameworkRefusesThePageNamingBothHeadings() throws IOException {
        List<String> seed = Files.readAllLines(PAGE_SEED, StandardCharsets.UTF_8);
        // the occupational framework's Emerging level (lines 10-21) again after it
        SourceException occupational = refused(insertLines(21, seed.subList(9, 21)));
        assertEquals("line 22", occupational.location());
        assertTrue(occupational.getMessage().contains("the level 'Emerging' repeats the level 'Emerging' of line 10 in "
                + "the occupational framework"), occupational.getMessage());
        // one of the AI-usage framework's, with other statements
        SourceException ai = refused(insertLines(65, List.of("Emerging", "  1. Other topic \u2014 does other things.")));
        assertEquals("line 66", ai.location());
        assertTrue(ai.getMessage().contains("the level 'Emerging' repeats the level 'Emerging' of line 63 in the "
                + "AI-usage framework"), ai.getMessage());
        // one of a durable-skill domain's, after the domain's last level
        assertEquals("Exceeding", seed.get(107));
        SourceException domainLevel = refused(insertLines(111, List.of("Developing",
                "  1. Other topic \u2014 does other things")));
        assertEquals("line 112", domainLevel.location());
        assertTrue(domainLevel.getMessage().contains("the level 'Developing' repeats the level 'Developing' of line 100 "
                + "in the durable-skill domain 'Communication' (line 95)"), domainLevel.getMessage());
    }

    @Test
    void aDomainOrEvidencePackThatRepeatsRefusesThePageNamingBothHeadings() throws IOException {
        List<String> seed = Files.readAllLines(PAGE_SEED, StandardCharsets.UTF_8);
        assertEquals("3Metacognition9 statements", seed.get(126));
        SourceException domain = refused(insertLines(140, seed.subList(126, 140)));
        assertEquals("line 141", domain.location());
        assertTrue(domain.getMessage().contains("the durable-skill domain heading '3Metacognition9 statements' repeats "
                + "the domain 'Metacognition' of line 127"), domain.getMessage());
        // the same domain under another number is the same domain
        SourceException renumbered = refused(insertLines(140, List.of("11Metacognition1 statement", "Emerging",
                "  1. Other topic \u2014 does other things")));
        assertEquals("line 141", renumbered.location());

        assertEquals("Evidence pack", seed.get(78));
        SourceException evidence = refused(insertLines(92, seed.subList(78, 92)));
        assertEquals("line 93", evidence.location());
        assertTrue(evidence.getMessage().contains("'Evidence pack' repeats the heading of the evidence pack at line 79"),
                evidence.getMessage());
    }

    // ---- the header line --------------------------------------------------------------------------------

    @Test
    void aJobZoneThatIsNotAWholeNumberIsNamedNotTakenForAMissingVersion() throws IOException {
        for (String zone : List.of("Four", "4.5", "IV")) {
            SourceException e = refused(page("Job Zone 4 \u00b7", "Job Zone " + zone + " \u00b7"));
            assertEquals("line 6", e.location());
            assertTrue(e.getMessage().contains("could not read the job zone '" + zone + "' in the header line ('Job Zone "
                    + zone + " \u00b7 Considerable Preparation')"), e.getMessage());
            assertFalse(e.getMessage().contains("version"), e.getMessage());
        }
        SourceException none = refused(page("Job Zone 4 \u00b7", "Job Zone \u00b7"));
        assertTrue(none.getMessage().contains("could not read the job zone (no number after 'Job Zone')"), none.getMessage());
        // the version is still required, and named when it is what is missing
        SourceException version = refused(page("Preparationv.26.05", "Preparation"));
        assertTrue(version.getMessage().contains("missing framework version"), version.getMessage());
    }

    @Test
    void aJobZoneInAnotherCaseIsReadAndAnUnreadableOneIsFlaggedWithTheVersionKept() throws IOException {
        SourceDocument lower = readPage("Job Zone 4", "Job zone 4");
        assertEquals(4, lower.occupation().jobZone());
        assertEquals("Considerable Preparation", lower.occupation().jobZoneLabel());
        assertEquals(List.of(), lower.flags());

        SourceDocument other = readPage("Job Zone 4 \u00b7 Considerable Preparation", "Zone: considerable preparation");
        assertEquals(null, other.occupation().jobZone());
        assertEquals("v.26.05", other.frameworks().get(0).version());
        assertEquals(List.of(new Flag("header-unrecognised", "could not read a job zone from 'Zone: considerable "
                + "preparation'; kept here", "line 6")), other.flags());
    }
}
