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

    @Test
    void unknownExtraFieldIsTolerated() throws IOException {
        String json = export(OCCUPATION + ",\"onetUpdated\":\"2025-09\",\"tags\":[1,2]", LEVELS)
                .replace("\"attribution\"", "\"futureField\":{\"nested\":true},\"attribution\"");
        SourceDocument d = new SourceReader().read(write("extra.json", json));
        assertEquals("11-1011.00", d.occupation().soc());
        assertEquals(2, d.framework(FrameworkKind.OCCUPATIONAL).statements().size());
        assertEquals("© EBSCOed", d.provenance().attribution());
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
