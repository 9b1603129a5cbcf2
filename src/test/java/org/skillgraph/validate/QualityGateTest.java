package org.skillgraph.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFList;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.skillgraph.map.DocumentMapper;
import org.skillgraph.map.MappedDocument;
import org.skillgraph.read.SourceReader;
import org.skillgraph.vocab.SG;

/** The gate itself: which shapes it loads, what they cover, how findings read, how long it takes. */
class QualityGateTest {
    static final String BASE = "http://localhost:3030/";
    static final Path SHAPES = Path.of("shapes");
    static final List<Path> SEEDS = List.of(Path.of("seeds/29-2011.00.txt"), Path.of("seeds/29-2099.00.json"));

    static MappedDocument map(Path file) {
        return new DocumentMapper(BASE).map(new SourceReader().read(file), Instant.parse("2026-05-20T10:00:00Z"));
    }

    static Model shapes() {
        return ModelFactory.createModelForGraph(QualityGate.standard().shapesGraph());
    }

    @Test
    void theJarShipsExactlyTheFilesOfTheShapesFolder() throws IOException {
        Set<String> files = new TreeSet<>();
        try (Stream<Path> s = Files.list(SHAPES)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".ttl")).forEach(files::add);
        }
        assertEquals(files, new TreeSet<>(QualityGate.SHAPE_FILES), "QualityGate.SHAPE_FILES lists every shapes/*.ttl");
        Graph fromFiles = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        for (String f : files) {
            RDFParser.source(SHAPES.resolve(f)).lang(Lang.TURTLE).parse(fromFiles);
        }
        assertTrue(IsoMatcher.isomorphic(fromFiles, QualityGate.shippedShapes()), "the jar's shapes are the files");
    }

    @Test
    void theSeedsConformWithoutASingleFinding() {
        for (Path seed : SEEDS) {
            MappedDocument m = map(seed);
            Verdict v = QualityGate.standard().check(m.graphName(), m.model().getGraph());
            assertTrue(v.accepted(), seed + ": " + v.findings());
            assertEquals(List.of(), v.findings(), seed.toString());
            assertEquals(m.model().size(), v.triples());
        }
    }

    @Test
    void aFindingNamesTheResourceByLabelAndUriThePropertyAndTheMessage() {
        MappedDocument m = map(SEEDS.get(1));
        Resource occupation = m.model().createResource(BASE + "id/occupation/29-2099.00");
        occupation.removeAll(SG.jobZone).addLiteral(SG.jobZone, m.model().createTypedLiteral("7", XSDDatatype.XSDinteger));
        Verdict v = QualityGate.standard().check(m.graphName(), m.model().getGraph());
        assertFalse(v.accepted());
        assertEquals(1, v.violations().size(), v.findings().toString());
        Finding f = v.violations().get(0);
        assertEquals("violation: 'Health Technologists and Technicians, All Other' <" + BASE + "id/occupation/29-2099.00> "
                + "sg:jobZone: the job zone is an integer from 1 to 5 (value: 7)", f.describe());
        assertEquals(QualityGate.SHAPES_NS + "Occupation-jobZone", f.shape());
        assertEquals(List.of(), v.warnings());
    }

    /**
     * Some checks run once per framework or progression model instead of once per statement, level or domain
     * (one query instead of dozens): their finding is about the framework, and names the statement it found.
     */
    @Test
    void aCheckMadeOnceForAWholeFrameworkNamesTheStatementItFound() {
        MappedDocument page = map(SEEDS.get(0));
        String framework = BASE + "id/framework/29-2011.00/durable-skills/v.26.05";
        String statement = framework + "/level/emerging/statement/communication-1";
        page.model().createResource(statement).removeAll(SG.domain);
        Verdict v = QualityGate.standard().check(page.graphName(), page.model().getGraph());
        assertFalse(v.accepted());
        assertEquals(1, v.violations().size(), v.findings().toString());
        Finding f = v.violations().get(0);
        assertEquals(framework, f.focus());
        assertEquals(QualityGate.SHAPES_NS + "DurableSkillsFramework-statementDomains", f.shape());
        assertTrue(f.describe().endsWith("a durable-skills statement of this framework belongs to no domain (sg:domain): <"
                + statement + ">"), f.describe());

        MappedDocument export = map(SEEDS.get(1));
        String untitled = BASE + "id/framework/29-2099.00/occupational/v.26.05/level/emerging/statement/5";
        export.model().createResource(untitled).removeAll(org.skillgraph.vocab.CEASN.competencyLabel);
        Verdict w = QualityGate.standard().check(export.graphName(), export.model().getGraph());
        assertTrue(w.accepted(), w.findings().toString());
        assertEquals(1, w.warnings().size(), w.findings().toString());
        assertEquals(BASE + "id/framework/29-2099.00/occupational/v.26.05", w.warnings().get(0).focus());
        assertTrue(w.warnings().get(0).describe().endsWith("that is not flagged for review: <" + untitled + ">"),
                w.warnings().get(0).describe());
    }

    @Test
    void theLogIsOneShaclReportPerDocumentThatReadsBack() {
        ValidationLog log = new ValidationLog();
        MappedDocument good = map(SEEDS.get(1));
        MappedDocument bad = map(SEEDS.get(0));
        bad.model().createResource(BASE + "id/occupation/29-2011.00").removeAll(SG.jobZone)
                .addLiteral(SG.jobZone, bad.model().createTypedLiteral("9", XSDDatatype.XSDinteger));
        log.add("file:///seeds/29-2099.00.json", QualityGate.standard().check(good.graphName(), good.model().getGraph()));
        log.add("file:///seeds/29-2011.00.txt", QualityGate.standard().check(bad.graphName(), bad.model().getGraph()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        log.write(out);
        Model read = ModelFactory.createDefaultModel();
        RDFParser.fromString(out.toString(java.nio.charset.StandardCharsets.UTF_8), Lang.TURTLE).parse(read);
        List<Resource> reports = read.listSubjectsWithProperty(RDF.type, read.createResource(SHACL.ValidationReport.getURI()))
                .toList();
        assertEquals(2, reports.size());
        int violations = 0;
        for (Resource r : reports) {
            ValidationReport report = ValidationReport.fromGraph(read.getGraph(), r.asNode());
            Resource subject = r.getPropertyResourceValue(DCTerms.subject);
            Resource source = r.getPropertyResourceValue(DCTerms.source);
            if (subject.getURI().equals(good.graphName())) {
                assertTrue(report.conforms());
                assertEquals("file:///seeds/29-2099.00.json", source.getURI());
            } else {
                assertEquals(bad.graphName(), subject.getURI());
                assertFalse(report.conforms());
                violations += report.getEntries().size();
            }
        }
        assertEquals(1, violations);
        assertTrue(log.summary().startsWith("validated 2 document(s) in "), log.summary());
        assertTrue(log.summary().endsWith(": 1 refused, 0 warning(s)"), log.summary());
    }

    // ---- the shapes cover the model -------------------------------------------------------------------

    /** Every class and property of the seeds' mapped graphs and of the ontology is constrained by some shape. */
    @Test
    void everyClassAndPropertyTheMappingProducesIsCoveredByAShape() {
        Model shapes = shapes();
        Set<String> classes = new TreeSet<>();
        Set<String> properties = new TreeSet<>();
        for (Statement s : shapes.listStatements().toList()) {
            String p = s.getPredicate().getURI();
            if ((p.equals(SHACL.targetClass.getURI()) || p.equals(SHACL.class_.getURI())) && s.getObject().isURIResource()) {
                classes.add(s.getObject().asResource().getURI());
            }
            if (p.equals(SHACL.path.getURI()) || p.equals(SHACL.inversePath.getURI())) {
                collectPath(s.getObject(), properties);
            }
            if (p.equals(SHACL.targetSubjectsOf.getURI()) || p.equals(SHACL.targetObjectsOf.getURI())) {
                properties.add(s.getObject().asResource().getURI());
            }
            if (p.equals(SHACL.in.getURI()) && s.getObject().canAs(RDFList.class)) {
                s.getObject().as(RDFList.class).iterator().forEachRemaining(n -> {
                    if (n.isURIResource()) {
                        classes.add(n.asResource().getURI()); // sh:in of rdf:type values: the anchor kinds
                    }
                });
            }
        }
        Set<String> used = new TreeSet<>();
        Set<String> types = new TreeSet<>();
        for (Path seed : SEEDS) {
            Model m = map(seed).model();
            m.listStatements().forEachRemaining(s -> used.add(s.getPredicate().getURI()));
            m.listObjectsOfProperty(RDF.type).forEachRemaining(t -> types.add(t.asResource().getURI()));
        }
        Model ontology = RDFDataMgr.loadModel("ontology/skillgraph.ttl");
        ontology.listSubjectsWithProperty(RDF.type, OWL.Class).forEachRemaining(c -> types.add(c.getURI()));
        for (Resource kind : List.of(OWL.ObjectProperty, OWL.DatatypeProperty)) {
            ontology.listSubjectsWithProperty(RDF.type, kind).forEachRemaining(p -> used.add(p.getURI()));
        }
        used.remove(RDF.type.getURI());
        used.remove(SG.hasAnchor.getURI()); // abstract: only its sub-properties are stated (each is covered)
        List<String> missing = new ArrayList<>();
        used.stream().filter(p -> !properties.contains(p)).forEach(p -> missing.add("property " + p));
        types.stream().filter(c -> !classes.contains(c)).forEach(c -> missing.add("class " + c));
        assertEquals(List.of(), missing, "not constrained by any shape");
    }

    private static void collectPath(RDFNode path, Set<String> out) {
        if (path.isURIResource()) {
            out.add(path.asResource().getURI());
        } else if (path.canAs(RDFList.class) && path.asResource().hasProperty(RDF.first)) {
            path.as(RDFList.class).iterator().forEachRemaining(n -> collectPath(n, out));
        } else if (path.isAnon()) {
            path.asResource().listProperties().forEachRemaining(s -> collectPath(s.getObject(), out));
        }
    }

    @Test
    void everyTermOfOursTheShapesNameIsDefinedInTheOntology() {
        Model ontology = RDFDataMgr.loadModel("ontology/skillgraph.ttl");
        Set<String> undefined = new TreeSet<>();
        shapes().listStatements().forEachRemaining(s -> {
            for (RDFNode n : List.of(s.getSubject(), s.getPredicate(), s.getObject())) {
                if (n.isURIResource() && n.asResource().getURI().startsWith(SG.NS)
                        && !ontology.contains(n.asResource(), RDF.type)) {
                    undefined.add(n.asResource().getURI());
                }
            }
            if (s.getPredicate().getURI().equals(SHACL.select.getURI())) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\bsg:(\\w+)").matcher(s.getString());
                while (m.find()) {
                    if (!ontology.contains(ontology.createResource(SG.NS + m.group(1)), RDF.type)) {
                        undefined.add(SG.NS + m.group(1) + " (in a SPARQL constraint)");
                    }
                }
            }
        });
        assertEquals(Set.of(), undefined);
    }

    @Test
    void everyConstraintSpeaksToAPerson() {
        Model shapes = shapes();
        Set<String> silent = new TreeSet<>();
        for (Node kind : List.of(SHACL.PropertyShape, SHACL.NodeShape, SHACL.SPARQLConstraint)) {
            shapes.listSubjectsWithProperty(RDF.type, shapes.createResource(kind.getURI())).forEachRemaining(s -> {
                boolean constrains = s.listProperties().toList().stream().anyMatch(st -> !Set.of(RDF.type.getURI(),
                        SHACL.property.getURI(), SHACL.sparql.getURI(), SHACL.targetClass.getURI(),
                        SHACL.targetSubjectsOf.getURI(), SHACL.targetObjectsOf.getURI(), SHACL.severity.getURI(),
                        SHACL.path.getURI(), org.apache.jena.vocabulary.RDFS.comment.getURI())
                        .contains(st.getPredicate().getURI()));
                if (constrains && !s.hasProperty(shapes.createProperty(SHACL.message.getURI()))) {
                    silent.add(s.isURIResource() ? s.getURI() : s.listProperties().toList().toString());
                }
            });
        }
        assertEquals(Set.of(), silent, "constraints without sh:message");
    }
}
