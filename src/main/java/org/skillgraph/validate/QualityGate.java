package org.skillgraph.validate;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.path.Path;
import org.apache.jena.sparql.util.FmtUtils;
import org.apache.jena.sparql.core.Prologue;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.skillgraph.map.Prefixes;
import org.skillgraph.vocab.CEASN;
import org.skillgraph.vocab.SG;

/**
 * Validates one document graph against skillgraph's shapes.
 * <pre>{@code
 * QualityGate gate = QualityGate.standard();
 * Verdict v = gate.check(mapped.graphName(), mapped.model().getGraph());
 * if (!v.accepted()) v.violations().forEach(f -> System.err.println(f.describe()));
 * }</pre>
 * The shapes are the files of {@code shapes/} ({@link #SHAPE_FILES}), shipped in the jar under
 * {@code /shapes/}. Only the document's own graph is validated (never the store, never the ontology), so
 * a verdict depends on the document alone and costs the same for the first document and the thousandth.
 */
public final class QualityGate {
    /** The namespace of skillgraph's shapes. */
    public static final String SHAPES_NS = "https://w3id.org/skillgraph/shapes#";
    /** The shapes files, in {@code shapes/} and in the jar under {@code /shapes/}. */
    public static final List<String> SHAPE_FILES = List.of("common.ttl", "provenance.ttl", "occupation.ttl",
            "frameworks.ttl", "registry.ttl");
    /** Properties whose value names a resource for a person, in order of preference. */
    private static final List<Node> LABELS = List.of(SKOS.prefLabel.asNode(), CEASN.name.asNode(),
            RDFS.label.asNode(), DCTerms.title.asNode(), SG.fileName.asNode(), SKOS.notation.asNode());
    private static final int MAX_LABEL = 60;
    private static volatile QualityGate standard;

    private final Graph shapesGraph;
    private final Shapes shapes;
    private final Prologue prologue;

    private QualityGate(Graph shapesGraph) {
        this.shapesGraph = shapesGraph;
        this.shapes = Shapes.parse(shapesGraph);
        PrefixMapping pm = Prefixes.apply(PrefixMapping.Factory.create(), null);
        pm.setNsPrefix("sgsh", SHAPES_NS);
        this.prologue = new Prologue(pm);
    }

    /** The shapes shipped with skillgraph (parsed once per JVM). */
    public static QualityGate standard() {
        QualityGate g = standard;
        if (g == null) {
            synchronized (QualityGate.class) {
                g = standard;
                if (g == null) {
                    g = new QualityGate(shippedShapes());
                    standard = g;
                }
            }
        }
        return g;
    }

    /** A gate with other shapes (tests, a registry's own). */
    public static QualityGate of(Graph shapesGraph) {
        return new QualityGate(shapesGraph);
    }

    /** The shapes as shipped in the jar: every file of {@link #SHAPE_FILES}, in one graph. */
    public static Graph shippedShapes() {
        Graph g = GraphFactory.createDefaultGraph();
        for (String name : SHAPE_FILES) {
            String resource = "/shapes/" + name;
            try (InputStream in = QualityGate.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("shapes missing from the build: " + resource);
                }
                RDFParser.source(in).lang(Lang.TURTLE).base(SHAPES_NS).parse(g);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + resource, e);
            }
        }
        return g;
    }

    public Graph shapesGraph() {
        return shapesGraph;
    }

    /** Validates one document's graph; {@code graphName} only labels the verdict. */
    public Verdict check(String graphName, Graph data) {
        long start = System.nanoTime();
        ValidationReport report = ShaclValidator.get().validate(shapes, data);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        // one finding per distinct line: a value that breaks two constraints of one shape (datatype and range)
        // is one thing to fix
        List<Finding> findings = new ArrayList<>(new LinkedHashSet<>(report.getEntries().stream()
                .map(e -> finding(e, data)).toList()));
        findings.sort(Comparator.comparing(Finding::severity).thenComparing(Finding::focus)
                .thenComparing(f -> f.path() == null ? "" : f.path()).thenComparing(Finding::message));
        return new Verdict(graphName, data.size(), findings, report, elapsed);
    }

    private Finding finding(ReportEntry e, Graph data) {
        Finding.Severity severity = e.severity().level().equals(SHACL.Violation) ? Finding.Severity.VIOLATION
                : e.severity().level().equals(SHACL.Warning) ? Finding.Severity.WARNING : Finding.Severity.INFO;
        Node focus = e.focusNode();
        Path path = e.resultPath();
        return new Finding(severity, focus.isURI() ? focus.getURI() : "_:" + focus.getBlankNodeLabel(),
                label(data, focus), path == null ? null : path.toString(prologue), message(e),
                e.value() == null ? null : e.value().isLiteral() ? e.value().getLiteralLexicalForm()
                        : FmtUtils.stringForNode(e.value(), prologue),
                e.source() == null ? null : e.source().isURI() ? e.source().getURI() : e.source().toString());
    }

    private static String message(ReportEntry e) {
        String m = e.message();
        return m == null || m.isBlank() ? e.sourceConstraintComponent().getLocalName() : m.strip();
    }

    /** The resource's label in the document, shortened for a line of a report. */
    static String label(Graph data, Node node) {
        for (Node p : LABELS) {
            var it = data.find(node, p, Node.ANY);
            try {
                while (it.hasNext()) {
                    Triple t = it.next();
                    if (t.getObject().isLiteral()) {
                        String s = t.getObject().getLiteralLexicalForm().strip().replaceAll("\\s+", " ");
                        return s.length() > MAX_LABEL ? s.substring(0, MAX_LABEL - 1) + "\u2026" : s;
                    }
                }
            } finally {
                it.close();
            }
        }
        return null;
    }
}
