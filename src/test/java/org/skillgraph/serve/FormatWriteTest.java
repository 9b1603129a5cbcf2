package org.skillgraph.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link Format#write} writes through an unsynchronised buffer of its own: it must give the bytes Jena's writer
 * gives through an {@code OutputStream}, characters outside the basic plane (two UTF-16 units, which the buffer
 * may split between two blocks) at many offsets, and text longer than a block.
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

    @Test
    void aPageIsNotWrittenByJena() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Format.HTML.write(description()));
        assertTrue(e.getMessage().contains("HTML"), e.getMessage());
    }
}
