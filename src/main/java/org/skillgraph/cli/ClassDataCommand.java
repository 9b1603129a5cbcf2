package org.skillgraph.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.skillgraph.synth.SyntheticCorpus;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code skillgraph class-data --out FILE}: an application class-data archive (AppCDS, OpenJDK's
 * {@code -XX:ArchiveClassesAtExit}) for this jar, written by a training server that a small synthetic corpus is
 * loaded into, that is asked for every kind of page, harvest document and library query, and that is then stopped.
 * Most of a start is loading some 6,000 classes of Jena, Lucene, Jetty and skillgraph, which the archive holds parsed
 * and laid out for the JVM to map ({@code -XX:SharedArchiveFile=FILE}).
 */
@Command(name = "class-data", mixinStandardHelpOptions = true,
        description = {"Write an application class-data archive for this jar (AppCDS, part of OpenJDK), for a faster "
                + "start: a training server is loaded with a small synthetic corpus, asked for every kind of page, "
                + "harvest document and library query, and stopped; the JVM writes the classes it loaded into FILE.",
                "Name it at every start: java -XX:SharedArchiveFile=FILE -jar skillgraph.jar serve … (any other "
                        + "command too). The build writes target/skillgraph.jsa. An archive made for another build of "
                        + "the jar is refused by the JVM with a one-line warning, and the JVM then starts without it."})
