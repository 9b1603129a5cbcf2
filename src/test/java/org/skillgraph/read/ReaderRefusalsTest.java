package org.skillgraph.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
