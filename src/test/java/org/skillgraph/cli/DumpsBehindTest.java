package org.skillgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillgraph.cli.ServeCommandTest.Served;
import org.skillgraph.cli.SkillgraphCommandTest.Run;
import org.skillgraph.ingest.Importer;
import org.skillgraph.store.GraphStore;

/**
 * Dumps left behind the data by a process stopped between a commit and the refresh that follows it (kill -9 of
 * {@code ingest}, or of a server, while the dump files were being written) are brought up to date by the next
 * {@code ingest}, even one that changes nothing, and by the next {@code serve}, with or without an import token.
 */
class DumpsBehindTest {
    static final String PAGE = "http://localhost:3030/graph/29-2011.00/v.26.05";

    @TempDir
    Path tmp;

    /** A store whose dumps hold the export only, and whose data and patch log hold the page too. */
    private Path storeWithDumpsBehind() {
        Path db = tmp.resolve("db");
        Run first = SkillgraphCommandTest.run("ingest", "--store", db.toString(), "seeds/29-2099.00.json");
        assertEquals(0, first.code(), first.err());
        // what a process killed after its commit and before its dump refresh leaves: the page committed, its patch
        // in the log, the dumps as they were
        try (GraphStore store = GraphStore.open(db)) {
            new Importer(store, "http://localhost:3030/", null).importPaths(List.of(Path.of("seeds/29-2011.00.txt")));
        }
        return db;
    }

    private static String lastPatch(Path db) throws IOException {
        try (var files = Files.list(db.resolve("patches"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d{8}\\.rdfp")).sorted()
                    .reduce((a, b) -> b).orElseThrow();
        }
    }

    private static String dumpText(Path db) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(db.resolve("dumps/skillgraph.nq.gz")))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void anIngestThatChangesNothingBringsDumpsLeftBehindUpToDate() throws IOException {
        Path db = storeWithDumpsBehind();
        Run again = SkillgraphCommandTest.run("ingest", "--store", db.toString(), "seeds/29-2011.00.txt");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().contains("1 unchanged"), again.err());
        JsonNode manifest = new ObjectMapper().readTree(db.resolve("dumps/dumps.json").toFile());
        assertEquals(lastPatch(db), manifest.path("patch").path("file").asText(), manifest.toPrettyString());
        assertTrue(dumpText(db).contains("<" + PAGE + "> ."), "the dump holds the page's graph");
    }

    @Test
    void aServerWithoutAnImportTokenBringsDumpsLeftBehindUpToDateWhenItStarts() throws Exception {
        Path db = storeWithDumpsBehind();
        try (Served served = Served.start(tmp, "--store", db.toString())) {
            JsonNode manifest = new ObjectMapper().readTree(served.get("dumps/dumps.json").body());
            assertEquals(lastPatch(db), manifest.path("patch").path("file").asText(), served.log());
        }
        assertTrue(dumpText(db).contains("<" + PAGE + "> ."), "the dump holds the page's graph");
    }
}