final class ClassDataCommand implements Callable<Integer> {
    /** Documents of the training corpus: enough for every reader (JSON exports, text and HTML pages). */
    private static final int TRAINING_OCCUPATIONS = 8;
    /** Resources whose pages the training asks for, in each format. */
    private static final int TRAINING_RESOURCES = 40;
    /** How long a JVM of the training is waited for: to serve, to stop, to map the archive. */
    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final Pattern SERVING = Pattern.compile("skillgraph: serving (http://\\S+/)");
    private static final Pattern SITEMAP_LOC = Pattern.compile("<loc>([^<]+)</loc>");
    private static final Pattern LIBRARY_QUERY = Pattern.compile("value=\"([^\"]*queries/[^\"]+\\.rq)\"");

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "The archive to write (replaced only once a new one is written and checked).")
    Path out;

    @Option(names = "--if-supported",
            description = "When this JVM cannot write class-data archives (one without a base archive of its own "
                    + "classes), say so and write none, exiting 0: the build's way, as the jar runs without one.")
    boolean ifSupported;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        Path target = out.toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            throw SkillgraphCommand.badPath(out + ": --out must be a file, and this is a folder");
        }
        Path parent = target.getParent();
        if (!Files.isDirectory(parent) || !Files.isWritable(parent)) {
            throw SkillgraphCommand.badPath(out + ": cannot write the archive into " + parent + " ("
                    + (Files.isDirectory(parent) ? "permission denied" : "no such folder") + ")");
        }
        Path jar = runningJar();
        Path work = tempDirectory(parent);
        try {
            String unsupported = cannotWriteArchives(List.of(), work);
            if (unsupported != null && ifSupported) {
                err.println("skillgraph: this JVM cannot write a class-data archive (" + unsupported + "): none "
                        + "written; the jar runs without one, only slower to start");
                err.flush();
                return 0;
            } else if (unsupported != null) {
                throw new SkillgraphCommand.UserException("this JVM cannot write a class-data archive ("
                        + unsupported + ")");
            }
            Path corpus = work.resolve("corpus");
            SyntheticCorpus.create(1).write(TRAINING_OCCUPATIONS, corpus);
            Path archive = work.resolve("skillgraph.jsa");
            Path log = work.resolve("training.log");
            Process server = new ProcessBuilder(javaCommand(), "-XX:ArchiveClassesAtExit=" + archive, "-jar",
                    jar.toString(), "serve", "--store", work.resolve("store").toString(), "--seed", corpus.toString(),
                    "--port", "0", "--host", "127.0.0.1")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            // stopped with this command too (Ctrl-C runs no finally block), rather than left serving
            Thread orphan = new Thread(() -> {
                server.destroyForcibly();
                org.apache.commons.io.FileUtils.deleteQuietly(work.toFile());
            }, "skillgraph-class-data-stop");
            Runtime.getRuntime().addShutdownHook(orphan);
            int requests;
            try {
                String url = awaitServing(server, log);
                requests = new Training(url, log).run();
            } catch (IOException e) {
                throw new SkillgraphCommand.UserException("the training server could not be asked ("
                        + SkillgraphCommand.reason(e) + "; its output: " + tail(log) + ")");
            } finally {
                server.destroy(); // SIGTERM: the server stops cleanly, and the JVM writes the archive as it exits
                if (!server.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                    server.destroyForcibly();
                }
                Runtime.getRuntime().removeShutdownHook(orphan);
            }
            if (!Files.isRegularFile(archive)) {
                throw new SkillgraphCommand.UserException("the training server wrote no class-data archive (its "
                        + "output: " + tail(log) + ")");
            }
            check(jar, archive, work.resolve("check.log"));
            Files.move(archive, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            err.printf("skillgraph: wrote %s (%,d bytes; the classes of a training server asked %d requests); start "
                    + "with java -XX:SharedArchiveFile=%s -jar %s …%n", out, Files.size(target), requests, out, jar);
            err.flush();
            return 0;
        } catch (IOException | UncheckedIOException e) {
            throw new SkillgraphCommand.UserException(out + ": cannot write the class-data archive ("
                    + SkillgraphCommand.reason(e) + ")");
        } finally {
            org.apache.commons.io.FileUtils.deleteQuietly(work.toFile());
        }
    }

    /** The jar this command runs from: the archive is for its classes, at its path. */
    private static Path runningJar() {
        java.security.CodeSource code = ClassDataCommand.class.getProtectionDomain().getCodeSource();
        try {
            Path p = code == null ? null : Path.of(code.getLocation().toURI());
            if (p != null && Files.isRegularFile(p) && p.toString().endsWith(".jar")) {
                return p.toAbsolutePath();
            }
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            // not a file: not run from a jar
        }
        throw new SkillgraphCommand.UserException("class-data makes an archive for a jar: run it as "
                + "java -jar skillgraph.jar class-data --out FILE");
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Path tempDirectory(Path near) {
        try {
            return Files.createTempDirectory(near, ".class-data-");
        } catch (IOException e) {
            throw SkillgraphCommand.badPath(near + ": cannot create a working folder for the training server ("
                    + SkillgraphCommand.reason(e) + ")");
        }
    }

    /** The URL the training server prints once it serves; its output's end if it stops first. */
    private static String awaitServing(Process server, Path log) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = SERVING.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (m.find()) {
                return m.group(1);
            }
            if (!server.isAlive()) {
                throw new SkillgraphCommand.UserException("the training server stopped before serving (exit code "
                        + server.exitValue() + "; its output: " + tail(log) + ")");
            }
            Thread.sleep(50);
        }
        throw new SkillgraphCommand.UserException("the training server did not serve within "
                + WAIT.toMinutes() + " minutes (its output: " + tail(log) + ")");
    }

    /**
     * Why a JVM started with these options cannot write a class-data archive, or null when it can: a JDK whose own
     * classes have no base archive ({@code lib/server/classes.jsa}) stops at once when asked for one.
     */
    static String cannotWriteArchives(List<String> options, Path work) throws IOException, InterruptedException {
        Path log = Files.createTempFile(work, "probe", ".log");
        List<String> args = new ArrayList<>(options);
        args.addAll(List.of("-XX:ArchiveClassesAtExit=" + work.resolve("probe.jsa"), "-version"));
        return java(args, log) == 0 ? null : tail(log);
    }

    /** The archive is mapped by a JVM that must use it ({@code -Xshare:on} stops a JVM that cannot). */
    private static void check(Path jar, Path archive, Path log) throws IOException, InterruptedException {
        if (java(List.of("-Xshare:on", "-XX:SharedArchiveFile=" + archive, "-jar", jar.toString(), "--version"), log)
                != 0) {
            throw new SkillgraphCommand.UserException("the JVM refuses the archive the training server wrote ("
                    + tail(log) + ")");
        }
    }

    /** The exit code of a short-lived JVM given these arguments, its output in {@code log}. */
    private static int java(List<String> args, Path log) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(javaCommand()));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
        }
        return p.exitValue();
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "unreadable";
        }
    }

    /**
     * The requests of the training: each kind of answer the site gives (pages in every format, the 303s, errors,
     * harvest documents, CASE, the dumps' manifest, search, every library query), so that the classes behind them
     * are in the archive. Any 5xx answer fails the training: it is a fault of the server.
     */
    static final class Training {
        private static final List<String> FORMATS = List.of("text/turtle", "application/ld+json",
                "application/rdf+xml", "application/n-triples", "text/html");
        private final String url;
        private final Path log;
        private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30)).build();
        private final ObjectMapper json = new ObjectMapper();
        private int requests;

        Training(String url, Path log) {
            this.url = url;
            this.log = log;
        }

        int run() throws IOException, InterruptedException {
            get("", "text/html");
            get("", "text/turtle");
            for (String path : List.of("ontology", "ontology.html", ".well-known/void", ".well-known/void.jsonld",
                    "dumps/dumps.json", "dumps/skillgraph.nq.gz", "robots.txt", "patches/", "search?q=sample", "id/no/such/resource")) {
                get(path, "*/*");
            }
            List<String> pages = new ArrayList<>();
            Matcher loc = SITEMAP_LOC.matcher(get("sitemap.xml", "application/xml"));
            while (loc.find()) {
                pages.add(URI.create(loc.group(1)).getRawPath());
            }
            int step = Math.max(1, pages.size() / TRAINING_RESOURCES);
            for (int i = 0; i < pages.size(); i += step) {
                String page = pages.get(i).substring(1); // "doc/….html" under the root
                if (!page.startsWith("doc/") || !page.endsWith(".html")) {
                    continue;
                }
                get(page, "text/html");
                String id = "id/" + page.substring(4, page.length() - 5);
                for (String format : FORMATS) {
                    get(id, format);
                }
                get(id, "image/png"); // 406
            }
            JsonNode changes = json.readTree(get("changes?since=1970-01-01T00:00:00Z", "application/json"));
            java.util.Set<String> ctids = new java.util.LinkedHashSet<>();
            changes.path("changes").forEach(e -> ctids.add(e.path("ctid").asText()));
            ctids.remove("");
            for (String ctid : ctids) {
                get("graph/" + ctid, "application/ld+json");
                get("resources/" + ctid, "application/ld+json");
            }
            JsonNode documents = json.readTree(get("ims/case/v1p1/CFDocuments", "application/json"));
            for (JsonNode d : documents.path("CFDocuments")) {
                get("ims/case/v1p1/CFPackages/" + d.path("identifier").asText(), "application/json");
            }
            Matcher library = LIBRARY_QUERY.matcher(get("query", "text/html"));
            while (library.find()) {
                String query = get(URI.create(library.group(1)).getRawPath().substring(1), "*/*");
                post("sparql", query, "application/sparql-results+json, text/turtle;q=0.9");
                post("sparql", query, "text/csv, application/ld+json;q=0.9");
            }
            return requests;
        }

        private String get(String path, String accept) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(url + path)).header("Accept", accept).GET());
        }

        private String post(String path, String query, String accept) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(url + path)).header("Accept", accept)
                    .header("Content-Type", "application/sparql-query")
                    .POST(HttpRequest.BodyPublishers.ofString(query)));
        }

        private String send(HttpRequest.Builder request) throws IOException, InterruptedException {
            HttpRequest r = request.timeout(Duration.ofMinutes(1)).build();
            HttpResponse<String> response = http.send(r, HttpResponse.BodyHandlers.ofString());
            requests++;
            if (response.statusCode() >= 500) {
                throw new SkillgraphCommand.UserException("the training server answered " + response.statusCode()
                        + " to " + r.method() + " " + r.uri() + " (its output: " + tail(log) + ")");
            }
            return response.body();
        }
    }
}
