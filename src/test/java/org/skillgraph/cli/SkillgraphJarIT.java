package org.skillgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    void serveLoadsTheSeedsIntoAnEmptyStoreAnswersAndStopsCleanlyOnSigterm() throws Exception {
        String jar = System.getProperty("skillgraph.jar", "target/skillgraph.jar");
        String store = tmp.resolve("served").toString();
        // with the build's class-data archive, as the README starts it
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:SharedArchiveFile=" + classData(), "-jar", jar, "serve", "--store", store, "--port", "0", "--seed",
                "seeds").redirectErrorStream(true).start();
        try {
            java.io.BufferedReader log = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8));
            String url = null;
            StringBuilder seen = new StringBuilder();
            for (String line; url == null && (line = log.readLine()) != null;) {
                seen.append(line).append('\n');
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("serving (http://\\S+/) ").matcher(line);
                if (m.find()) {
                    url = m.group(1);
                }
            }
            assertTrue(url != null, "never became ready: " + seen);
            assertFalse(seen.toString().contains("[cds"), "the JVM did not take the archive: " + seen);
            assertTrue(seen.toString().contains("2 created") || seen.toString().contains("created"), seen.toString());
            var http = java.net.http.HttpClient.newHttpClient();
            var home = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, home.statusCode());
            assertTrue(home.body().contains("Medical and Clinical Laboratory Technologists"));
            // no answer names the server's software and version (Fuseki's own header names it only in the jar)
            for (String path : List.of("", "sparql?query=ASK%7B%7D", "sparql?query=SELEC", "id/occupation/29-2011.00")) {
                var r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + path)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertEquals(java.util.Optional.empty(), r.headers().firstValue("Server"), path + ": " + r.headers().map());
            }
            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "did not stop on SIGTERM");
        } finally {
            p.destroyForcibly();
        }
        // the store was closed cleanly: another process opens it, and the seeds are there unchanged
        Result again = java("ingest", "--store", store, "seeds/");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().contains("2 unchanged"), again.err());
    }

    /** The archive the build writes beside the jar ({@code class-data}). */
    private static Path classData() {
        return Path.of(System.getProperty("skillgraph.jar", "target/skillgraph.jar")).resolveSibling("skillgraph.jsa");
    }

    @Test
    void theBuildsClassDataArchiveIsTakenByTheJvmAndHoldsTheClassesOfEachKindOfWork() throws Exception {
        assertTrue(Files.isRegularFile(classData()), "the build wrote no class-data archive: " + classData());
        // -Xshare:on: a JVM that cannot map the archive (made for another jar, or broken) stops instead of going on
        Path listing = tmp.resolve("archive.txt");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:on", "-XX:SharedArchiveFile=" + classData(), "-XX:+PrintSharedArchiveAndExit", "-jar",
                System.getProperty("skillgraph.jar", "target/skillgraph.jar")).redirectErrorStream(true)
                .redirectOutput(listing.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out");
        String classes = Files.readString(listing, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), classes.lines().limit(20).collect(java.util.stream.Collectors.joining("\n")));
        // the training server read every kind of source, validated and stored it, and answered each kind of request
        for (String c : List.of("org.skillgraph.read.", "org.apache.jena.shacl.engine.",
                "org.skillgraph.ingest.Importer ", "org.apache.jena.dboe.trans.bplustree.BPlusTree ",
                "org.eclipse.jetty.server.Server ", "org.skillgraph.serve.SiteServlet ",
                "org.apache.jena.riot.writer.TurtleWriter", "org.apache.jena.riot.writer.JsonLD11Writer",
                "org.apache.jena.rdfxml.xmloutput.", "org.skillgraph.serve.SparqlFilter ",
                "org.apache.jena.sparql.engine.main.OpExecutor ", "org.apache.jena.query.text.TextQueryPF ",
                "org.skillgraph.serve.HarvestServlet ", "org.skillgraph.serve.CaseServlet ")) {
            assertTrue(classes.contains(c), "not in the archive: " + c);
        }
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
