package org.skillgraph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.skillgraph.harvest.Dumps;
import org.skillgraph.ingest.DocumentChecker;
import org.skillgraph.ingest.ImportReport;
import org.skillgraph.ingest.Importer;
import org.skillgraph.ingest.SourceFiles;
import org.skillgraph.serve.ImportClient;
import org.skillgraph.serve.RunningServer;
import org.skillgraph.store.GraphStore;
import org.skillgraph.validate.QualityGate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code skillgraph ingest --store DIR [--base URL] PATH...} */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Read source documents (JSON exports, NSX pages as HTML or text; folders recursively), "
                + "map them to RDF and store each as its own named graph in a TDB2 store.",
                "While a server started with --import-token-file holds the store, each file is handed to it "
                + "(POST /import), which imports it the same way and serves it at once.",
                "A document already in the store is replaced atomically; identical bytes change nothing. "
                + "Each document is validated against the SHACL shapes first: one with a violation is rejected "
                + "(the store keeps its previous version), warnings are reported and the document is stored. "
                + "Exit code 0 when every file was stored, 1 when any was rejected, 2 for wrong usage, 3 when the program "
                + "itself failed (nothing half-written is kept), 4 when the store cannot be opened or used."})
final class IngestCommand implements Callable<Integer> {
    @Option(names = "--store", required = true, paramLabel = "DIR", description = "TDB2 store folder (created if needed).")
    Path store;

    @Option(names = "--base", paramLabel = "URL", defaultValue = "http://localhost:3030/",
            description = "Base URI of the data (default: ${DEFAULT-VALUE}); resources are {base}id/…")
    String base;

    @Option(names = "--report", paramLabel = "FILE",
            description = "Where to write the SHACL validation report (Turtle) of this import "
                    + "(default: DIR/" + REPORT + ").")
    Path report;

    @Option(names = "--commit-every", paramLabel = "TRIPLES",
            description = "Commit after about this many triples (whole documents; default: ${DEFAULT-VALUE}). "
                    + "Fewer commits are faster and leave a smaller database; each commit is one patch of the "
                    + "patch log, and an interrupted import keeps what was committed. Not used when a server holds the "
                    + "store: it commits each document it is handed.")
    long commitEvery = Importer.DEFAULT_BATCH_TRIPLES;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders to import.")
    List<Path> paths;

