package org.skillgraph.queries;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.skillgraph.ingest.ImportReport;
import org.skillgraph.ingest.Importer;
import org.skillgraph.store.GraphStore;

/**
 * The researchers' SPARQL library in {@code queries/}, run against the two seeds.
 * <p>
 * Every {@code queries/NAME.rq} must parse, start with a {@code #} header comment, run on the union default
 * graph and return at least one row, and its answer must equal {@code src/test/resources/queries/
 * NAME.expected.tsv} exactly (row order too when the query has ORDER BY). The expected files were derived
 * from the seed files themselves, not from the store, and cross-checked against the facts of the seeds
 * README (see {@link #seedsReadmeFacts()}).
 * <p>
 * Expected-file format: a header line of variable names, then one line per row; cells are tab-separated,
 * an IRI is written as itself, a literal as its lexical form (no quotes, language tag or datatype), an
 * unbound variable as nothing; backslash, tab, newline and carriage return are escaped as {@code \\},
 * {@code \t}, {@code \n}, {@code \r}.
 * <p>
 * When a query or the mapping changes on purpose, {@code -Dqueries.update=true} rewrites the expected files
 * from the actual answers; review the diff before committing it.
 * <p>
 * An occupation can have several framework versions stored at once, one document graph each. A second store
 * holds the seeds and three more versions made from them (see {@link #loadVersions()}): every report per
 * framework, level, statement or document must give each version its own rows, exactly those its own
 * document gives alone, never adding versions up or mixing one version's title or job zone into another's.
 */
class QueryLibraryTest {
    static final Path QUERIES = Path.of("queries");
    static final Path EXPECTED = Path.of("src", "test", "resources", "queries");
    static final String BASE = "http://localhost:3030/";
    /** The import time every document of the test store records (prov:generatedAtTime). */
    static final Instant IMPORTED = Instant.parse("2026-05-20T09:30:00Z");

    /** The seed page's occupation, which the versions store also holds as v.26.06. */
    static final String PAGE_SOC = "29-2011.00";
    /** The seed export's occupation, which the versions store also holds as v.26.06 and (retitled) v.26.07. */
    static final String EXPORT_SOC = "29-2099.00";
    static final String EXPORT_TITLE = "Health Technologists and Technicians, All Other";
    static final String RETITLED = "Health Technologists, All Other";
    /** The queries that report per framework, level, statement or document, and so per version. */
    static final List<String> PER_VERSION = List.of("ai-usage-by-level", "anchor-counts", "anchors-by-kind", "cip-codes",
            "durable-domains-by-occupation", "evidence-pack", "keyword-search", "levels-and-roles",
            "occupations-frameworks", "occupations-sharing-skill", "related-titles", "statements-citing-source",
            "statements-needing-review", "statements-per-level", "tasks-in-order");

    @TempDir
    static Path tmp;
    static GraphStore store;
    /** The seeds, plus 29-2011.00 v.26.06, 29-2099.00 v.26.06 and 29-2099.00 v.26.07 (retitled, job zone 4). */
    static GraphStore versions;

    @BeforeAll
    static void loadSeeds() {
        store = GraphStore.open(tmp.resolve("store"));
        ImportReport report = new Importer(store, BASE, null, Clock.fixed(IMPORTED, ZoneOffset.UTC))
                .importPaths(List.of(Path.of("seeds")));
        assertEquals(0, report.rejected(), () -> "seeds rejected: " + report.entries());
        assertEquals(2, report.count(GraphStore.Outcome.CREATED), () -> "seeds not all loaded: " + report.entries());
    }

