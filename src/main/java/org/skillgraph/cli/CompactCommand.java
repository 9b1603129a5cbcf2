package org.skillgraph.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.skillgraph.store.GraphStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code skillgraph compact --store DIR} */
@Command(name = "compact", mixinStandardHelpOptions = true,
        description = {"Compact a store's database (TDB2 compaction): the live data is written into a new "
                + "generation and the old one deleted. Each import transaction leaves copies of the index blocks it "
                + "changed, so a store built by many imports is about twice the size of its data; compacted, it "
                + "takes half the disk and half the page cache when served. Run it while nothing else uses the "
                + "store (it takes about as long as loading the data)."})
final class CompactCommand implements Callable<Integer> {
    @Option(names = "--store", required = true, paramLabel = "DIR", description = "TDB2 store folder.")
    Path store;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try (GraphStore gs = GraphStore.openExisting(store)) {
            long[] sizes = gs.compact();
            err.printf("compacted %s: %,d MB -> %,d MB%n", store, sizes[0] >> 20, sizes[1] >> 20);
        }
        return 0;
    }
}