    /** The default place of the machine-readable report, inside the store folder. */
    static final String REPORT = "reports/last-ingest-report.ttl";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!SkillgraphCommand.isHttpUrl(base)) {
            throw SkillgraphCommand.badValue(spec, "--base", "must be an http(s) URL, such as "
                    + "http://localhost:3030/ (got '" + base + "')");
        }
        if (commitEvery < 1) {
            throw SkillgraphCommand.badValue(spec, "--commit-every", "must be at least 1 (got " + commitEvery + ")");
        }
        if (report != null) {
            checkReportFile(report);
        }
        PrintWriter err = spec.commandLine().getErr();
        SkillgraphCommand.warnEmptyFolders(paths, err);
        Optional<RunningServer> server = RunningServer.find(store);
        if (server.isPresent()) {
            return forward(server.get(), err);
        }
        ImportReport result;
        Importer importer;
        // the documents are read, mapped and validated (the shapes loaded first) from now on, beside the opening of
        // the store: both are mostly loading classes, and for one changed document take about as long as each other
        DocumentChecker checker = new DocumentChecker(base, QualityGate::standard, Clock.systemUTC());
        try (DocumentChecker.Run run = checker.start(SourceFiles.expand(paths));
             GraphStore gs = GraphStore.open(store)) {
            importer = importer(gs, checker, err).batchTriples(commitEvery);
            checker.prepareGate(); // while the first document is read and mapped
            result = importer.importChecked(run);
            refreshDumps(gs, result, err);
        }
        Path reportFile = report != null ? report : store.resolve(REPORT);
        try {
            importer.validationLog().write(reportFile);
        } catch (IOException | java.io.UncheckedIOException e) {
            summary(result, err);
            String message = reportFile + ": cannot write the SHACL report (" + SkillgraphCommand.reason(e)
                    + "); the import itself was stored as said above";
            if (report != null) {
                throw SkillgraphCommand.badPath(message + " (--report)");
            }
            throw new org.skillgraph.store.StoreException(message, e);
        }
        summary(result, err);
        err.println(importer.validationLog().summary() + "; SHACL report: " + reportFile);
        err.flush();
        return result.rejected() == 0 ? 0 : SkillgraphCommand.EXIT_REJECTED;
    }

    /**
     * The store is held by a server that takes imports: each file goes to its {@code POST /import}, which
     * imports it as this command would and serves it at once (the server brings the dumps up to date just after).
     */
    private int forward(RunningServer server, PrintWriter err) {
        if (spec.commandLine().getParseResult().hasMatchedOption("--base") && !server.base().equals(base)) {
            throw new SkillgraphCommand.UserException(store + " is served with the base " + server.base()
                    + ", not " + base);
        }
        err.println("skillgraph: " + store + " is served by process " + server.pid() + " at " + server.url()
                + "; each file goes to its POST /import");
        err.flush();
        ImportReport result = new ImportClient(server).importPaths(paths, err);
        summary(result, err);
        err.println("the server validated and stored them; its warnings are above"
                + (report != null ? " (no SHACL report file is written through the server: " + report + ")" : ""));
        err.flush();
        return result.rejected() == 0 ? 0 : SkillgraphCommand.EXIT_REJECTED;
    }

    /**
     * A --report the user gave must be writable before anything is imported: its folder is made now, and a folder
     * or a read-only file in its place is refused (exit code 2), rather than found after the import.
     */
    private static void checkReportFile(Path file) {
        if (Files.isDirectory(file)) {
            throw SkillgraphCommand.badPath(file + ": --report must be a file, and this is a folder");
        }
        Path dir = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
        } catch (IOException | SecurityException e) {
            throw SkillgraphCommand.badPath(file + ": cannot write the --report file: cannot create its folder " + dir
                    + " (" + SkillgraphCommand.reason(e) + ")");
        }
        if (!Files.isWritable(dir) || Files.exists(file) && !Files.isWritable(file)) {
            throw SkillgraphCommand.badPath(file + ": cannot write the --report file (permission denied)");
        }
    }

    private static void summary(ImportReport result, PrintWriter err) {
        for (ImportReport.Entry e : result.entries()) {
            if (e.error() != null) {
                err.println("rejected: " + e.error());
            }
        }
        err.printf("ingested %d file(s): %d created, %d updated, %d unchanged, %d rejected; %d warning(s)%n",
                result.entries().size(), result.count(GraphStore.Outcome.CREATED),
                result.count(GraphStore.Outcome.UPDATED), result.count(GraphStore.Outcome.UNCHANGED),
                result.rejected(), result.warnings());
    }

    /** An importer whose accepted documents have their dump parts prepared on the check-ahead thread. */
    static Importer importer(GraphStore gs, String base, PrintWriter err) {
        return importer(gs, new DocumentChecker(base, QualityGate.standard(), Clock.systemUTC()), err);
    }

    /** The same, with documents checked by {@code checker} (whose run may have begun before the store opened). */
    static Importer importer(GraphStore gs, DocumentChecker checker, PrintWriter err) {
        return new Importer(gs, checker, err).onAccepted(Dumps.stager(gs));
    }

    /**
     * The dumps follow every import that changed something, and are made when missing or behind the data (a process
     * stopped after a commit and before the refresh that follows it).
     */
    static void refreshDumps(GraphStore gs, ImportReport result, PrintWriter err) {
        boolean changed = result.count(GraphStore.Outcome.CREATED) + result.count(GraphStore.Outcome.UPDATED) > 0;
        try {
            if (!changed && !Dumps.behind(gs)) {
                return;
            }
            for (Dumps.Dump d : Dumps.regenerate(gs)) {
                err.printf("dump %s: %,d quads, %,d bytes, sha256 %s%n", d.name(), d.quads(), d.bytes(), d.sha256());
            }
        } catch (java.io.IOException e) {
            throw new org.skillgraph.store.StoreException(gs.dumpsDirectory() + ": cannot write the dumps: "
                    + e.getMessage(), e);
        }
    }
}
