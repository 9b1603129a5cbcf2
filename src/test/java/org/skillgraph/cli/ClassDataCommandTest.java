package org.skillgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code skillgraph class-data}'s refusals. The archive itself is written by the build and checked by
 * {@link SkillgraphJarIT} (it needs the runnable jar, which these tests do not run from).
 */
class ClassDataCommandTest {
    @TempDir
    Path tmp;

    private static int run(StringWriter err, String... args) {
        return SkillgraphCommand.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args);
    }

    @Test
    void refusesAFolderOrAMissingFolderAsOutputAndSaysWhichOne() {
        StringWriter err = new StringWriter();
        assertEquals(2, run(err, "class-data", "--out", tmp.toString()));
        assertTrue(err.toString().startsWith("skillgraph: " + tmp + ": --out must be a file, and this is a folder"),
                err.toString());
        StringWriter err2 = new StringWriter();
        Path missing = tmp.resolve("no-such-folder").resolve("skillgraph.jsa");
        assertEquals(2, run(err2, "class-data", "--out", missing.toString()));
        assertTrue(err2.toString().contains("cannot write the archive into " + missing.getParent() + " (no such folder)"),
                err2.toString());
        assertFalse(err2.toString().contains("Exception"), err2.toString());
    }

    @Test
    void aJvmThatCannotWriteArchivesIsToldFromOneThatCan() throws Exception {
        // -Xshare:off stands for a JDK without a base archive of its own classes: no archive can be written on it
        String reason = ClassDataCommand.cannotWriteArchives(java.util.List.of("-Xshare:off"), tmp);
        assertTrue(reason != null && reason.contains("unsupported"), String.valueOf(reason));
        assertEquals(null, ClassDataCommand.cannotWriteArchives(java.util.List.of(), tmp));
    }

    @Test
    void outsideTheJarItSaysHowToRunItAndLeavesAnArchiveInPlace() throws IOException {
        Path out = Files.writeString(tmp.resolve("skillgraph.jsa"), "an archive");
        StringWriter err = new StringWriter();
        assertEquals(1, run(err, "class-data", "--out", out.toString()));
        assertTrue(err.toString().contains("run it as java -jar skillgraph.jar class-data --out FILE"), err.toString());
        assertEquals("an archive", Files.readString(out));
        try (var left = Files.list(tmp)) {
            assertEquals(1, left.count(), "no working folder left behind");
        }
    }
}
