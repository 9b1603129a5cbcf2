package org.skillgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillgraph.cli.SkillgraphCommandTest.Run;

/**
 * {@code serve} over a store loaded under a base other than the default: it is served under its own base, another
 * {@code --base} is refused, and a server holding it keeps {@code remove} out with the store's exit code. The
 * servers run in processes of their own, as a user runs them (TDB2 lets one process hold a store).
 */
class ServeCommandTest {
    static final String BASE = "https://data.example.org/";
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @TempDir
    Path tmp;

    @Test
    void aStoreIsServedUnderItsOwnBaseAndAnotherIsRefused() throws Exception {
        Path db = tmp.resolve("db");
        try (Served seeded = Served.start(tmp, "--store", db.toString(), "--base", BASE, "--seed",
                "seeds/29-2099.00.json")) {
            assertEquals(303, seeded.get("id/occupation/29-2099.00").statusCode(), seeded.log());
        }
        try (Served served = Served.start(tmp, "--store", db.toString())) {
            HttpResponse<String> id = served.get("id/occupation/29-2099.00");
            assertEquals(303, id.statusCode(), served.log());
            assertTrue(id.headers().firstValue("Location").orElseThrow().startsWith("/doc/occupation/29-2099.00."));
            assertTrue(served.get("sitemap.xml").body().contains("/doc/occupation/29-2099.00"));
            HttpResponse<String> feed = served.get("changes?since=1970-01-01T00:00:00Z");
            assertEquals(200, feed.statusCode(), served.log());
            assertTrue(feed.body().contains("\"ctid\" : \"ce-"), feed.body());

            Run remove = SkillgraphCommandTest.run("remove", "--store", db.toString(), "29-2099.00");
            assertEquals(SkillgraphCommand.EXIT_STORE, remove.code(), remove.err());
            assertTrue(remove.err().startsWith("skillgraph: " + db + ": cannot open the TDB2 store"), remove.err());
            assertEquals(303, served.get("id/occupation/29-2099.00").statusCode(), "nothing was removed");
        }
        Run other = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> SkillgraphCommandTest.run("serve",
                "--store", db.toString(), "--port", "0", "--base", "https://other.example/"),
                "a server started under another base than the store's");
        assertEquals(SkillgraphCommand.EXIT_REJECTED, other.code(), other.err());
        assertEquals(List.of("skillgraph: " + db + ": this store holds data under another base URI (" + BASE
                + ", its document graph " + BASE + "graph/29-2099.00/v.26.05), not https://other.example/; give that "
                + "--base (serve takes it when none is given), or use a new store"), other.err().lines().toList());
    }

    /** A {@code serve} process on a free port, ready; closing it stops it as Ctrl-C does. */
    record Served(Process process, Path logFile, String url) implements AutoCloseable {
        private static final Pattern READY = Pattern.compile("serving (http://\\S+/) ");

        static Served start(Path tmp, String... args) throws IOException, InterruptedException {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-cp", System.getProperty("java.class.path"), SkillgraphCommand.class.getName(),
                    "serve", "--port", "0"));
            cmd.addAll(List.of(args));
            Path log = Files.createTempFile(tmp, "serve-", ".log");
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline && p.isAlive()) {
                Matcher m = READY.matcher(Files.readString(log, StandardCharsets.UTF_8));
                if (m.find()) {
                    return new Served(p, log, m.group(1));
                }
                Thread.sleep(100);
            }
            p.destroyForcibly();
            return fail("never became ready: " + Files.readString(log, StandardCharsets.UTF_8));
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        String log() throws IOException {
            return Files.readString(logFile, StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy(); // SIGTERM: the server closes the store
            try {
                assertTrue(process.waitFor(30, TimeUnit.SECONDS), "did not stop on SIGTERM");
            } finally {
                process.destroyForcibly();
            }
        }
    }
}
