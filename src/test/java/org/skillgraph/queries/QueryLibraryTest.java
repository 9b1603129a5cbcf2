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
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.skillgraph.ingest.ImportReport;
import org.skillgraph.ingest.Importer;
import org.skillgraph.store.GraphStore;
import org.skillgraph.vocab.SG;

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
 */
class QueryLibraryTest {
    static final Path QUERIES = Path.of("queries");
    static final Path EXPECTED = Path.of("src", "test", "resources", "queries");
    static final String BASE = "http://localhost:3030/";
    /** The import time every document of the test store records (prov:generatedAtTime). */
    static final Instant IMPORTED = Instant.parse("2026-05-20T09:30:00Z");

    @TempDir
    static Path tmp;
    static GraphStore store;

    @BeforeAll
    static void loadSeeds() {
        store = GraphStore.open(tmp.resolve("store"));
        ImportReport report = new Importer(store, BASE, null, Clock.fixed(IMPORTED, ZoneOffset.UTC))
                .importPaths(List.of(Path.of("seeds")));
        assertEquals(0, report.rejected(), () -> "seeds rejected: " + report.entries());
        assertEquals(2, report.count(GraphStore.Outcome.CREATED), () -> "seeds not all loaded: " + report.entries());
    }

    @AfterAll
    static void close() {
        if (store != null) {
            store.close();
        }
    }

    // ------------------------------------------------------------------ every query

    @TestFactory
    Stream<DynamicTest> everyQueryParsesRunsAndAnswers() {
        return queryFiles().stream().map(file -> DynamicTest.dynamicTest(name(file), file.toUri(), () -> {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            assertTrue(text.startsWith("#"), file + ": must start with a # header comment saying what it answers");
            Query q = QueryFactory.create(text);
            assertFalse(usesGraphClause(text) && !text.contains("sg:SourceDocument"),
                    file + ": library queries run on the union default graph; GRAPH is for document queries only");
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

    /** The seeds import cleanly, so the review query is also run on a store that has something to review. */
    @Test
    void reviewQueryListsFlaggedStatementsWithTheirNotes() throws IOException {
        try (GraphStore s = GraphStore.open(tmp.resolve("review-store"))) {
            s.replaceGraph(SG.ONTOLOGY, Importer.ontology());
            String ttl = """
                    PREFIX sg: <https://w3id.org/skillgraph/ontology#>
                    PREFIX ceasn: <https://purl.org/ctdlasn/terms/>
                    PREFIX ceterms: <https://purl.org/ctdl/terms/>
                    PREFIX asn: <http://purl.org/asn/schema/core/>
                    PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                    PREFIX x: <http://example.org/>
                    x:occ a ceterms:Occupation ; skos:notation "11-1011.00" .
                    x:clean a ceterms:Occupation ; skos:notation "11-2011.00" .
                    x:fw a ceasn:CompetencyFramework, sg:OccupationalFramework ; sg:forOccupation x:occ .
                    x:lvl a asn:ProgressionLevel ; sg:rank 2 ; skos:prefLabel "Developing"@en .
                    x:s1 a ceasn:Competency ; ceasn:isPartOf x:fw ; asn:hasProgressionLevel x:lvl ; ceasn:listID "3" ;
                        sg:sourceText "Gluedtextnobody couldsplit"@en ; sg:needsReview true ;
                        sg:reviewNote "[topic-split-unsure] line 16: no verb found", "[b-second] line 16: another" .
                    x:s2 a ceasn:Competency ; ceasn:isPartOf x:fw ; asn:hasProgressionLevel x:lvl ; ceasn:listID "1" ;
                        sg:sourceText "Fine — all good"@en .
                    """;
            Model m = ModelFactory.createDefaultModel();
            RDFParser.fromString(ttl, Lang.TURTLE).parse(m);
            s.replaceGraph("http://example.org/graph", m);
            Table t = run(s, QueryFactory.create(Files.readString(QUERIES.resolve("statements-needing-review.rq"))));
            assertEquals(List.of(
                    "soc\tflagged\tframework\trank\tlevel\tdomain\tn\tsourceText\tnote",
                    "11-1011.00\t1\toccupational skills framework\t2\tDeveloping\t\t3\tGluedtextnobody couldsplit\t"
                            + "[b-second] line 16: another",
                    "11-1011.00\t1\toccupational skills framework\t2\tDeveloping\t\t3\tGluedtextnobody couldsplit\t"
                            + "[topic-split-unsure] line 16: no verb found",
                    "11-2011.00\t0\t\t\t\t\t\t\t"), lines(t.tsv()));
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
        try {
            return run(store, QueryFactory.create(Files.readString(QUERIES.resolve(name + ".rq"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code GRAPH} as a keyword outside comments and strings (a rough check, good enough for the library). */
    static boolean usesGraphClause(String text) {
        return text.lines().map(l -> l.replaceAll("#.*$", "").replaceAll("\"[^\"]*\"", ""))
                .anyMatch(l -> l.matches("(?i).*\\bGRAPH\\b.*"));
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
