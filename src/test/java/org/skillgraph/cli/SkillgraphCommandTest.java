package org.skillgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.skillgraph.serve.RunningServer;
import org.skillgraph.serve.SkillgraphServer;
import org.skillgraph.store.GraphStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line as a user runs it: exit codes, output formats, one-line errors. */
class SkillgraphCommandTest {
    @TempDir
    static Path tmp;
    static Path store;

    /** Output and exit code of one run. */
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SkillgraphCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void ingestSeeds() {
        store = tmp.resolve("tdb2");
        Run r = run("ingest", "--store", store.toString(), "seeds");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("2 created"), r.err());
    }

    @Test
    void selectAsSparqlJson() throws IOException {
        Run r = run("query", "--store", store.toString(), "--format", "json", "--query",
                "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> PREFIX ceterms: <https://purl.org/ctdl/terms/> "
                        + "SELECT ?soc ?title { ?o a ceterms:Occupation ; skos:notation ?soc ; skos:prefLabel ?title } ORDER BY ?soc");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("soc", json.at("/head/vars/0").asText());
        assertEquals(2, json.at("/results/bindings").size());
        assertEquals("29-2011.00", json.at("/results/bindings/0/soc/value").asText());
        assertEquals("Medical and Clinical Laboratory Technologists", json.at("/results/bindings/0/title/value").asText());
        assertEquals("en", json.at("/results/bindings/0/title/xml:lang").asText());
    }

    @Test
    void selectAsCsvTsvAndTable() {
        String q = "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> PREFIX ceterms: <https://purl.org/ctdl/terms/> "
                + "SELECT ?soc { ?o a ceterms:Occupation ; skos:notation ?soc } ORDER BY ?soc";
        assertEquals("soc\r\n29-2011.00\r\n29-2099.00\r\n", run("query", "--store", store.toString(), "--format", "csv",
                "--query", q).out());
        assertEquals("?soc\n\"29-2011.00\"\n\"29-2099.00\"\n", run("query", "--store", store.toString(), "--format",
                "tsv", "--query", q).out());
        String table = run("query", "--store", store.toString(), "--query", q).out();
        assertTrue(table.contains("| \"29-2011.00\" |"), table);
    }

    @Test
    void queryFromAFileAndAskAndConstructAsJsonLd() throws IOException {
        Path rq = Files.writeString(tmp.resolve("ask.rq"), "ASK { ?s ?p ?o }");
        Run ask = run("query", "--store", store.toString(), "--format", "json", rq.toString());
        assertEquals(0, ask.code(), ask.err());
        assertTrue(new ObjectMapper().readTree(ask.out()).get("boolean").asBoolean());
        Run construct = run("query", "--store", store.toString(), "--format", "json", "--query",
                "CONSTRUCT { ?o <http://www.w3.org/2004/02/skos/core#notation> ?n } WHERE { "
                        + "?o a <https://purl.org/ctdl/terms/Occupation> ; <http://www.w3.org/2004/02/skos/core#notation> ?n }");
        assertEquals(0, construct.code(), construct.err());
        JsonNode ld = new ObjectMapper().readTree(construct.out());
        assertTrue(ld.toString().contains("29-2099.00"), construct.out());
        assertTrue(ld.has("@context") || ld.has("@graph") || ld.isArray(), construct.out());
    }

    @Test
    void aBadQueryIsOneLineWithItsPositionAndExitCode1() {
        Run r = run("query", "--store", store.toString(), "--query", "SELECT ?x WHERE { ?x ?y }");
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("skillgraph: --query (line 1, column"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void queryHelpNamesEveryGraphOfTheDefaultGraphAsReadmeDoes() throws IOException {
        String help = run("query", "--help").out().replaceAll("\\s+", " ");
        assertTrue(help.contains("The default graph is the union of every named graph: the documents, the ontology's "
                + "and the change feed's."), help);
        Run ontology = run("query", "--store", store.toString(), "--format", "csv", "--query",
                "ASK { <https://w3id.org/skillgraph/ontology> a <http://www.w3.org/2002/07/owl#Ontology> }");
        assertTrue(ontology.out().strip().endsWith("true"), ontology.out() + ontology.err());
        String readme = Files.readString(Path.of("README.md")).replaceAll("\\s+", " ");
        assertTrue(readme.contains("the union of every named graph (the default graph): the documents, the ontology "
                + "graph and the change feed's"), "README says the same");
    }

    @Test
    void aMissingQueryFileOrStoreIsAClearError() {
        Run file = run("query", "--store", store.toString(), tmp.resolve("nope.rq").toString());
        assertEquals(SkillgraphCommand.EXIT_USAGE, file.code());
        assertTrue(file.err().contains("nope.rq: no such query file"), file.err());
        Run noStore = run("query", "--store", tmp.resolve("nowhere").toString(), "--query", "ASK {}");
        assertEquals(SkillgraphCommand.EXIT_STORE, noStore.code());
        assertTrue(noStore.err().contains("no store here"), noStore.err());
        assertFalse(Files.exists(tmp.resolve("nowhere")), "query must not create a store");
    }

    @Test
    void aFolderWithNoStoreIsAStoreThatCannotBeOpenedAndIsLeftAsItWas() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("not-a-store"));
        Files.writeString(folder.resolve("notes.txt"), "x");
        List<String[]> commands = List.of(
                new String[] {"query", "--store", folder.toString(), "--query", "ASK {}"},
                new String[] {"validate", "--store", folder.toString()},
                new String[] {"remove", "--store", folder.toString(), "29-2011.00"},
                new String[] {"compact", "--store", folder.toString()},
                new String[] {"export", "--store", folder.toString(), "--out", tmp.resolve("site").toString()});
        for (String[] args : commands) {
            Run r = run(args);
            assertEquals(SkillgraphCommand.EXIT_STORE, r.code(), args[0] + ": " + r.err());
            assertTrue(r.err().startsWith("skillgraph: " + folder + ": no store here"), r.err());
        }
        try (var files = Files.list(folder)) {
            assertEquals(List.of(folder.resolve("notes.txt")), files.toList(), "no database written into the folder");
        }
    }

    @Test
    void rejectedInputGivesExitCode1AndNamesTheFile() throws IOException {
        Path bad = Files.writeString(tmp.resolve("bad.json"), "{\"occupation\": 3}");
        Run r = run("ingest", "--store", tmp.resolve("other").toString(), bad.toString(), "seeds/29-2099.00.json");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("bad.json (/occupation): 'occupation' must be an object"), r.err());
        assertTrue(r.err().contains("1 created"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void missingPathAndBadBaseAreRejected() {
        Run missing = run("ingest", "--store", tmp.resolve("x").toString(), tmp.resolve("missing").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("missing: no such file or directory"), missing.err());
        Run base = run("ingest", "--store", tmp.resolve("y").toString(), "--base", "not a url", "seeds");
        assertEquals(2, base.code());
        assertTrue(base.err().startsWith("Invalid value for option '--base': must be an http(s) URL"), base.err());
        Run commits = run("ingest", "--store", tmp.resolve("z").toString(), "--commit-every", "0", "seeds");
        assertEquals(2, commits.code());
        assertTrue(commits.err().startsWith("Invalid value for option '--commit-every': must be at least 1 (got 0)"),
                commits.err());
        assertFalse(Files.exists(tmp.resolve("z")), "the store was created before the options were checked");
    }

    @Test
    void aShortOrUnreadableImportTokenIsAClearErrorBeforeAnythingStarts() throws IOException {
        Path token = Files.writeString(tmp.resolve("token"), "short\n");
        Run r = run("serve", "--store", store.toString(), "--port", "0", "--import-token-file", token.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("skillgraph: " + token + ": the import token must be one line of at least 16"),
                r.err());
        assertOneLine(r);
        Run missing = run("serve", "--store", store.toString(), "--port", "0", "--import-token-file",
                tmp.resolve("no-token").toString());
        assertEquals(2, missing.code(), missing.err());
        assertEquals("skillgraph: " + tmp.resolve("no-token") + ": cannot read the --import-token-file (no such file "
                + "or folder)", missing.err().strip());
    }

    @Test
    @org.junit.jupiter.api.Timeout(60) // a server that started instead would never return
    void aPublicUrlWithAnotherPathThanTheBasesIsWrongUsage() {
        // links are built from the public URL's origin and the base's path: /sub/ would be announced and not used
        Run r = run("serve", "--store", store.toString(), "--port", "0", "--public-url", "https://data.example.org/sub/");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("skillgraph: --public-url https://data.example.org/sub/: the server publishes the "
                + "store's data at the path of its base"), r.err());
        assertOneLine(r);
    }

    @Test
    void aNegativeQueryCacheIsAClearErrorBeforeTheStoreIsOpened() {
        Path db = tmp.resolve("never");
        Run r = run("serve", "--store", db.toString(), "--port", "0", "--query-cache", "-1");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("Invalid value for option '--query-cache': must be from 0 to 1048576 megabytes "
                + "(got -1)"), r.err());
        assertFalse(Files.exists(db), "the store was created before the options were checked");
    }

    @Test
    void ingestHandsItsFilesToTheServerThatHoldsTheStore() throws Exception {
        Path db = tmp.resolve("served");
        assertEquals(0, run("ingest", "--store", db.toString(), "seeds").code());
        Path token = Files.writeString(tmp.resolve("served.token"), "0123456789abcdef0123456789abcdef\n");
        Path page = Files.createDirectories(tmp.resolve("changed")).resolve("29-2011.00.txt");
        Files.writeString(page, Files.readString(Path.of("seeds/29-2011.00.txt"))
                .replace("Time-sensitive specimen handling", "Time-critical specimen handling"));
        long pid = ProcessHandle.current().pid();
        try (GraphStore gs = GraphStore.open(db)) {
            SkillgraphServer server = SkillgraphServer.create(gs).port(0).importToken(Files.readString(token))
                    .build().start();
            try {
                String url = "http://localhost:" + server.port() + "/";
                new RunningServer(url, "http://localhost:3030/", token, pid).write(db);
                Run r = run("ingest", "--store", db.toString(), page.toString());
                assertEquals(0, r.code(), r.err());
                assertTrue(r.err().startsWith("skillgraph: " + db + " is served by process " + pid), r.err());
                assertTrue(r.err().contains("[1/1] " + page + ": updated <http://localhost:3030/graph/29-2011.00/"
                        + "v.26.05>"), r.err());
                String level = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(url + "doc/framework/29-2011.00/occupational/v.26.05/level/emerging.ttl"))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
                assertTrue(level.contains("Time-critical specimen handling"), "served at once");

                Path bad = Files.writeString(tmp.resolve("bad.json"), "{\"occupation\":\n");
                Run b = run("ingest", "--store", db.toString(), bad.toString());
                assertEquals(1, b.code(), b.err());
                assertTrue(b.err().contains("rejected: " + bad + " (line 2"), b.err());

                Files.writeString(token, "another-token-another-token");
                Run t = run("ingest", "--store", db.toString(), page.toString());
                assertEquals(SkillgraphCommand.EXIT_STORE, t.code(), t.err());
                assertTrue(t.err().contains("refuses the import token in " + token), t.err());
            } finally {
                server.stop();
                RunningServer.remove(db, pid);
            }
        }
        // a note left by a process that has ended is ignored: ingest opens the store itself
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        new RunningServer("http://localhost:9/", "http://localhost:3030/", token, ended.pid()).write(db);
        Run after = run("ingest", "--store", db.toString(), page.toString());
        assertEquals(0, after.code(), after.err());
        assertTrue(after.err().contains(page + ": unchanged"), after.err());
        // and so is one whose process id is alive (taken by another process) but whose port takes no connection
        new RunningServer("http://localhost:9/", "http://localhost:3030/", token, pid).write(db);
        Run reused = run("ingest", "--store", db.toString(), page.toString());
        assertEquals(0, reused.code(), reused.err());
        assertFalse(reused.err().contains("is served by"), reused.err());
    }

    @Test
    void aStoreKeepsOneBaseUri() {
        Run r = run("ingest", "--store", store.toString(), "--base", "https://data.example.org/", "seeds");
        assertEquals(SkillgraphCommand.EXIT_REJECTED, r.code(), r.err());
        assertTrue(r.err().contains("holds data under another base URI (http://localhost:3030/, its document graph "
                + "http://localhost:3030/graph/"), r.err());
        assertTrue(r.err().contains("), not https://data.example.org/;"), r.err());
        Run same = run("ingest", "--store", store.toString(), "seeds");
        assertEquals(0, same.code(), same.err());
        assertTrue(same.err().contains("2 unchanged"), same.err());
    }

    @Test
    void compactionShrinksTheStoreAndKeepsItsData() throws IOException {
        Path db = tmp.resolve("compact");
        assertEquals(0, run("ingest", "--store", db.toString(), "seeds").code());
        // each changed import adds a transaction's copies of the index blocks it touched
        Path page = tmp.resolve("changed-page.txt");
        String text = java.nio.file.Files.readString(Path.of("seeds/29-2011.00.txt"));
        for (String verb : List.of("simple", "routine", "standard", "plain")) {
            java.nio.file.Files.writeString(page, text.replace("perform basic processing", "perform " + verb + " processing"));
            assertEquals(0, run("ingest", "--store", db.toString(), page.toString()).code());
        }
        String count = "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }";
        String search = "PREFIX text: <http://jena.apache.org/text#> SELECT (COUNT(DISTINCT ?s) AS ?n) "
                + "{ ?s text:query ('\"plain processing steps\"' 100) }";
        String quads = run("query", "--store", db.toString(), "--format", "csv", "--query", count).out();
        long before;
        try (GraphStore gs = GraphStore.open(db)) {
            before = gs.databaseBytes();
        }
        Run r = run("compact", "--store", db.toString());
        assertEquals(0, r.code(), r.err());
        // TDB2's files are sparse: their lengths are not the disk they use, and the line says which it gives
        assertTrue(r.err().matches("(?s)compacted .*: database files .* MB -> .* MB in length \\(the files are "
                + "sparse: the disk they use, which du shows, can be less\\)\\s*"), r.err());
        try (GraphStore gs = GraphStore.open(db)) {
            assertTrue(gs.databaseBytes() < before, gs.databaseBytes() + " < " + before);
        }
        try (var dirs = java.nio.file.Files.list(db)) {
            assertEquals(List.of("Data-0002"), dirs.map(d -> d.getFileName().toString())
                    .filter(n -> n.startsWith("Data-")).toList(), "the old generation is deleted");
        }
        assertEquals(quads, run("query", "--store", db.toString(), "--format", "csv", "--query", count).out());
        assertTrue(run("query", "--store", db.toString(), "--format", "csv", "--query", search).out().contains("\n1"));
        assertEquals(0, run("ingest", "--store", db.toString(), "seeds").code(), "and it takes imports as before");
        assertEquals(SkillgraphCommand.EXIT_STORE, run("compact", "--store", tmp.resolve("nothing").toString()).code());
    }

    @Test
    void benchmarkGivesIngestTheJvmFlagsOfReadmesIngestLine() throws IOException {
        java.util.regex.Matcher line = java.util.regex.Pattern
                .compile("(?m)^java ((?:-XX:\\S+ )*)-jar target/skillgraph\\.jar ingest ")
                .matcher(Files.readString(Path.of("README.md")));
        assertTrue(line.find(), "README's tour has an ingest line");
        java.util.regex.Matcher bench = java.util.regex.Pattern.compile("(?m)^INGEST_JIT=\\(([^)]*)\\)$")
                .matcher(Files.readString(Path.of("bench/run.sh")));
        assertTrue(bench.find(), "bench/run.sh sets INGEST_JIT");
        assertFalse(bench.group(1).isBlank(), "the flags");
        assertEquals(line.group(1).strip(), bench.group(1).strip(), "the benchmark runs ingest as README does");
        assertTrue(Files.readString(Path.of("bench/run.sh")).contains("INGEST_JVM=(-Xmx2g \"${INGEST_JIT[@]}\")"),
                "both sides of the ingest rows get the flags");
    }

    @Test
    void compactHelpGivesTheSizesReadmeGives() throws IOException {
        String help = run("compact", "--help").out().replaceAll("\\s+", " ");
        assertFalse(help.contains("half the disk"), help);
        assertTrue(help.contains("872 MB") && help.contains("1,362 MB") && help.contains("669 MB"), help);
        String readme = Files.readString(Path.of("README.md")).replaceAll("\\s+", " ");
        assertTrue(readme.contains("872 MB") && readme.contains("1,362 MB") && readme.contains("669 MB"),
                "README's figures, which the help repeats");
        assertTrue(help.contains("lengths") && readme.contains("files' lengths"), "sizes said to be file lengths");
    }

    static java.util.Set<String> commands() {
        return new picocli.CommandLine(new SkillgraphCommand()).getSubcommands().keySet();
    }

    @ParameterizedTest
    @MethodSource("commands")
    void everyCommandHasHelp(String command) {
        for (String help : List.of("--help", "-h")) {
            Run r = run(command, help);
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("Usage: skillgraph " + command), r.out());
            assertTrue(r.out().contains("-h, --help"), r.out());
            assertEquals("", r.err());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest", "validate", "remove"})
    void aHelpThatGivesExitCodesGivesEveryOneReadmeGives(String command) {
        String help = run(command, "--help").out().replaceAll("\\s+", " ");
        for (String code : List.of("Exit code 0 ", " 1 when", " 2 for wrong usage", " 3 when the program itself failed",
                " 4 when the store cannot be opened")) {
            assertTrue(help.contains(code), command + " --help lacks '" + code + "': " + help);
        }
    }

    @Test
    void removeSaysByItsExitCodeWhetherItRemovedSomethingOrCouldNotLook() throws IOException {
        Path db = tmp.resolve("remove");
        assertEquals(0, run("ingest", "--store", db.toString(), "seeds").code());
        Run removed = run("remove", "--store", db.toString(), "29-2099.00", "--version", "v.26.05");
        assertEquals(0, removed.code(), removed.err());
        assertTrue(removed.err().contains("removed <http://localhost:3030/graph/29-2099.00/v.26.05>"), removed.err());
        Run again = run("remove", "--store", db.toString(), "29-2099.00");
        assertEquals(SkillgraphCommand.EXIT_REJECTED, again.code(), again.err());
        assertTrue(again.err().contains("nothing to remove for 29-2099.00"), again.err());

        Path nowhere = tmp.resolve("no-store");
        Run noStore = run("remove", "--store", nowhere.toString(), "29-2011.00");
        assertEquals(SkillgraphCommand.EXIT_STORE, noStore.code(), noStore.err());
        assertTrue(noStore.err().startsWith("skillgraph: " + nowhere + ": no store here"), noStore.err());
        assertFalse(Files.exists(nowhere), "remove must not create a store");
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        Run notAStore = run("remove", "--store", file.toString(), "29-2011.00");
        assertEquals(SkillgraphCommand.EXIT_STORE, notAStore.code(), notAStore.err());

        String help = run("remove", "--help").out().replaceAll("\\s+", " ");
        assertTrue(help.contains("1 when there was nothing to remove")
                && help.contains("4 when the store cannot be opened or used"), help);
    }

    @Test
    void wrongUsageIsExitCode2() {
        Run r = run("query", "--store", store.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Missing required"), r.err());
    }

    @Test
    void noCommandIsWrongUsage() {
        Run r = run();
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("Missing required command"), r.err());
        assertTrue(r.err().contains("Usage: skillgraph [-hV] [COMMAND]"), r.err());
        assertEquals("", r.out());
    }

    /** One line on stderr and no stack trace. */
    static void assertOneLine(Run r) {
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.err());
    }

    static java.util.stream.Stream<List<String>> badOptionValues() {
        String s = tmp.resolve("bad-values").toString();
        return java.util.stream.Stream.of(
                List.of("--commit-every", "ingest", "--store", s, "--commit-every", "0", "seeds"),
                List.of("--base", "ingest", "--store", s, "--base", "not a url", "seeds"),
                List.of("SOC", "remove", "--store", s, "bogus"),
                List.of("--occupations", "synth", "--occupations", "0", "--out", tmp.resolve("bad-synth").toString()),
                List.of("--port", "serve", "--store", s, "--port", "99999"),
                List.of("--page-concurrency", "serve", "--store", s, "--page-concurrency", "0"),
                List.of("--timeout", "serve", "--store", s, "--timeout", "-5"),
                List.of("--result-limit", "serve", "--store", s, "--result-limit", "0"),
                List.of("--public-url", "serve", "--store", s, "--public-url", "not a url"),
                List.of("--base", "serve", "--store", s, "--base", "not a url"),
                List.of("--base", "validate", "--base", "not a url", "seeds"));
    }

    /**
     * A value out of its option's range is wrong usage, as picocli's own parse errors are: its line names the option,
     * the usage follows, exit code 2, and nothing was done. A server given one would not start (a port held here
     * makes the old code's server fail rather than serve).
     */
    @ParameterizedTest
    @MethodSource("badOptionValues")
    void anOptionValueOutOfItsRangeIsWrongUsage(List<String> test) throws IOException {
        List<String> args = new java.util.ArrayList<>(test.subList(1, test.size()));
        try (java.net.ServerSocket held = new java.net.ServerSocket(0)) {
            if (args.get(0).equals("serve") && !args.contains("--port")) {
                args.addAll(List.of("--port", Integer.toString(held.getLocalPort())));
            }
            Run r = run(args.toArray(String[]::new));
            assertEquals(2, r.code(), r.err());
            String option = test.get(0);
            String first = r.err().lines().findFirst().orElse("");
            assertTrue(first.startsWith("Invalid value for " + (option.startsWith("-") ? "option '" + option + "': "
                    : "positional parameter " + option + ": ")), r.err());
            assertTrue(r.err().contains("Usage: skillgraph " + args.get(0)), r.err());
            assertFalse(r.err().contains("\tat "), r.err());
        }
        assertFalse(Files.exists(tmp.resolve("bad-values")), "the store was created before the options were checked");
    }

    @Test
    void aPathThatCannotBeWrittenOrReadIsOneLineNamingItAndExitCode2() throws IOException {
        Path file = Files.writeString(tmp.resolve("plain-file"), "x");
        // a folder cannot be made under a file (nor under /proc, as a user once tried)
        Path out = file.resolve("corpus");
        Run synth = run("synth", "--occupations", "2", "--out", out.toString());
        assertEquals(2, synth.code(), synth.err());
        assertEquals("skillgraph: " + out + ": cannot create the --out folder (Not a directory)", synth.err().strip());

        Path db = tmp.resolve("report-store");
        Path report = file.resolve("r.ttl");
        Run ingest = run("ingest", "--store", db.toString(), "--report", report.toString(), "seeds");
        assertEquals(2, ingest.code(), ingest.err());
        assertEquals("skillgraph: " + report + ": cannot write the --report file: cannot create its folder " + file
                + " (a file of that name is in the way)", ingest.err().strip());
        assertOneLine(ingest);
        assertFalse(Files.exists(db), "nothing was imported");
        Run folder = run("ingest", "--store", db.toString(), "--report", tmp.toString(), "seeds");
        assertEquals(2, folder.code(), folder.err());
        assertEquals("skillgraph: " + tmp + ": --report must be a file, and this is a folder", folder.err().strip());

        Run query = run("query", "--store", store.toString(), "queries");
        assertEquals(2, query.code(), query.err());
        assertEquals("skillgraph: queries: is a folder, not a query file", query.err().strip());
    }

    @Test
    void aRejectedSeedIsNamedWithItsReason() throws IOException {
        Path db = tmp.resolve("seeded");
        Path missing = tmp.resolve("no-such-seed");
        try (java.net.ServerSocket held = new java.net.ServerSocket(0)) {
            // the port is taken: the server loads its seeds, then cannot listen and says so
            Run r = run("serve", "--store", db.toString(), "--port", Integer.toString(held.getLocalPort()), "--seed",
                    missing.toString());
            assertEquals(1, r.code(), r.err());
            assertTrue(r.err().contains("rejected: " + missing + ": no such file or directory"), r.err());
            assertTrue(r.err().contains("skillgraph: 1 seed file(s) rejected"), r.err());
        }
    }

    @Test
    void aConstructAsCsvOrTsvIsNTriplesAsTheReadmeSays() throws IOException {
        String q = "CONSTRUCT { ?o <http://www.w3.org/2004/02/skos/core#notation> ?n } WHERE { "
                + "?o a <https://purl.org/ctdl/terms/Occupation> ; <http://www.w3.org/2004/02/skos/core#notation> ?n }";
        for (String format : List.of("csv", "tsv")) {
            Run r = run("query", "--store", store.toString(), "--format", format, "--query", q);
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("<http://localhost:3030/id/occupation/29-2011.00> "
                    + "<http://www.w3.org/2004/02/skos/core#notation> \"29-2011.00\" ."), r.out());
        }
        String readme = Files.readString(Path.of("README.md")).replaceAll("\\s+", " ");
        assertTrue(readme.contains("N-Triples with `--format csv` or `tsv`"), "README on a CONSTRUCT's csv/tsv");
    }
    @Test
    void aPatchLogThatCannotBeWrittenIsOneLineNamingItAndTheStoreKeepsWhatItHeld() throws IOException {
        Path db = tmp.resolve("unwritable-log");
        assertEquals(0, run("ingest", "--store", db.toString(), "seeds/29-2099.00.json").code());
        // a file where the patch log's folder should be: it cannot be written, as on a full or read-only disk
        Path patches = db.resolve("patches");
        try (var files = Files.list(patches)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(patches);
        Files.writeString(patches, "not a folder");
        Run r = run("ingest", "--store", db.toString(), "seeds/29-2011.00.txt");
        assertEquals(SkillgraphCommand.EXIT_STORE, r.code(), r.err());
        List<String> errors = r.err().lines().filter(l -> l.startsWith("skillgraph: ")).toList();
        assertEquals(List.of("skillgraph: " + patches + ": cannot write the patch log (a file is in the way of " + patches
                + "); nothing of this transaction was stored"), errors, r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        Run q = run("query", "--store", db.toString(), "--format", "csv", "--query",
                "SELECT (COUNT(DISTINCT ?g) AS ?n) { GRAPH ?g { ?g a <https://w3id.org/skillgraph/ontology#SourceDocument> } }");
        assertEquals(0, q.code(), q.err());
        assertEquals("n\r\n1\r\n", q.out(), "the store holds the export alone");
    }
}