    /**
     * The versions store: the seeds as they are (v.26.05), and made from them, each its own document: the page
     * as v.26.06, the export as v.26.06, and the export as v.26.07 with another title and job zone.
     */
    @BeforeAll
    static void loadVersions() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("versions-in"));
        variant("29-2011.00.txt", dir.resolve("page-v.26.06.txt"), "v.26.05", "v.26.06");
        variant("29-2099.00.json", dir.resolve("export-v.26.06.json"), "\"v.26.05\"", "\"v.26.06\"");
        variant("29-2099.00.json", dir.resolve("export-v.26.07.json"), "\"v.26.05\"", "\"v.26.07\"",
                "\"" + EXPORT_TITLE + "\"", "\"" + RETITLED + "\"", "\"jobZone\":3", "\"jobZone\":4");
        versions = GraphStore.open(tmp.resolve("versions-store"));
        ImportReport report = new Importer(versions, BASE, null, Clock.fixed(IMPORTED, ZoneOffset.UTC))
                .importPaths(List.of(Path.of("seeds"), dir));
        assertEquals(0, report.rejected(), () -> "versions rejected: " + report.entries());
        assertEquals(5, report.count(GraphStore.Outcome.CREATED), () -> "versions not all loaded: " + report.entries());
    }

    @AfterAll
    static void close() {
        if (store != null) {
            store.close();
        }
        if (versions != null) {
            versions.close();
        }
    }

    // ------------------------------------------------------------------ every query

    @TestFactory
    Stream<DynamicTest> everyQueryParsesRunsAndAnswers() {
        return queryFiles().stream().map(file -> DynamicTest.dynamicTest(name(file), file.toUri(), () -> {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            assertTrue(text.startsWith("#"), file + ": must start with a # header comment saying what it answers");
            Query q = QueryFactory.create(text);
            assertFalse(namesAGraph(text), file + ": library queries run on the union default graph, and read one "
                    + "document's graph only as GRAPH ?variable: a graph's name depends on the store's base");
            Table t = run(store, q);
            assertFalse(t.rows().isEmpty(), file + ": no rows on the seeds");
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyQueryGivesItsExpectedAnswer() {
        return queryFiles().stream().map(file -> DynamicTest.dynamicTest(name(file), file.toUri(), () -> {
            Query q = QueryFactory.create(Files.readString(file, StandardCharsets.UTF_8));
            Path expectedFile = EXPECTED.resolve(name(file) + ".expected.tsv");
            Table actual = run(store, q);
            if (Boolean.getBoolean("queries.update")) {
                Files.createDirectories(EXPECTED);
                Files.writeString(expectedFile, actual.tsv(), StandardCharsets.UTF_8);
                return;
            }
            assertTrue(Files.isRegularFile(expectedFile), () -> expectedFile + " is missing; the query answered:\n"
                    + actual.tsv());
            List<String> want = lines(Files.readString(expectedFile, StandardCharsets.UTF_8));
            List<String> got = lines(actual.tsv());
            if (!q.hasOrderBy()) {
                want = sortedBody(want);
                got = sortedBody(got);
            }
            if (!want.equals(got)) {
                fail(file + " does not give " + expectedFile + (q.hasOrderBy() ? "" : " (compared unordered)")
                        + "\n--- expected\n+++ actual\n" + diff(want, got));
            }
        }));
    }

    @Test
    void everyExpectedFileHasItsQuery() {
        Set<String> queries = queryFiles().stream().map(QueryLibraryTest::name).collect(Collectors.toSet());
        try (Stream<Path> s = Files.list(EXPECTED)) {
            List<String> orphans = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".expected.tsv"))
                    .map(n -> n.substring(0, n.length() - ".expected.tsv".length()))
                    .filter(n -> !queries.contains(n)).sorted().toList();
            assertEquals(List.of(), orphans, "expected answers without a query in " + QUERIES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theLibraryCoversItsQuestions() {
        Set<String> names = queryFiles().stream().map(QueryLibraryTest::name).collect(Collectors.toSet());
        assertTrue(names.size() >= 12, "at least 12 queries: " + names);
        assertTrue(names.contains("statements-per-level"), "statements-per-level.rq is referred to by name");
        assertTrue(names.containsAll(PER_VERSION), "the queries reporting per version: " + PER_VERSION);
    }

    /** A report per framework, level or statement says which version each row is of. */
    @TestFactory
    Stream<DynamicTest> everyReportPerFrameworkOrLevelHasAVersionColumn() {
        return queryFiles().stream().map(file -> DynamicTest.dynamicTest(name(file), file.toUri(), () -> {
            Table t = runFile(store, name(file));
            boolean perFramework = t.vars().stream().anyMatch(v -> Set.of("framework", "level", "rank").contains(v));
            assertTrue(!perFramework || t.vars().contains("version"), file + " reports per framework or level "
                    + "without a version column: " + t.vars());
        }));
    }

    // ------------------------------------------------------------------ several versions of one occupation

    /**
     * With several versions of an occupation stored, each version's rows are exactly those its own document
     * gives when it is alone (the seeds' answer, with that version, title and job zone): nothing is added up
     * across versions, no row repeats another, and no version takes another's title or job zone.
     */
    @TestFactory
    Stream<DynamicTest> versionsOfAnOccupationAreReportedApartNeverAddedUpOrMixed() {
        return queryFiles().stream().filter(file -> PER_VERSION.contains(name(file)))
                .map(file -> DynamicTest.dynamicTest(name(file), file.toUri(), () -> {
            String name = name(file);
            Table seeds = runFile(store, name);
            Table all = runFile(versions, name);
            assertTrue(all.vars().contains("version"), name + ": no version column " + all.vars());
            assertTrue(all.vars().contains("soc"), name + ": no soc column " + all.vars());
            List<String> got = all.tsv().lines().skip(1).sorted().toList();
            assertEquals(got.size(), Set.copyOf(got).size(), () -> name + ": rows that cannot be told apart\n"
                    + all.tsv());
            List<Map<String, String>> want = new ArrayList<>(seeds.rows());
            want.addAll(asVersion(seeds, PAGE_SOC, "v.26.06", false));
            want.addAll(asVersion(seeds, EXPORT_SOC, "v.26.06", false));
            want.addAll(asVersion(seeds, EXPORT_SOC, "v.26.07", true));
            List<String> expected = new Table(seeds.vars(), want).tsv().lines().skip(1).sorted().toList();
            assertEquals(seeds.vars(), all.vars(), name + ": columns");
            if (!expected.equals(got)) {
                fail(name + ": each version's rows are not those of its own document\n--- expected\n+++ actual\n"
                        + diff(expected, got));
            }
        }));
    }

    /** The researcher's reproductions, read through the library. */
    @Test
    void versionsAreCountedApartAndTitledByTheirOwnDocument() {
        Table perLevel = runFile(versions, "statements-per-level");
        Table domains = runFile(versions, "durable-domains-by-occupation");
        Table frameworks = runFile(versions, "occupations-frameworks");
        Table sources = runFile(versions, "cited-sources");
        Function<Map<String, String>, Boolean> pageOccupational = r -> r.get("soc").equals(PAGE_SOC)
                && r.get("framework").equals("occupational skills framework");
        Function<Map<String, String>, Boolean> export = r -> r.get("soc").equals(EXPORT_SOC);
        assertAll(
                () -> assertEquals(List.of("10", "10", "10", "10", "10", "10", "10", "10"),
                        perLevel.column("statements", pageOccupational)),
                () -> assertEquals(List.of("v.26.05", "v.26.05", "v.26.05", "v.26.05", "v.26.06", "v.26.06", "v.26.06",
                        "v.26.06"), perLevel.column("version", pageOccupational)),
                () -> assertEquals(List.of(EXPORT_TITLE, EXPORT_TITLE, RETITLED), perLevel.rows().stream()
                        .filter(r -> export.apply(r) && r.get("rank").equals("1")).map(r -> r.get("occupation"))
                        .toList()),
                () -> assertEquals(List.of("12", "12"), domains.column("statements",
                        r -> r.get("soc").equals(PAGE_SOC) && r.get("domain").equals("Communication"))),
                () -> assertEquals(List.of("12", "12"), domains.column("declared",
                        r -> r.get("soc").equals(PAGE_SOC) && r.get("domain").equals("Communication"))),
                () -> assertEquals(List.of("0", "0", "0"), domains.column("statements",
                        r -> export.apply(r) && r.get("domain").equals("Communication"))),
                () -> assertEquals(List.of("v.26.05", "v.26.06", "v.26.07"), frameworks.column("version", export)),
                () -> assertEquals(List.of(EXPORT_TITLE, EXPORT_TITLE, RETITLED),
                        frameworks.column("occupation", export)),
                () -> assertEquals(List.of("3", "3", "4"), frameworks.column("jobZone", export)),
                () -> assertEquals(List.of("40", "40", "40"), frameworks.column("statements", export)),
                () -> assertEquals(9, frameworks.rows().size(), frameworks::tsv),
                // the page's 87 citations of its durable-skills source, in each of its two versions, not 174 in one
                () -> assertEquals(List.of("v.26.05 87 1", "v.26.06 87 1"), sources.rows().stream()
                        .filter(r -> r.get("title").equals("Pathsmith Durable Skills Framework"))
                        .map(r -> r.get("version") + " " + r.get("statements") + " " + r.get("occupations")).toList(),
                        sources::tsv));
    }

    /**
     * Sources, tasks and O*NET anchors are shared resources (one IRI per source title, per task wording's slug, per
     * anchor label's slug), described again by every document that names them, and a later version can give them
     * another chip or wording, or drop one: a new edition's chip ("Jadhav & Danve, 2027"), a task's punctuation
     * corrected, a skill written "Critical thinking", the skill "Science" gone. Each version's rows show what its own
     * document gives, once: not one row per wording any document ever gave, nor another version's chip, wording or
     * anchor.
     */
    /** A store of its own holding the two seeds and the one variant in {@code dir}, all three created. */
    static GraphStore seedsAnd(Path dir, String name) throws IOException {
        GraphStore s = GraphStore.open(tmp.resolve(name));
        ImportReport report = new Importer(s, BASE, null, Clock.fixed(IMPORTED, ZoneOffset.UTC))
                .importPaths(List.of(Path.of("seeds"), dir));
        assertEquals(3, report.count(GraphStore.Outcome.CREATED), () -> "not all loaded: " + report.entries());
        return s;
    }

    @Test
    void sharedSourcesAndTasksAreShownAsTheirOwnDocumentGivesThem() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("reworded-in"));
        variant("29-2011.00.txt", dir.resolve("reworded-v.26.06.txt"), "v.26.05", "v.26.06",
                "Jadhav & Danve, 2026Skill Automation Feasibility Index \u2014 Jadhav & Danve, 2026 (arXiv:2604.06906)",
                "Jadhav & Danve, 2027Skill Automation Feasibility Index \u2014 Jadhav & Danve, 2027 (arXiv:2701.00001)",
                "  6. Set up, clean, and maintain laboratory equipment.",
                "  6. Set up, clean and maintain laboratory equipment.",
                "anchors62 anchors", "anchors61 anchors",
                "\nScienceCritical ThinkingActive Listening", "\nCritical thinkingActive Listening");
        try (GraphStore s = seedsAnd(dir, "reworded-store")) {
            Table ai = runFile(s, "ai-usage-by-level");
            Table tasks = runFile(s, "tasks-in-order");
            Table anchors = runFile(s, "anchors-by-kind");
            Table sharing = runFile(s, "occupations-sharing-skill");
            Table sources = runFile(s, "cited-sources");
            Function<Map<String, String>, Boolean> skill = r -> r.get("kind").equals("has skill")
                    && Set.of("Science", "Critical Thinking", "Critical thinking").contains(r.get("anchor"));
            Function<Map<String, String>, Boolean> qcFlagging = r -> r.get("topic").equals("Automated QC flagging");
            assertAll(
                    () -> assertEquals(List.of("v.26.05 Anthropic Economic Index", "v.26.05 Jadhav & Danve, 2026",
                            "v.26.06 Anthropic Economic Index", "v.26.06 Jadhav & Danve, 2027"),
                            ai.rows().stream().filter(qcFlagging::apply)
                                    .map(r -> r.get("version") + " " + r.get("evidence")).toList(), ai::tsv),
                    // the page's 12 AI-usage statements and 14 citations, 16 rows, in each version
                    () -> assertEquals(32, ai.rows().size(), ai::tsv),
                    () -> assertEquals(List.of("v.26.05 Set up, clean, and maintain laboratory equipment.",
                            "v.26.06 Set up, clean and maintain laboratory equipment."),
                            tasks.rows().stream().filter(r -> r.get("position").equals("6"))
                                    .map(r -> r.get("version") + " " + r.get("task")).toList(), tasks::tsv),
                    () -> assertEquals(16, tasks.rows().size(), tasks::tsv),
                    () -> assertEquals(List.of("v.26.05 Critical Thinking", "v.26.05 Science", "v.26.06 Critical thinking"),
                            anchors.rows().stream().filter(skill::apply)
                                    .map(r -> r.get("version") + " " + r.get("anchor")).toList(), anchors::tsv),
                    () -> assertEquals(62 + 61, anchors.rows().size(), anchors::tsv),
                    () -> assertEquals(List.of("Critical Thinking 1 v.26.05", "Critical thinking 1 v.26.06",
                            "Science 1 v.26.05"), sharing.rows().stream()
                                    .map(r -> r.get("skill") + " " + r.get("sharedBy") + " " + r.get("version")).toList(),
                            sharing::tsv),
                    () -> assertEquals(List.of("v.26.05 Jadhav & Danve, 2026 arXiv:2604.06906 6",
                            "v.26.06 Jadhav & Danve, 2027 arXiv:2701.00001 6"), sources.rows().stream()
                                    .filter(r -> r.get("title").equals("Skill Automation Feasibility Index"))
                                    .map(r -> r.get("version") + " " + r.get("citationLabel") + " " + r.get("identifier")
                                            + " " + r.get("statements")).toList(), sources::tsv));
        }
    }

    // ------------------------------------------------------------------ the seeds README, through the queries

    /** The counts the seeds README gives, read back through the library (guards the expected files too). */
    @Test
    void seedsReadmeFacts() {
        Table perLevel = runFile("statements-per-level");
        Table anchors = runFile("anchor-counts");
        Table domains = runFile("durable-domains-by-occupation");
        Table sources = runFile("cited-sources");
        String a = "29-2011.00";
        String b = "29-2099.00";
        String occ = "occupational skills framework";
        String ai = "AI usage framework";
        String dur = "durable skills framework";
        assertAll(
                () -> assertEquals(List.of("10", "10", "10", "10"), perLevel.column("statements",
                        r -> r.get("soc").equals(a) && r.get("framework").equals(occ))),
                () -> assertEquals(List.of("2", "3", "4", "3"), perLevel.column("statements",
                        r -> r.get("soc").equals(a) && r.get("framework").equals(ai))),
                () -> assertEquals(94, perLevel.sum("statements",
                        r -> r.get("soc").equals(a) && r.get("framework").equals(dur))),
                () -> assertEquals(List.of("10", "10", "10", "10"), perLevel.column("statements",
                        r -> r.get("soc").equals(b))),
                () -> assertEquals(List.of(occ), perLevel.column("framework", r -> r.get("soc").equals(b))
                        .stream().distinct().toList()),
                () -> assertEquals(List.of("Communication", "Leadership", "Metacognition", "Critical Thinking",
                        "Collaboration", "Character", "Creativity", "Growth Mindset", "Mindfulness", "Fortitude"),
                        domains.column("domain", r -> r.get("soc").equals(a))),
                () -> assertEquals(List.of("12", "10", "9", "10", "9", "9", "8", "9", "9", "9"),
                        domains.column("statements", r -> r.get("soc").equals(a))),
                () -> assertEquals(Map.of("has skill", "20", "has knowledge", "10", "has ability", "10",
                        "has work style", "6", "uses technology", "8", "has task", "8", "has apprenticeship", "0"),
                        anchors.rows().stream().filter(r -> r.get("soc").equals(a))
                                .collect(Collectors.toMap(r -> r.get("kind"), r -> r.get("anchors")))),
                () -> assertEquals(62, anchors.sum("anchors", r -> r.get("soc").equals(a))),
                () -> assertEquals(0, anchors.sum("anchors", r -> r.get("soc").equals(b))),
                () -> assertEquals(12, runFile("related-titles").column("relatedTitle", r -> r.get("soc").equals(a))
                        .size()),
                () -> assertEquals(6, runFile("cip-codes").column("cip", r -> r.get("soc").equals(a)).size()),
                () -> assertEquals(5, sources.column("title", r -> Integer.parseInt(r.get("statements")) > 0).size()),
                () -> assertEquals(8, runFile("tasks-in-order").rows().size()));
    }

    // ------------------------------------------------------------------ keyword search through the text index

    /**
     * keyword-search asks the full-text index for candidates and keeps those whose text contains the keyword;
     * it must find exactly the statements that reading every text finds: keywords spanning words, inside
     * words, with hyphens, in mixed case, with punctuation at the ends, and with no Latin letter at all.
     */
    @Test
    void keywordSearchThroughTheIndexFindsWhatReadingEveryTextFinds() throws IOException {
        String library = Files.readString(QUERIES.resolve("keyword-search.rq"), StandardCharsets.UTF_8);
        String keywords = "\"supervision\" \"Pre-Analytical\" \"ing ste\" \"nalyt\" \"AI-assisted\" \"decision-making\" "
                + "\"(e.g.\" \"out-of-\" \"—\" \"qc\" \"Laboratory section supervision\"";
        String indexed = library.replace("VALUES ?keyword { \"supervision\" }", "VALUES ?keyword { " + keywords + " }");
        assertTrue(indexed.contains(keywords), "keyword-search.rq no longer has its VALUES line");
        String scanning = indexed.lines().filter(l -> !l.contains("?trimmed") && !l.contains("text:query"))
                .collect(Collectors.joining("\n"));
        assertFalse(scanning.contains("text:query"), "the scanning form still asks the index");
        assertTrue(indexed.contains("text:query ("), "keyword-search.rq no longer asks the index");

        Table viaIndex = run(store, QueryFactory.create(indexed));
        Table byReading = run(store, QueryFactory.create(scanning));
        if (!viaIndex.tsv().equals(byReading.tsv())) {
            fail("keyword-search through the index differs from reading every text\n--- reading\n+++ index\n"
                    + diff(lines(byReading.tsv()), lines(viaIndex.tsv())));
        }
        Set<String> found = viaIndex.rows().stream().map(r -> r.get("keyword")).collect(Collectors.toSet());
        assertEquals(Set.of("supervision", "Pre-Analytical", "ing ste", "nalyt", "AI-assisted", "decision-making",
                "out-of-", "—", "qc", "Laboratory section supervision"), found, "keywords that found statements");
    }

    // ------------------------------------------------------------------ review worklist on flagged data

    /**
     * The seeds import cleanly, so the review query is also run on a store that has something to review: the
     * seed page again as v.26.06, with a statement whose topic cannot be split, one whose citation chip cannot be
     * resolved, an evidence metric of no known name, and, flagged on the document itself since they belong to
     * no statement, a misnumbered item line, a CIP list that cannot be split and an anchor count that disagrees.
     */
    @Test
    void reviewQueryListsEveryFlagOfEachDocumentWhateverCarriesIt() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("review-in"));
        variant("29-2011.00.txt", dir.resolve("flagged-v.26.06.txt"), "v.26.05", "v.26.06",
                "preparationperform basic", "preparationxyzzyqwe basic",
                "\n  3. Laboratory data entry", "\n  3) Laboratory data entry",
                "errors Anthropic Economic IndexAnthropic Economic Index \u2014 release_2026_03_24",
                "errors Foo BarBaz Qux \u2014 2026",
                "\nAI autonomy: 2.43\n", "\nAI autonomy: 2.43\nHuman oversight: 7.1\n",
                "anchors62 anchors", "anchors64 anchors",
                "\n26.040151.100251.100551.100751.101051.1099\n", "\n26.040151.10025X.100551.100751.101051.1099\n");
        try (GraphStore s = seedsAnd(dir, "review-store")) {
            Table t = runFile(s, "statements-needing-review");
            String doc = BASE + "graph/29-2011.00/v.26.06";
            String flagged = "29-2011.00\tv.26.06\t4\t";
            assertEquals(List.of(
                    "soc\tversion\tflagged\tattachedTo\tresource\tframework\trank\tlevel\tdomain\tn\tsourceText\tnote",
                    "29-2011.00\tv.26.05\t0\t\t\t\t\t\t\t\t\t",
                    flagged + "source document\t" + doc + "\t\t\t\t\t\t\t[anchor-count-mismatch] section O*NET "
                            + "anchors: the page declares 64 anchors but 62 were read",
                    flagged + "source document\t" + doc + "\t\t\t\t\t\t\t[cip-unrecognised] line 271: could not "
                            + "split CIP codes '26.040151.10025X.100551.100751.101051.1099' into NN.NNNN codes; kept "
                            + "[26.0401, 51.1002], not the rest '5X.100551.100751.101051.1099'",
                    flagged + "source document\t" + doc + "\t\t\t\t\t\t\t[unrecognised-line] line 14: line not "
                            + "recognised, kept here: '3) Laboratory data entryinput results from medical tests and "
                            + "clinical analyses into designated computer systems with accuracy checks by a "
                            + "supervising technologist.'",
                    flagged + "evidence metric\t" + BASE + "id/occupation/29-2011.00/evidence/v.26.06/aei-usage/"
                            + "human-oversight\t\t\t\t\t\tHuman oversight: 7.1\t[metric-unknown] line 85: evidence "
                            + "metric not known by name (or not in the expected unit); kept as written",
                    flagged + "statement\t" + BASE + "id/framework/29-2011.00/ai-usage/v.26.06/level/emerging/"
                            + "statement/1\tAI usage framework\t1\tEmerging\t\t1\tAI-assisted result entry \u2014 "
                            + "uses AI-enabled data capture tools to transfer test results and clinical measurements "
                            + "into laboratory information systems, reducing manual transcription errors Foo BarBaz "
                            + "Qux.\t"
                            + "[citation-unresolved] line 64: could not tell the first citation chip from the "
                            + "statement text: 'AI-assisted result entry \u2014 uses AI-enabled data capture tools to "
                            + "transfer test results and clinical measurements into laboratory information systems, "
                            + "reducing manual transcription errors Foo BarBaz Qux', the chip's detail: '2026'",
                    flagged + "statement\t" + BASE + "id/framework/29-2011.00/occupational/v.26.06/level/emerging/"
                            + "statement/1\toccupational skills framework\t1\tEmerging\t\t1\tBiological sample "
                            + "preparationxyzzyqwe basic processing steps under direct supervision in a clinical "
                            + "laboratory setting.\t[topic-split-unsure] line 12: could not split topic from "
                            + "description with confidence: no word + verb boundary found; kept the whole text",
                    "29-2099.00\tv.26.05\t0\t\t\t\t\t\t\t\t\t"), lines(t.tsv()));
        }
    }

    // ------------------------------------------------------------------ helpers

    static List<Path> queryFiles() {
        try (Stream<Path> s = Files.list(QUERIES)) {
            List<Path> files = s.filter(p -> p.getFileName().toString().endsWith(".rq")).sorted().toList();
            assertFalse(files.isEmpty(), "no queries in " + QUERIES.toAbsolutePath());
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String name(Path file) {
        String n = file.getFileName().toString();
        return n.substring(0, n.length() - ".rq".length());
    }

    static Table runFile(String name) {
        return runFile(store, name);
    }

    static Table runFile(GraphStore s, String name) {
        try {
            return run(s, QueryFactory.create(Files.readString(QUERIES.resolve(name + ".rq"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code GRAPH} with an IRI rather than a variable, outside comments and strings (a rough check, good enough
     * for the library).
     */
    static boolean namesAGraph(String text) {
        return text.lines().map(l -> l.replaceAll("#.*$", "").replaceAll("\"[^\"]*\"", ""))
                .anyMatch(l -> l.matches("(?i).*(?<![?$\\w])GRAPH\\s*(<|[a-z_][\\w.-]*:|:).*"));
    }

    /** Writes a seed with each (from, to) pair replaced; every {@code from} must be in it. */
    static void variant(String seed, Path out, String... fromTo) throws IOException {
        String text = Files.readString(Path.of("seeds", seed), StandardCharsets.UTF_8);
        for (int i = 0; i < fromTo.length; i += 2) {
            assertTrue(text.contains(fromTo[i]), seed + " no longer holds " + fromTo[i]);
            text = text.replace(fromTo[i], fromTo[i + 1]);
        }
        Files.writeString(out, text, StandardCharsets.UTF_8);
    }

    /**
     * The seeds' rows of one occupation as another version of its document would give them: the version in
     * every cell (a version column, IRIs), and for the retitled export its other title and job zone.
     */
    static List<Map<String, String>> asVersion(Table seeds, String soc, String version, boolean retitled) {
        return seeds.rows().stream().filter(r -> r.get("soc").equals(soc)).map(r -> {
            Map<String, String> row = new LinkedHashMap<>();
            r.forEach((k, v) -> {
                String cell = v.replace("v.26.05", version);
                if (retitled && cell.equals(EXPORT_TITLE)) {
                    cell = RETITLED;
                }
                if (retitled && k.equals("jobZone") && cell.equals("3")) {
                    cell = "4";
                }
                row.put(k, cell);
            });
            return row;
        }).toList();
    }

    static Table run(GraphStore s, Query q) {
        return s.query(q, qe -> {
            if (q.isAskType()) {
                return new Table(List.of("ask"), List.of(Map.of("ask", Boolean.toString(qe.execAsk()))));
            }
            if (!q.isSelectType()) {
                throw new AssertionError("the library holds SELECT and ASK queries; this is " + q.queryType());
            }
            ResultSet rs = qe.execSelect();
            List<String> vars = rs.getResultVars();
            List<Map<String, String>> rows = new ArrayList<>();
            while (rs.hasNext()) {
                QuerySolution sol = rs.next();
                Map<String, String> row = new LinkedHashMap<>();
                for (String v : vars) {
                    row.put(v, cell(sol.get(v)));
                }
                rows.add(row);
            }
            return new Table(vars, rows);
        });
    }

    static String cell(RDFNode n) {
        if (n == null) {
            return "";
        }
        if (n.isURIResource()) {
            return n.asResource().getURI();
        }
        if (n.isLiteral()) {
            return n.asLiteral().getLexicalForm();
        }
        return "_:" + n.asResource().getId().getLabelString();
    }

    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    static List<String> lines(String text) {
        return text.lines().toList();
    }

    /** Header first, then the rows sorted: for queries without ORDER BY. */
    static List<String> sortedBody(List<String> lines) {
        if (lines.isEmpty()) {
            return lines;
        }
        List<String> out = new ArrayList<>();
        out.add(lines.get(0));
        out.addAll(lines.subList(1, lines.size()).stream().sorted().toList());
        return out;
    }

    /** A line diff (longest common subsequence): "  " same, "- " only expected, "+ " only actual. */
    static String diff(List<String> want, List<String> got) {
        int n = want.size();
        int m = got.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = want.get(i).equals(got.get(j)) ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        StringBuilder sb = new StringBuilder();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && want.get(i).equals(got.get(j))) {
                sb.append("  ").append(visible(want.get(i))).append('\n');
                i++;
                j++;
            } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
                sb.append("+ ").append(visible(got.get(j))).append('\n');
                j++;
            } else {
                sb.append("- ").append(visible(want.get(i))).append('\n');
                i++;
            }
        }
        return sb.toString();
    }

    /** Tabs shown as " | " so that empty cells can be seen in a failure message. */
    static String visible(String line) {
        return line.replace("\t", " | ");
    }

    /** A query's answer: variables in order, and rows of cells as written to the expected files. */
    record Table(List<String> vars, List<Map<String, String>> rows) {
        String tsv() {
            StringBuilder sb = new StringBuilder(String.join("\t", vars)).append('\n');
            for (Map<String, String> r : rows) {
                sb.append(vars.stream().map(v -> escape(r.get(v))).collect(Collectors.joining("\t"))).append('\n');
            }
            return sb.toString();
        }

        List<String> column(String var, Function<Map<String, String>, Boolean> where) {
            return rows.stream().filter(where::apply).map(r -> r.get(var)).toList();
        }

        int sum(String var, Function<Map<String, String>, Boolean> where) {
            return column(var, where).stream().mapToInt(Integer::parseInt).sum();
        }
    }
}
