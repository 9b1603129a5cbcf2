package org.skillgraph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.skillgraph.harvest.Dumps;
import org.skillgraph.store.GraphStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code skillgraph remove --store DIR SOC [--version V]} */
@Command(name = "remove",
        description = {"Remove an occupation's documents (every framework version, or one with --version) from a "
                + "store. The change feed keeps a tombstone for each framework and occupation removed, and the "
                + "dumps are regenerated.",
                "Exit code 0 when documents were removed, 1 when there was nothing to remove, 2 for wrong usage, "
                + "3 when the program itself failed, 4 when the store cannot be opened or used (no store in DIR, or "
                + "a server or another process holds it: nothing was removed)."})
final class RemoveCommand implements Callable<Integer> {
    /**
     * The help option, declared here: picocli adds none of its standard options to a command that already has one
     * of their names, and --version is this command's framework version.
     */
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--store", required = true, paramLabel = "DIR", description = "TDB2 store folder.")
    Path store;

    @Parameters(index = "0", paramLabel = "SOC", description = "O*NET-SOC code, such as 29-2011.00.")
    String soc;

    @Option(names = "--version", paramLabel = "V", description = "Only this framework version, such as v.26.05.")
    String version;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!soc.matches("\\d{2}-\\d{4}\\.\\d{2}")) {
            throw SkillgraphCommand.badValue(spec, "SOC", "'" + soc + "' is not an O*NET-SOC code (NN-NNNN.NN, such as "
                    + "29-2011.00)");
        }
        PrintWriter err = spec.commandLine().getErr();
        try (GraphStore gs = GraphStore.openExisting(store)) {
            String suffix = "/graph/" + soc + "/" + (version == null ? "" : version);
            List<String> graphs = gs.graphNames().stream()
                    .filter(g -> version == null ? g.contains(suffix) : g.endsWith(suffix)).toList();
            if (graphs.isEmpty()) {
                err.println("skillgraph: nothing to remove for " + soc + (version == null ? "" : " " + version));
                return SkillgraphCommand.EXIT_REJECTED;
            }
            for (String g : graphs) {
                gs.remove(g);
                err.println("removed <" + g + ">");
            }
            Dumps.regenerate(gs);
        }
        return 0;
    }
}
