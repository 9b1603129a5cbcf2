package org.skillgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar, exactly as the README runs it: proves the shaded jar starts (Jena's ServiceLoader
 * initialisation survives shading), ingests the seeds and answers a library query as SPARQL JSON.
 */
class SkillgraphJarIT {
    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {
    }

    private Result java(String... args) throws IOException, InterruptedException {
        String jar = System.getProperty("skillgraph.jar", "target/skillgraph.jar");
        assertTrue(Files.isRegularFile(Path.of(jar)), "the jar was not built: " + jar);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar));
        cmd.addAll(List.of(args));
        Path out = tmp.resolve("out-" + System.nanoTime());
        Path err = tmp.resolve("err-" + System.nanoTime());
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + cmd);
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void ingestThenQueryTheLibraryAsJson() throws Exception {
        String store = tmp.resolve("tdb2").toString();
        Result ingest = java("ingest", "--store", store, "seeds/");
        assertEquals(0, ingest.code(), ingest.err());
        assertTrue(ingest.err().contains("2 created"), ingest.err());
        Result query = java("query", "--store", store, "--format", "json", "queries/statements-per-level.rq");
        assertEquals(0, query.code(), query.err());
        JsonNode json = new ObjectMapper().readTree(query.out());
        assertTrue(json.at("/results/bindings").size() >= 8, query.out());
        Result help = java("--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("ingest") && help.out().contains("query"), help.out());
    }
}
