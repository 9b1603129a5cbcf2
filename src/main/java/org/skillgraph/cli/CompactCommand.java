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
                + "changed, so a store built by many imports grows past the size of its data: 1,000 occupations "
                + "in one ingest took 872 MB, or 1,362 MB when committed every 100,000 triples, and 669 MB of either "
                + "once compacted, which is less disk and less page cache when served. Run it while nothing else "
                + "uses the store (it takes about as long as loading the data).",
                "The sizes printed are the database files' lengths: TDB2's files are sparse, so the disk they use "
                + "(what du shows) can be less, before and after."})
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
            // Java has no portable way to read a file's allocated blocks (Linux's JDK 17 has no unix:blocks), and
            // TDB2's files are sparse: their lengths, said to be lengths, not the disk they use
            err.printf("compacted %s: database files %,d MB -> %,d MB in length (the files are sparse: the disk they "
                    + "use, which du shows, can be less)%n", store, sizes[0] >> 20, sizes[1] >> 20);
        }
        return 0;
    }
}
