package org.skillgraph.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.Prologue;
import org.apache.jena.update.UpdateAction;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.skillgraph.map.Prefixes;

/**
 * The shapes tested like code: every folder of {@code src/test/resources/shapes/} is a case, found
 * automatically.
 * <p>
 * A case's data graph is its {@code data.ttl}, or a base graph changed by its {@code change.ru} (a SPARQL
 * Update whose first line is {@code # base: RELATIVE/PATH.ttl}; the seeds' golden mappings in
 * {@code src/test/resources/map/} are the usual bases, so a case states only what is wrong). The expected
 * report is {@code expected.tsv} (a header line, then {@code severity focus path shape}, tab-separated,
 * prefixed names allowed, {@code -} for no path) or {@code expected-report.ttl} (a SHACL validation report).
 * Focus nodes, paths, severities and source shapes are compared as sets; message wording is not.
 * Regenerate an expected file with {@code -Dshapes.update=CASE} and review the diff.
 */
class ShapesCaseTest {
    static final Path CASES = Path.of("src/test/resources/shapes");
    private static final Pattern BASE = Pattern.compile("^#\\s*base:\\s*(\\S+)");
    static final PrefixMapping PREFIXES = prefixes();

    private static PrefixMapping prefixes() {
        PrefixMapping pm = Prefixes.apply(PrefixMapping.Factory.create(), "http://localhost:3030/");
        pm.setNsPrefix("sgsh", QualityGate.SHAPES_NS);
        pm.setNsPrefix("graph", "http://localhost:3030/graph/");
        return pm;
    }

    @TestFactory
    Stream<DynamicTest> everyCase() throws IOException {
        List<Path> cases;
        try (Stream<Path> s = Files.list(CASES)) {
            cases = s.filter(Files::isDirectory).sorted().toList();
        }
        assertFalse(cases.isEmpty(), "no shapes cases in " + CASES);
        return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> run(dir)));
    }

    private static void run(Path dir) throws IOException {
        Graph data = data(dir);
        Verdict v = QualityGate.standard().check("urn:case:" + dir.getFileName(), data);
        List<String> actual = tuples(v.report());
        if (dir.getFileName().toString().equals(System.getProperty("shapes.update"))) {
            Files.writeString(dir.resolve("expected.tsv"), "severity\tfocus\tpath\tshape\n"
                    + actual.stream().map(l -> l + "\n").collect(Collectors.joining()), StandardCharsets.UTF_8);
        }
        List<String> expected = expected(dir);
        assertEquals(String.join("\n", expected), String.join("\n", actual), dir + ": the report differs; "
                + "findings:\n" + v.findings().stream().map(Finding::describe).collect(Collectors.joining("\n")));
        boolean violations = expected.stream().anyMatch(l -> l.startsWith("violation"));
        assertEquals(!violations, v.accepted(), dir + ": accepted exactly when no violation is expected");
    }

    /** The case's data graph: data.ttl, or its base with change.ru applied. */
    static Graph data(Path dir) throws IOException {
        Path ttl = dir.resolve("data.ttl");
        if (Files.exists(ttl)) {
            return RDFDataMgr.loadGraph(ttl.toString());
        }
        Path ru = dir.resolve("change.ru");
        assertTrue(Files.exists(ru), dir + " has neither data.ttl nor change.ru");
        String update = Files.readString(ru, StandardCharsets.UTF_8);
        Matcher m = BASE.matcher(update);
        assertTrue(m.find(), ru + " must start with '# base: PATH.ttl'");
        Model model = RDFDataMgr.loadModel(dir.resolve(m.group(1)).normalize().toString());
        if (!update.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("#"))) {
            UpdateAction.parseExecute(update, model);
        }
        return model.getGraph();
    }

    private static List<String> expected(Path dir) throws IOException {
        Path ttl = dir.resolve("expected-report.ttl");
        if (Files.exists(ttl)) {
            return tuples(ValidationReport.fromGraph(RDFDataMgr.loadGraph(ttl.toString())));
        }
        Path tsv = dir.resolve("expected.tsv");
        assertTrue(Files.exists(tsv), dir + " has neither expected.tsv nor expected-report.ttl");
        List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        assertEquals("severity\tfocus\tpath\tshape", lines.get(0), tsv + ": header");
        List<String> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] c = line.split("\t");
            assertEquals(4, c.length, tsv + ": four tab-separated columns in '" + line + "'");
            out.add(c[0] + "\t" + expand(c[1]) + "\t" + c[2] + "\t" + expand(c[3]));
        }
        return out.stream().distinct().sorted().toList();
    }

    /** One line per distinct (severity, focus, path, shape), sorted. */
    static List<String> tuples(ValidationReport report) {
        Prologue prologue = new Prologue(PREFIXES);
        return report.getEntries().stream().map((ReportEntry e) -> severity(e) + "\t" + node(e.focusNode()) + "\t"
                + (e.resultPath() == null ? "-" : e.resultPath().toString(prologue)) + "\t" + node(e.source()))
                .distinct().sorted().toList();
    }

    private static String severity(ReportEntry e) {
        Node level = e.severity().level();
        return level.equals(SHACL.Violation) ? "violation" : level.equals(SHACL.Warning) ? "warning" : "info";
    }

    private static String node(Node n) {
        return n == null ? "-" : n.isURI() ? PREFIXES.shortForm(n.getURI()) : "_:blank";
    }

    private static String expand(String s) {
        return PREFIXES.shortForm(PREFIXES.expandPrefix(s));
    }
}
