package org.skillgraph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.skillgraph.synth.SyntheticCorpus;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code skillgraph synth --occupations N [--seed S] --out DIR} */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = {"Write a synthetic corpus for tests and benchmarks: N source documents that mirror the seeds "
                + "(half JSON exports, half NSX pages as text, one page in four as HTML), one per occupation, "
                + "each with its own SOC code.",
                "The same seed writes the same bytes; the first N documents of a larger corpus are the corpus of N."})
final class SynthCommand implements Callable<Integer> {
    @Option(names = "--occupations", required = true, paramLabel = "N", description = "How many documents to write.")
    int occupations;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Folder to write into (created if needed; files of the same name are replaced).")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (occupations < 1 || occupations > 100_000) {
            throw SkillgraphCommand.badValue(spec, "--occupations", "must be from 1 to 100000 (got " + occupations + ")");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw SkillgraphCommand.badPath(out + ": --out must be a folder, and this is a file");
        }
        try {
            Files.createDirectories(out);
        } catch (IOException | SecurityException e) {
            throw SkillgraphCommand.badPath(out + ": cannot create the --out folder (" + SkillgraphCommand.reason(e) + ")");
        }
        if (!Files.isWritable(out)) {
            throw SkillgraphCommand.badPath(out + ": cannot write into the --out folder (permission denied)");
        }
        SyntheticCorpus.Written w;
        try {
            w = SyntheticCorpus.create(seed).write(occupations, out);
        } catch (UncheckedIOException e) {
            throw SkillgraphCommand.badPath(out + ": cannot write the corpus into the --out folder ("
                    + SkillgraphCommand.reason(e) + ")");
        }
        PrintWriter err = spec.commandLine().getErr();
        err.printf("wrote %d document(s) to %s: %d JSON export(s), %d text page(s), %d HTML page(s); %,d bytes%n",
                w.files().size(), out, w.exports(), w.textPages(), w.htmlPages(), w.bytes());
        err.flush();
        return 0;
    }
}
