package org.skillgraph.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillgraph.model.Framework;
import org.skillgraph.model.FrameworkKind;
import org.skillgraph.model.Level;
import org.skillgraph.model.Occupation;
import org.skillgraph.model.Provenance;
import org.skillgraph.model.Source;
import org.skillgraph.model.SourceDocument;
import org.skillgraph.model.SourceFormat;
import org.skillgraph.model.Statement;

/** The JSON export seed, and exports that are wrong in one place each. */
class JsonExportReaderTest {
    static final Path SEED = Path.of("seeds", "29-2099.00.json");
    static SourceDocument doc;

    @TempDir
    Path dir;

    @BeforeAll
    static void read() {
        doc = new SourceReader().read(SEED);
    }

    /** A small valid export; {@code %s} placeholders: occupation fields, levels. */
    static String export(String occupation, String levels) {
        return """
                {"schemaVersion":"1.0","exportedAt":"2026-05-15T12:38:50.149Z",
                 "occupation":{%s},
                 "framework":{"version":"v.26.05","description":"","contextCovered":"Somewhere.",
                   "levels":{%s}},
                 "sources":{"onet":"v30.2 (CC BY 4.0)","crosswalk":"https://skillscrosswalk.com","generator":"LER.me"},
                 "attribution":"© EBSCOed"}
                """.formatted(occupation, levels);
    }

    static final String OCCUPATION = "\"soc\":\"11-1011.00\",\"title\":\"Chief Executives\",\"jobZone\":5";
    static final String LEVELS = "\"emerging\":{\"label\":\"Emerging\",\"statements\":[\"Strategy — set direction.\","
            + "\"Budgets — approve spending.\"]}";

