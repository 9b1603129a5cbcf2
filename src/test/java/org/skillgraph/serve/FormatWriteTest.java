package org.skillgraph.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.WrappedGraph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link Format#write} writes through an unsynchronised buffer of its own: it must give the bytes Jena's writer
 * gives through an {@code OutputStream}, characters outside the basic plane (two UTF-16 units, which the buffer
 * may split between two blocks) at many offsets, and text longer than a block. A thread keeps its buffers from one
 * answer to the next: each answer must still be its own bytes whole, after a larger one, a very large one (whose
 * buffers are not kept) and one whose writing failed half-way. Pages go through the same buffers
 * ({@link Format#html}) and must be jsoup's own text of them.
 */
class FormatWriteTest {
    private static final String NS = "http://localhost:3030/id/";

    /** A description with prefixes, accents, CJK, emoji, and literals around and beyond a buffer's 8,192 characters. */
    private static Model description() {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefix("skos", SKOS.uri);
        m.setNsPrefix("id", NS);
        Resource r = m.createResource(NS + "statement/29-2011.00/v.26.05/emerging-1");
        r.addProperty(SKOS.prefLabel, m.createLiteral("Préparation d’échantillons — 生物样本 😀", "fr"));
        for (int i = 0; i < 400; i++) {
            // short literals of varying length: emoji (two UTF-16 units) at many offsets of the buffer's blocks
            m.createResource(NS + "statement/" + i).addProperty(SKOS.note, "step " + i + " ✓ 😀" + "x".repeat(i % 7));
        }
        r.addProperty(SKOS.definition, "naïve 😀 ".repeat(3_000)); // 27,000 characters: written past the buffer
        return m;
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = "HTML", mode = EnumSource.Mode.EXCLUDE)
    void writesTheBytesJenaWritesToAStream(Format f) {
        Model m = description();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        RDFDataMgr.write(expected, m, f.rdfFormat());

        byte[] written = f.write(m);

        assertArrayEquals(expected.toByteArray(), written, f + ": not the bytes Jena writes");
        String text = new String(written, StandardCharsets.UTF_8);
        assertTrue(text.contains("naïve 😀 naïve"), f + ": the long literal is not whole");
        assertTrue(text.contains("生物样本"), f + ": the CJK text is not there as written");
    }

    private static byte[] jenaBytes(Model m, Format f) {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        RDFDataMgr.write(expected, m, f.rdfFormat());
        return expected.toByteArray();
    }

    /** A model of {@code n} statements with a note each, to write after or before another. */
    private static Model statements(int n) {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefix("skos", SKOS.uri);
        for (int i = 0; i < n; i++) {
            m.createResource(NS + "statement/" + n + "/" + i).addProperty(SKOS.note, "note " + i + " ✓");
        }
        return m;
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = "HTML", mode = EnumSource.Mode.EXCLUDE)
    void answersWrittenOneAfterAnotherAreEachWhole(Format f) {
        Model small = statements(3);
        Model large = description();
        Model veryLarge = statements(6_000); // over the bytes a thread keeps its buffers for
        for (Model m : new Model[] {small, large, small, veryLarge, small, large, large, small}) {
            byte[] expected = jenaBytes(m, f);
            assertArrayEquals(expected, f.write(m), f + ": an answer is not the bytes of its own model alone");
        }
        assertTrue(jenaBytes(veryLarge, f).length > 256 * 1024, "the very large model must pass what a thread keeps");
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = "HTML", mode = EnumSource.Mode.EXCLUDE)
    void aWriteThatFailsHalfWayLeavesNothingInTheNextAnswer(Format f) {
        Model large = description();
        // a graph whose triples run out with an error after the writer has put out a good part of them
        Graph failing = new WrappedGraph(large.getGraph()) {
            @Override
            public ExtendedIterator<Triple> find(Node s, Node p, Node o) {
                int[] given = {0};
                return super.find(s, p, o).mapWith(t -> {
                    if (++given[0] > 200) {
                        throw new IllegalStateException("the store went away");
                    }
                    return t;
                });
            }

            @Override
            public ExtendedIterator<Triple> find(Triple m) {
                return find(m.getSubject(), m.getPredicate(), m.getObject());
            }
        };
        assertThrows(RuntimeException.class, () -> f.write(ModelFactory.createModelForGraph(failing)));

        Model small = statements(3);
        assertArrayEquals(jenaBytes(small, f), f.write(small), f + ": the failed answer's bytes came out with the next");
    }

    /** A page of {@code rows} list items, with text that needs escaping and characters outside the basic plane. */
    private static org.jsoup.nodes.Document page(int rows) {
        org.jsoup.nodes.Document doc = org.jsoup.nodes.Document.createShell(NS);
        doc.title("Préparation d’échantillons — 生物样本 😀");
        org.jsoup.nodes.Element list = doc.body().appendElement("ul");
        for (int i = 0; i < rows; i++) {
            list.appendElement("li").attr("id", "s" + i).text("step " + i + " <b>&</b> ✓ 😀" + "x".repeat(i % 7));
        }
        return doc;
    }

    @Test
    void aPageIsTheTextJsoupGivesItAsUtf8WhateverTheThreadWroteBefore() {
        Model large = description();
        for (int rows : new int[] {3, 2_000, 0, 20_000, 3}) { // 20,000 rows: over what a thread keeps
            org.jsoup.nodes.Document doc = page(rows);
            byte[] expected = doc.outerHtml().getBytes(StandardCharsets.UTF_8);

            byte[] written = PageServlet.Body.html(doc).bytes();

            assertArrayEquals(expected, written, rows + " rows: not the page's own text");
            assertArrayEquals(jenaBytes(large, Format.TURTLE), Format.TURTLE.write(large),
                    "an RDF answer after a page is not its own bytes alone");
        }
        assertTrue(page(20_000).outerHtml().length() > 256 * 1024, "the largest page must pass what a thread keeps");
    }

    @Test
    void aPageNotPrettyPrintedKeepsTheWhiteSpaceAtItsEnds() {
        org.jsoup.nodes.Document doc = org.jsoup.nodes.Document.createShell(NS);
        doc.prependChild(new org.jsoup.nodes.TextNode("\n "));
        doc.appendChild(new org.jsoup.nodes.TextNode(" \n"));
        doc.outputSettings().prettyPrint(false);
        String text = doc.outerHtml();
        assertTrue(text.startsWith("\n ") && text.endsWith(" \n"), "the page must have white space at both ends: " + text);

        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), PageServlet.Body.html(doc).bytes());

        doc.outputSettings().prettyPrint(true);
        assertArrayEquals(doc.outerHtml().getBytes(StandardCharsets.UTF_8), PageServlet.Body.html(doc).bytes(),
                "pretty-printed, the page is trimmed as jsoup trims it");
    }

    @Test
    void aPageIsNotWrittenByJena() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Format.HTML.write(description()));
        assertTrue(e.getMessage().contains("HTML"), e.getMessage());
    }
}
