package org.skillgraph.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.skillgraph.ingest.ImportReport;
import org.skillgraph.ingest.Importer;
import org.skillgraph.store.GraphStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code skillgraph ingest --store DIR [--base URL] PATH...} */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Read source documents (JSON exports, NSX pages as HTML or text; folders recursively), "
                + "map them to RDF and store each as its own named graph in a TDB2 store.",
                "A document already in the store is replaced atomically; identical bytes change nothing. "
                + "Exit code 0 when every file was stored, 1 when any was rejected."})
final class IngestCommand implements Callable<Integer> {
    @Option(names = "--store", required = true, paramLabel = "DIR", description = "TDB2 store folder (created if needed).")
    Path store;

    @Option(names = "--base", paramLabel = "URL", defaultValue = "http://localhost:3030/",
            description = "Base URI of the data (default: ${DEFAULT-VALUE}); resources are {base}id/…")
    String base;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders to import.")
    List<Path> paths;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!base.matches("(?i)https?://[^\\s/]+(/\\S*)?")) {
            throw new SkillgraphCommand.UserException("--base must be an http(s) URL, such as "
                    + "http://localhost:3030/ (got '" + base + "')");
        }
        PrintWriter err = spec.commandLine().getErr();
        ImportReport report;
        try (GraphStore gs = GraphStore.open(store)) {
            report = new Importer(gs, base, err).importPaths(paths);
        }
        for (ImportReport.Entry e : report.entries()) {
            if (e.error() != null) {
                err.println("rejected: " + e.error());
            }
        }
        err.printf("ingested %d file(s): %d created, %d updated, %d unchanged, %d rejected; %d value(s) flagged "
                        + "for review%n", report.entries().size(), report.count(GraphStore.Outcome.CREATED),
                report.count(GraphStore.Outcome.UPDATED), report.count(GraphStore.Outcome.UNCHANGED),
                report.rejected(), report.warnings());
        err.flush();
        return report.rejected() == 0 ? 0 : SkillgraphCommand.EXIT_REJECTED;
    }
}
