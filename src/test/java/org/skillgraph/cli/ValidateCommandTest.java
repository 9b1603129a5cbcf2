package org.skillgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillgraph.map.DocumentMapper;
import org.skillgraph.map.MappedDocument;
import org.skillgraph.read.SourceReader;
import org.skillgraph.store.GraphStore;
import org.skillgraph.vocab.SG;

/** {@code skillgraph validate} (the dry run and the store re-validation) and the reports of {@code ingest}. */
class ValidateCommandTest {
    static final Path BAD = Path.of("src/test/resources/bad");

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SkillgraphCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.map(Path::toString).sorted().toList();
        }
    }

    @Test
    void aFolderWithNoDocumentIsNamedNotPassedOverInSilence() throws IOException {
        // "0 document(s)" and exit 0 was all a publisher's CI saw when it was given the wrong folder
        Path empty = Files.createDirectories(tmp.resolve("incoming"));
        Files.writeString(empty.resolve(".hidden.json"), "{}");
        String warning = "warning: " + empty + ": no file in this folder (hidden files are skipped): nothing read from it";
        Run validate = run("validate", empty.toString(), "seeds/29-2099.00.json");
        assertEquals(0, validate.code(), validate.err());
        assertTrue(validate.err().contains(warning), validate.err());
        assertTrue(validate.out().contains("1 document(s): 1 would be accepted"), validate.out());
        Run ingest = run("ingest", "--store", tmp.resolve("db").toString(), empty.toString());
        assertEquals(0, ingest.code(), ingest.err());
        assertTrue(ingest.err().contains(warning), ingest.err());
        assertFalse(run("validate", "seeds/").err().contains("warning:"), "a folder with documents is not named");
    }

    @Test
    void theSeedsWouldBeAccepted() {
        Run r = run("validate", "seeds");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("seeds/29-2011.00.txt: accepted <http://localhost:3030/graph/29-2011.00/v.26.05> "
                + "(3012 triples, 0 violation(s), 0 warning(s), "), r.out());
        assertTrue(r.out().contains("seeds/29-2099.00.json: accepted <http://localhost:3030/graph/29-2099.00/v.26.05>"),
                r.out());
        assertTrue(r.out().contains("2 document(s): 2 would be accepted, 0 rejected; validated 2 document(s) in "),
                r.out());
    }

    @Test
    void aDryRunOfBadFilesSaysWhyAndWritesNothing() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("in"));
        for (String f : List.of("job-zone-seven.json", "malformed-soc.json", "no-topic-separator.json")) {
            Files.copy(BAD.resolve(f), dir.resolve(f));
        }
        List<String> before = listing(tmp);
        Run r = run("validate", "--base", "https://data.example.org/", dir.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains(dir.resolve("job-zone-seven.json") + ": refused <https://data.example.org/graph/"
                + "29-2099.00/v.26.05> (620 triples, 1 violation(s), 0 warning(s)"), r.out());
        assertTrue(r.out().contains("    violation: 'Health Technologists and Technicians, All Other' "
                + "<https://data.example.org/id/occupation/29-2099.00> sg:jobZone: the job zone is an integer from 1 to 5 "
                + "(value: 7)"), r.out());
        assertTrue(r.out().contains("rejected: " + dir.resolve("malformed-soc.json") + " (/occupation/soc): 'soc' must be"),
                r.out());
        assertTrue(r.out().contains(dir.resolve("no-topic-separator.json") + ": accepted"), r.out());
        assertTrue(r.out().contains("    warning: 'Strategy set without any separator at all'"), r.out());
        assertTrue(r.out().contains("3 document(s): 1 would be accepted, 2 rejected"), r.out());
        assertEquals(before, listing(tmp), "a dry run writes nothing");
    }

    @Test
    void turtleFormatPrintsTheShaclReport() {
        Run r = run("validate", "--format", "turtle", "seeds", BAD.resolve("job-zone-seven.json").toString());
        assertEquals(1, r.code(), r.err());
        Model m = ModelFactory.createDefaultModel();
        RDFParser.fromString(r.out(), Lang.TURTLE).parse(m);
        assertEquals(3, m.listSubjectsWithProperty(RDF.type, m.createResource(SHACL.ValidationReport.getURI())).toList().size());
        assertEquals(1, m.listSubjectsWithProperty(m.createProperty(SHACL.resultSeverity.getURI()),
                m.createResource(SHACL.Violation.getURI())).toList().size());
        assertTrue(r.err().contains("3 document(s): 2 would be accepted, 1 rejected"), r.err());
    }

    @Test
    void ingestWritesTheShaclReportInTheStoreOrWhereAsked() throws IOException {
        Path store = tmp.resolve("store");
        Run r = run("ingest", "--store", store.toString(), "seeds", BAD.resolve("page-job-zone-nine.txt").toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("refused by the quality gate (1 violation in <http://localhost:3030/graph/29-2011.00/"
                + "v.26.05>):\n    violation: 'Medical and Clinical Laboratory Technologists' <http://localhost:3030/id/"
                + "occupation/29-2011.00> sg:jobZone: the job zone is an integer from 1 to 5 (value: 9)"), r.err());
        assertTrue(r.err().contains("2 created, 0 updated, 0 unchanged, 1 rejected; 0 warning(s)"), r.err());
        Path report = store.resolve("reports/last-ingest-report.ttl");
        assertTrue(r.err().contains("SHACL report: " + report), r.err());
        Model m = RDFDataMgr.loadModel(report.toString());
        assertEquals(3, m.listSubjectsWithProperty(RDF.type, m.createResource(SHACL.ValidationReport.getURI())).toList().size());
        assertEquals(1, m.listResourcesWithProperty(m.createProperty(SHACL.resultSeverity.getURI()),
                m.createResource(SHACL.Violation.getURI())).toList().size());

        Path elsewhere = tmp.resolve("elsewhere/report.ttl");
        Run again = run("ingest", "--store", store.toString(), "--report", elsewhere.toString(), "seeds");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().contains("validated 2 document(s) in "), again.err());
        assertEquals(2, RDFDataMgr.loadModel(elsewhere.toString())
                .listSubjectsWithProperty(RDF.type, m.createResource(SHACL.ValidationReport.getURI())).toList().size());
    }

    @Test
    void theStoreIsRevalidatedGraphByGraph() throws IOException {
        Path store = tmp.resolve("store");
        assertEquals(0, run("ingest", "--store", store.toString(), "seeds").code());
        Run ok = run("validate", "--store", store.toString());
        assertEquals(0, ok.code(), ok.out() + ok.err());
        assertTrue(ok.out().contains("accepted <http://localhost:3030/graph/29-2011.00/v.26.05> (3012 triples"), ok.out());
        assertTrue(ok.out().contains("2 document(s): 2 would be accepted, 0 rejected"), ok.out());
        assertFalse(ok.out().contains(SG.ONTOLOGY), "the ontology graph is not a document: " + ok.out());

        // a graph that got into the store without the gate (an older skillgraph, a hand edit) is found out
        Path edited = Files.writeString(tmp.resolve("edited.json"), Files.readString(Path.of("seeds/29-2099.00.json")) + "\n");
        MappedDocument doc = new DocumentMapper("http://localhost:3030/").map(new SourceReader().read(edited), Instant.now());
        doc.model().createResource("http://localhost:3030/id/occupation/29-2099.00").removeAll(SG.jobZone)
                .addLiteral(SG.jobZone, doc.model().createTypedLiteral("0", XSDDatatype.XSDinteger));
        try (GraphStore gs = GraphStore.open(store)) {
            assertEquals(GraphStore.Outcome.UPDATED, gs.put(doc));
        }
        Run bad = run("validate", "--store", store.toString());
        assertEquals(1, bad.code(), bad.out());
        assertTrue(bad.out().contains("refused <http://localhost:3030/graph/29-2099.00/v.26.05> (620 triples, 1 violation(s)"),
                bad.out());
        assertTrue(bad.out().contains("sg:jobZone: the job zone is an integer from 1 to 5 (value: 0)"), bad.out());
    }

    @Test
    void validateNeedsPathsOrAStoreThatExists() {
        Path nowhere = tmp.resolve("nowhere");
        Run r = run("validate", "--store", nowhere.toString());
        assertEquals(SkillgraphCommand.EXIT_STORE, r.code(), "a store it cannot open, not a rejected document");
        assertTrue(r.err().contains("no store here"), r.err());
        assertFalse(Files.exists(nowhere), "validate must not create a store");
        assertEquals(2, run("validate").code(), "neither paths nor --store: wrong usage");
        assertEquals(2, run("validate", "--store", nowhere.toString(), "seeds").code(), "both: wrong usage");
        Run help = run("validate", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("Usage: skillgraph validate"), help.out());
        Run top = run("--help");
        assertTrue(top.out().contains("validate"), top.out());
    }

    @Test
    void aMissingPathIsRejectedByName() throws IOException {
        Path missing = tmp.resolve("missing.json");
        Run r = run("validate", missing.toString(), "seeds/29-2099.00.json");
        assertEquals(1, r.code());
        assertTrue(r.out().contains("rejected: " + missing + ": no such file or directory"), r.out());
        assertTrue(r.out().contains("2 document(s): 1 would be accepted, 1 rejected"), r.out());
    }
}
