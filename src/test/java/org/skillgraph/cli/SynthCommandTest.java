package org.skillgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code skillgraph synth} as a user runs it. */
class SynthCommandTest {
    @TempDir
    Path tmp;

    private static int run(StringWriter err, String... args) {
        return SkillgraphCommand.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args);
    }

    @Test
    void writesTheCorpusAndSaysWhat() throws IOException {
        StringWriter err = new StringWriter();
        Path out = tmp.resolve("corpus");
        assertEquals(0, run(err, "synth", "--occupations", "4", "--seed", "9", "--out", out.toString()), err.toString());
        assertTrue(err.toString().contains("wrote 4 document(s)"), err.toString());
        assertTrue(err.toString().contains("2 JSON export(s), 1 text page(s), 1 HTML page(s)"), err.toString());
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(4, files.count());
        }
    }

    @Test
    void refusesAFileAsOutputAndANonPositiveCount() throws IOException {
        Path file = Files.writeString(tmp.resolve("file"), "x");
        StringWriter err = new StringWriter();
        assertEquals(2, run(err, "synth", "--occupations", "2", "--out", file.toString()));
        assertTrue(err.toString().contains("must be a folder"), err.toString());
        StringWriter err2 = new StringWriter();
        assertEquals(2, run(err2, "synth", "--occupations", "0", "--out", tmp.resolve("x").toString()));
        assertTrue(err2.toString().startsWith("Invalid value for option '--occupations': must be from 1"),
                err2.toString());
        StringWriter err3 = new StringWriter();
        assertEquals(2, run(err3, "synth", "--out", tmp.resolve("y").toString()));
    }
}