    Path write(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    SourceException failure(String content) throws IOException {
        Path f = write("broken.json", content);
        SourceException e = assertThrows(SourceException.class, () -> new SourceReader().read(f));
        assertTrue(e.getMessage().contains(f.toString()), "message names the file: " + e.getMessage());
        assertEquals(f, e.file());
        return e;
    }

    // ---- the seed -------------------------------------------------------------------------------------

    @Test
    void occupation() {
        assertEquals(new Occupation("29-2099.00", "Health Technologists and Technicians, All Other",
                "Healthcare Practitioners & Technical", "62", 3, null, true, List.of()), doc.occupation());
    }

    @Test
    void provenance() throws IOException {
        Provenance p = doc.provenance();
        assertEquals("29-2099.00.json", p.fileName());
        assertEquals(SourceFormat.JSON_EXPORT, p.format());
        assertEquals(SourceReader.sha256(Files.readAllBytes(SEED)), p.sha256());
        assertEquals("LER.me", p.generator());
        assertEquals("1.0", p.schemaVersion());
        assertEquals("2026-05-15T12:38:50.149Z", p.exportedAt());
        assertEquals("v30.2", p.onetVersion());
        assertEquals("CC BY 4.0", p.onetLicense());
        assertEquals("© EBSCOed", p.attribution());
        assertEquals("https://skillscrosswalk.com", p.crosswalk());
    }

    @Test
    void sources() {
        Map<String, Source> byKey = doc.sources().stream().collect(Collectors.toMap(Source::key, s -> s));
        assertTrue(byKey.containsKey("onet-resource-center"), byKey.keySet().toString());
        Source onet = byKey.get("onet-resource-center");
        assertEquals("O*NET Resource Center", onet.title());
        assertEquals("v30.2", onet.version());
        assertTrue(byKey.containsKey("ler-me"), byKey.keySet().toString());
        assertTrue(byKey.containsKey("skillscrosswalk-com"), byKey.keySet().toString());
        assertEquals(3, doc.sources().size());
    }

    @Test
    void oneOccupationalFrameworkOfFortyStatements() {
        assertEquals(1, doc.frameworks().size());
        Framework f = doc.framework(FrameworkKind.OCCUPATIONAL);
        assertEquals("v.26.05", f.version());
        assertEquals("", f.description());
        assertTrue(f.contextCovered().startsWith("This framework covers health technologist and technician practice"));
        assertEquals(List.of(new Level("emerging", "Emerging", null, 1), new Level("developing", "Developing", null, 2),
                new Level("proficient", "Proficient", null, 3), new Level("advanced", "Advanced", null, 4)), f.levels());
        assertEquals(40, f.statements().size());
        assertEquals(Map.of("emerging", 10L, "developing", 10L, "proficient", 10L, "advanced", 10L),
                f.statements().stream().collect(Collectors.groupingBy(Statement::levelKey, Collectors.counting())));
        assertNull(doc.evidence());
        assertNull(doc.anchors());
        assertEquals(List.of(), doc.flags());
    }

    @Test
    void statementsSplitAtTheDash() {
        List<Statement> all = doc.framework(FrameworkKind.OCCUPATIONAL).statements();
        Statement first = all.get(0);
        assertEquals("Patient medical histories", first.topic());
        assertEquals("collect and document under direct supervision using standardized intake forms in a clinical "
                + "setting.", first.description());
        assertEquals("emerging", first.levelKey());
        assertEquals(1, first.position());
        assertEquals("/framework/levels/emerging/statements/0", first.location());
        Statement last = all.get(39);
        assertEquals("advanced", last.levelKey());
        assertEquals(10, last.position());
        assertEquals("Technology and systems leadership", last.topic());
        assertEquals("/framework/levels/advanced/statements/9", last.location());
        for (Statement s : all) {
            assertEquals(s.topic() + " — " + s.description(), s.text(), s.location());
            assertEquals(List.of(), s.flags(), s.location());
            assertEquals(List.of(), s.citedSources(), s.location());
        }
    }

    // ---- small exports ------------------------------------------------------------------------------

    @Test
    void smallValidExport() throws IOException {
        SourceDocument d = new SourceReader().read(write("small.json", export(OCCUPATION, LEVELS)));
        assertEquals("11-1011.00", d.occupation().soc());
        assertEquals(5, d.occupation().jobZone());
        assertNull(d.occupation().jobZoneInferred());
        assertNull(d.occupation().group());
        List<Statement> st = d.framework(FrameworkKind.OCCUPATIONAL).statements();
        assertEquals(2, st.size());
        assertEquals("Budgets", st.get(1).topic());
        assertEquals("approve spending.", st.get(1).description());
    }

    /** The document's flags as {@code [code] location: message}. */
    static List<String> notes(SourceDocument d) {
        return d.flags().stream().map(f -> "[" + f.code() + "] " + f.location() + ": " + f.message()).toList();
    }

    @Test
    void unknownFieldsAtAnyDepthAreKeptInAFlagWithTheirPointerAndValue() throws IOException {
        String levels = LEVELS.replace("\"label\":\"Emerging\",", "\"label\":\"Emerging\",\"note\":\"beta\",");
        String json = export(OCCUPATION + ",\"onetUpdated\":\"2025-09\",\"tags\":[1,2.50,null]", levels)
                .replace("\"attribution\"", "\"future/field\":{\"nested\":true},\"attribution\"")
                .replace("\"generator\":\"LER.me\"", "\"generator\":\"LER.me\",\"licence\":null");
        SourceDocument d = new SourceReader().read(write("extra.json", json));
        assertEquals("11-1011.00", d.occupation().soc());
        assertEquals(2, d.framework(FrameworkKind.OCCUPATIONAL).statements().size());
        assertEquals("© EBSCOed", d.provenance().attribution());
        String kept = "a field the importer does not read, kept here as written: ";
        assertEquals(List.of(
                "[field-unknown] /occupation/onetUpdated: " + kept + "\"2025-09\"",
                "[field-unknown] /occupation/tags: " + kept + "[1,2.50,null]",
                "[field-unknown] /framework/levels/emerging/note: " + kept + "\"beta\"",
                "[field-unknown] /sources/licence: " + kept + "null",
                "[field-unknown] /future~1field: " + kept + "{\"nested\":true}"), notes(d));
        assertEquals(List.of(), d.framework(FrameworkKind.OCCUPATIONAL).statements().get(0).flags());
    }

    @Test
    void aHugeUnknownValueIsCutInItsNoteSayingHowLongItIs() throws IOException {
        String json = export(OCCUPATION + ",\"blob\":\"" + "x".repeat(50_000) + "\"", LEVELS);
        List<String> notes = notes(new SourceReader().read(write("blob.json", json)));
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).startsWith("[field-unknown] /occupation/blob: a field the importer does not read, "
                + "kept here as written: \"xxx"), notes.get(0));
        assertTrue(notes.get(0).endsWith("x\u2026 (50002 characters in all)"), notes.get(0));
        assertTrue(notes.get(0).length() < JsonExportReader.MAX_NOTE_VALUE_CHARS + 200,
                "cut: " + notes.get(0).length());
    }

    @Test
    void aJobZoneWrittenAsAStringOfDigitsIsReadAndFlagged() throws IOException {
        SourceDocument d = new SourceReader().read(write("jz.json",
                export(OCCUPATION.replace("\"jobZone\":5", "\"jobZone\":\"3\""), LEVELS)));
        assertEquals(3, d.occupation().jobZone());
        assertEquals(List.of("[type-mismatch] /occupation/jobZone: expected an integer, found string \"3\"; read as 3"),
                notes(d));
    }

    @Test
    void aJobZoneWrittenWithAFractionOfZeroIsReadAndFlagged() throws IOException {
        SourceDocument d = new SourceReader().read(write("jz.json",
                export(OCCUPATION.replace("\"jobZone\":5", "\"jobZone\":4.0"), LEVELS)));
        assertEquals(4, d.occupation().jobZone());
        assertEquals(List.of("[type-mismatch] /occupation/jobZone: expected an integer, found number 4.0; read as 4"),
                notes(d));
    }

    @Test
    void aJobZoneTooLargeForAnIntegerIsRefusedNotWrappedAround() throws IOException {
        // 2^32 + 3 would read as 3 if cast to an int
        SourceException e = failure(export(OCCUPATION.replace("\"jobZone\":5", "\"jobZone\":4294967299"), LEVELS));
        assertEquals("/occupation/jobZone", e.location());
        assertTrue(e.getMessage().contains("'jobZone' must be an integer, found number 4294967299 (out of range)"),
                e.getMessage());
        e = failure(export(OCCUPATION.replace("\"jobZone\":5", "\"jobZone\":\"4294967299\""), LEVELS));
        assertEquals("/occupation/jobZone", e.location());
    }

    @Test
    void aLabelOrSectorWrittenAsANumberIsKeptAsWrittenAndFlagged() throws IOException {
        String levels = LEVELS.replace("\"label\":\"Emerging\"", "\"label\":5");
        SourceDocument d = new SourceReader().read(write("label.json",
                export(OCCUPATION + ",\"sector\":62.50", levels)));
        assertEquals("5", d.framework(FrameworkKind.OCCUPATIONAL).levels().get(0).label());
        assertEquals("62.50", d.occupation().sector(), "the digits as written");
        assertEquals(List.of(
                "[type-mismatch] /occupation/sector: expected a string, found number 62.50; kept as the text '62.50'",
                "[type-mismatch] /framework/levels/emerging/label: expected a string, found number 5; "
                        + "kept as the text '5'"),
                notes(d));
    }

    @Test
    void aNumberWithAnExponentOrASignedZeroIsKeptAsWrittenNotAsItsValue() throws IOException {
        String levels = LEVELS.replace("\"label\":\"Emerging\"", "\"label\":-0.0");
        SourceDocument d = new SourceReader().read(write("exponent.json",
                export(OCCUPATION.replace("\"jobZone\":5", "\"jobZone\":50e-1") + ",\"sector\":6.2e1", levels)));
        assertEquals("-0.0", d.framework(FrameworkKind.OCCUPATIONAL).levels().get(0).label());
        assertEquals("6.2e1", d.occupation().sector());
        assertEquals(Integer.valueOf(5), d.occupation().jobZone());
        assertEquals(List.of(
                "[type-mismatch] /occupation/sector: expected a string, found number 6.2e1; kept as the text '6.2e1'",
                "[type-mismatch] /occupation/jobZone: expected an integer, found number 50e-1; read as 5",
                "[type-mismatch] /framework/levels/emerging/label: expected a string, found number -0.0; "
                        + "kept as the text '-0.0'"),
                notes(d));
    }

    @Test
    void anOnetSourceThatCannotBeSplitIntoVersionAndLicenceIsKeptInANote() throws IOException {
        String content = export(OCCUPATION, LEVELS).replace("\"v30.2 (CC BY 4.0)\"", "\"O*NET v30.2 (CC BY 4.0)\"");
        SourceDocument d = new SourceReader().read(write("onet.json", content));
        assertEquals(List.of("[onet-unrecognised] /sources/onet: could not read an O*NET version and licence (written "
                + "as 'v30.2 (CC BY 4.0)') from 'O*NET v30.2 (CC BY 4.0)'; kept here"), notes(d));
        // nor is a single word taken for a version: "whatever" was stored as O*NET's version, with no note
        for (String token : List.of("whatever", "CC-BY-4.0")) {
            SourceDocument w = new SourceReader().read(write("token.json", export(OCCUPATION, LEVELS)
                    .replace("\"v30.2 (CC BY 4.0)\"", "\"" + token + "\"")));
            assertEquals(List.of("[onet-unrecognised] /sources/onet: could not read an O*NET version and licence "
                    + "(written as 'v30.2 (CC BY 4.0)') from '" + token + "'; kept here"), notes(w));
            assertNull(w.provenance().onetVersion(), token);
        }
        // as written, it is read with no note, and so is a version without its licence, or its 'v'
        assertEquals(List.of(), notes(new SourceReader().read(write("ok.json", export(OCCUPATION, LEVELS)))));
        for (String version : List.of("v30.2", "30.2")) {
            SourceDocument v = new SourceReader().read(write("version.json", export(OCCUPATION, LEVELS)
                    .replace("\"v30.2 (CC BY 4.0)\"", "\"" + version + "\"")));
            assertEquals(List.of(), notes(v), version);
            assertEquals(version, v.provenance().onetVersion());
        }
    }

    @Test
    void jobZoneInferredWrittenAsAStringIsReadAndFlagged() throws IOException {
        SourceDocument d = new SourceReader().read(write("inferred.json",
                export(OCCUPATION + ",\"jobZoneInferred\":\"false\"", LEVELS)));
        assertEquals(Boolean.FALSE, d.occupation().jobZoneInferred());
        assertEquals(List.of("[type-mismatch] /occupation/jobZoneInferred: expected true or false, found string "
                + "\"false\"; read as false"), notes(d));
    }

    @Test
    void sourcesThatAreNotAnObjectAreRefusedNotSkipped() throws IOException {
        String json = export(OCCUPATION, LEVELS).replaceFirst("\"sources\":\\{[^}]*\\}", "\"sources\":\"O*NET v30.2\"");
        assertTrue(json.contains("\"sources\":\"O*NET v30.2\""), json);
        SourceException e = failure(json);
        assertEquals("/sources", e.location());
        assertTrue(e.getMessage().contains("'sources' must be an object, found string"), e.getMessage());
    }

    @Test
    void aSecondDocumentAfterTheExportIsRefusedWhereItStarts() throws IOException {
        String one = "{\"occupation\":{\"soc\":\"11-1011.00\"}}";
        SourceException e = failure(export(OCCUPATION, LEVELS).strip() + "\r\n\r\n  " + one + "\n");
        assertEquals("line 8, column 3", e.location());
        assertTrue(e.getMessage().contains("not valid JSON: content after the end of the document's JSON value"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith(": '{\"occupation\":{\"soc\":\"11-1011.00\"}}'"), e.getMessage());
        e = failure("{\"a\":1}  " + one);
        assertEquals("line 1, column 10", e.location());
    }

    @Test
    void textAfterTheExportIsRefusedWhereItStarts() throws IOException {
        SourceException e = failure(export(OCCUPATION, LEVELS) + "this is not json\n");
        assertEquals("line 7, column 1", e.location());
        assertTrue(e.getMessage().endsWith("not valid JSON: content after the end of the document's JSON value "
                + "(an export is one JSON object): 'this is not json'"), e.getMessage());
        e = failure(export(OCCUPATION, LEVELS).strip() + "}");
        assertEquals("line 6, column 28", e.location());
    }

    @Test
    void whiteSpaceAfterTheExportIsNothing() throws IOException {
        SourceDocument d = new SourceReader().read(write("ws.json", export(OCCUPATION, LEVELS) + " \r\n\t\n\n"));
        assertEquals(List.of(), d.flags());
    }

    @Test
    void statementWithoutDashIsKeptAndFlagged() throws IOException {
        String levels = "\"emerging\":{\"label\":\"Emerging\",\"statements\":[\"Strategy without any dash\"]}";
        Statement s = new SourceReader().read(write("nodash.json", export(OCCUPATION, levels)))
                .framework(FrameworkKind.OCCUPATIONAL).statements().get(0);
        assertEquals("Strategy without any dash", s.topic());
        assertNull(s.description());
        assertEquals(List.of("topic-split-missing"), s.flags().stream().map(f -> f.code()).toList());
        assertEquals("/framework/levels/emerging/statements/0", s.flags().get(0).location());
    }

    @Test
    void aStatementWithNothingVisibleOnOneSideOfTheDashIsKeptWholeAndFlagged() throws IOException {
        // a description that is only a no-break space (a web page's "Topic — &nbsp;"), or a zero-width topic, was
        // stored as an invisible ceasn:competencyText / label, with no note
        for (String text : List.of("Strategy \u2014 \u00a0", "\u200b \u2014 set direction.")) {
            String levels = "\"emerging\":{\"label\":\"Emerging\",\"statements\":[\"" + text + "\"]}";
            Statement s = new SourceReader().read(write("blank-half.json", export(OCCUPATION, levels)))
                    .framework(FrameworkKind.OCCUPATIONAL).statements().get(0);
            assertNull(s.description(), text);
            assertEquals(text.strip(), s.topic());
            assertEquals(List.of("topic-split-missing"), s.flags().stream().map(f -> f.code()).toList());
            assertEquals("/framework/levels/emerging/statements/0", s.flags().get(0).location());
        }
    }

    @Test
    void aStatementWithTwoDashesIsSplitAtTheFirstAndFlagged() throws IOException {
        // split at the first with no note was a guess: another split could be meant
        String levels = "\"emerging\":{\"label\":\"Emerging\",\"statements\":[\"Strategy \u2014 set direction "
                + "\u2014 then review it.\"]}";
        Statement s = new SourceReader().read(write("two-dashes.json", export(OCCUPATION, levels)))
                .framework(FrameworkKind.OCCUPATIONAL).statements().get(0);
        assertEquals("Strategy", s.topic());
        assertEquals("set direction \u2014 then review it.", s.description());
        assertEquals(List.of("topic-split-unsure"), s.flags().stream().map(f -> f.code()).toList());
        assertEquals("more than one ' \u2014 ': split at the first, topic 'Strategy', the rest the description",
                s.flags().get(0).message());
        assertEquals("/framework/levels/emerging/statements/0", s.flags().get(0).location());
    }

    @Test
    void levelRanksFollowTheScaleNotTheKeyOrder() throws IOException {
        String levels = "\"developing\":{\"label\":\"Developing\",\"statements\":[\"B — do b.\"]},"
                + "\"emerging\":{\"label\":\"Emerging\",\"statements\":[\"A — do a.\"]}";
        List<Level> read = new SourceReader().read(write("order.json", export(OCCUPATION, levels)))
                .framework(FrameworkKind.OCCUPATIONAL).levels();
        Map<String, Integer> rank = read.stream().collect(Collectors.toMap(Level::key, Level::rank));
        assertEquals(Map.of("emerging", 1, "developing", 2), rank, "rank 1 is the lowest level: " + read);
    }

    @Test
    void malformedJsonNamesFileAndLine() throws IOException {
        SourceException e = failure("{\n  \"occupation\": {\"soc\": \"11-1011.00\",,}\n}");
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
    }

    @Test
    void truncatedJson() throws IOException {
        String full = export(OCCUPATION, LEVELS);
        SourceException e = failure(full.substring(0, full.length() / 2));
        assertTrue(e.getMessage().contains("line"), e.getMessage());
    }

    @Test
    void missingSoc() throws IOException {
        SourceException e = failure(export("\"title\":\"Chief Executives\"", LEVELS));
        assertTrue(e.getMessage().contains("/occupation/soc"), e.getMessage());
        assertEquals("/occupation/soc", e.location());
    }

    @Test
    void missingOccupation() throws IOException {
        SourceException e = failure("{\"framework\":{\"version\":\"v.26.05\",\"levels\":{}}}");
        assertTrue(e.getMessage().contains("/occupation"), e.getMessage());
    }

    @Test
    void jobZoneNotANumber() throws IOException {
        SourceException e = failure(export(OCCUPATION.replace("\"jobZone\":5", "\"jobZone\":\"three\""), LEVELS));
        assertTrue(e.getMessage().contains("/occupation/jobZone"), e.getMessage());
        assertTrue(e.getMessage().contains("three"), e.getMessage());
    }

    @Test
    void jobZoneInferredNotABoolean() throws IOException {
        SourceException e = failure(export(OCCUPATION + ",\"jobZoneInferred\":\"yes\"", LEVELS));
        assertTrue(e.getMessage().contains("/occupation/jobZoneInferred"), e.getMessage());
    }

    @Test
    void unknownLevelKey() throws IOException {
        SourceException e = failure(export(OCCUPATION, LEVELS + ",\"expert\":{\"label\":\"Expert\",\"statements\":[]}"));
        assertTrue(e.getMessage().contains("/framework/levels/expert"), e.getMessage());
        assertTrue(e.getMessage().contains("expert"), e.getMessage());
    }

    @Test
    void nonStringStatement() throws IOException {
        String levels = "\"emerging\":{\"label\":\"Emerging\",\"statements\":[\"A — do a.\",{\"topic\":\"B\"}]}";
        SourceException e = failure(export(OCCUPATION, levels));
        assertTrue(e.getMessage().contains("/framework/levels/emerging/statements/1"), e.getMessage());
        assertEquals("/framework/levels/emerging/statements/1", e.location());
    }

    @Test
    void numberAsStatement() throws IOException {
        String levels = "\"emerging\":{\"label\":\"Emerging\",\"statements\":[42]}";
        SourceException e = failure(export(OCCUPATION, levels));
        assertTrue(e.getMessage().contains("/framework/levels/emerging/statements/0"), e.getMessage());
    }

    @Test
    void statementsNotAnArray() throws IOException {
        String levels = "\"emerging\":{\"label\":\"Emerging\",\"statements\":\"A — do a.\"}";
        SourceException e = failure(export(OCCUPATION, levels));
        assertTrue(e.getMessage().contains("/framework/levels/emerging/statements"), e.getMessage());
    }

    @Test
    void missingFrameworkVersion() throws IOException {
        SourceException e = failure(export(OCCUPATION, LEVELS).replace("\"version\":\"v.26.05\",", ""));
        assertTrue(e.getMessage().contains("/framework/version"), e.getMessage());
    }

    @Test
    void duplicateKeyIsAnError() throws IOException {
        SourceException e = failure(export(OCCUPATION + ",\"soc\":\"11-9999.00\"", LEVELS));
        assertTrue(e.getMessage().contains("soc"), e.getMessage());
        assertTrue(e.getMessage().contains("line"), e.getMessage());
    }

    @Test
    void topLevelArrayIsNotAnExport() throws IOException {
        SourceException e = failure("[1, 2, 3]");
        assertTrue(e.getMessage().contains("JSON object"), e.getMessage());
    }
}
