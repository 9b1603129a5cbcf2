package org.skillgraph.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.io.output.WriterOutputStream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.skillgraph.ingest.DocumentChecker;
import org.skillgraph.store.GraphStore;
import org.skillgraph.validate.Finding;
import org.skillgraph.validate.QualityGate;
import org.skillgraph.validate.ValidationLog;
import org.skillgraph.validate.Verdict;
import org.skillgraph.vocab.SG;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code skillgraph validate [--base URL] PATH...} and {@code skillgraph validate --store DIR}. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check documents against the SHACL shapes without storing anything.",
                "With PATH...: read, map and validate the files (folders recursively) exactly as 'ingest' would, "
                + "and say which would be stored and which rejected, and why. With --store: re-validate every "
                + "document graph of a store (each graph that describes itself as an sg:SourceDocument), graph by graph.",
                "A violation refuses a document; a warning is reported and the document is stored. "
                + "Exit code 0 when every document would be accepted, 1 when any would be rejected, 2 for wrong usage, "
                + "3 when the program itself failed, 4 when the store cannot be opened."})
final class ValidateCommand implements Callable<Integer> {
    /** Output formats. */
    enum Format { text, turtle }

    @CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    /** Exactly one of files to check or a store to re-validate. */
    static final class Target {
        @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders to check (a dry run).")
        List<Path> paths;

        @Option(names = "--store", paramLabel = "DIR", description = "Re-validate the documents of this TDB2 store.")
        Path store;
    }

    @Option(names = "--base", paramLabel = "URL", defaultValue = "http://localhost:3030/",
            description = "Base URI the documents are mapped under (default: ${DEFAULT-VALUE}); PATH only.")
    String base;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text (a line per document and per finding) or turtle (the SHACL validation report; "
                    + "the summary goes to stderr). Default: ${DEFAULT-VALUE}.")
    Format format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private PrintWriter out;
    /** Made when the command runs: picocli makes every command object on every run, and a log starts Jena. */
    private ValidationLog log;
    private int accepted;
    private int rejected;

    @Override
    public Integer call() {
        out = spec.commandLine().getOut();
        log = new ValidationLog();
        if (target.store != null) {
            validateStore(target.store);
        } else {
            if (!SkillgraphCommand.isHttpUrl(base)) {
                throw SkillgraphCommand.badValue(spec, "--base", "must be an http(s) URL, such as "
                        + "http://localhost:3030/ (got '" + base + "')");
            }
            SkillgraphCommand.warnEmptyFolders(target.paths, spec.commandLine().getErr());
            new DocumentChecker(base, QualityGate.standard(), Clock.systemUTC()).checkPaths(target.paths, c -> {
                if (c.verdict() != null) {
                    log.add(c.file().toAbsolutePath().toUri().toString(), c.verdict());
                }
                if (c.verdict() == null || (c.error() != null && c.verdict().accepted())) {
                    text("rejected: " + c.error()); // unreadable, or a duplicate of an earlier file
                    rejected++;
                } else {
                    document(c.file().toString(), c.verdict());
                }
            });
        }
        String summary = (accepted + rejected) + " document(s): " + accepted + " would be accepted, " + rejected
                + " rejected; " + log.summary();
        if (format == Format.turtle) {
            out.flush();
            OutputStream os = WriterOutputStream.builder().setWriter(out).setCharset(StandardCharsets.UTF_8)
                    .setWriteImmediately(true).getUnchecked();
            log.write(os);
            out.flush();
            spec.commandLine().getErr().println(summary);
            spec.commandLine().getErr().flush();
        } else {
            out.println(summary);
            out.flush();
        }
        return rejected == 0 ? 0 : SkillgraphCommand.EXIT_REJECTED;
    }

    private void validateStore(Path dir) {
        QualityGate gate = QualityGate.standard();
        try (GraphStore gs = GraphStore.openExisting(dir)) {
            for (String name : gs.graphNames()) {
                Node graph = NodeFactory.createURI(name);
                // a document graph describes itself as an sg:SourceDocument; the ontology and any bookkeeping
                // graph are not documents. Validate an in-memory copy: one short read transaction per graph.
                Graph copy = gs.read(ds -> {
                    Graph stored = ds.asDatasetGraph().getGraph(graph);
                    if (!stored.contains(graph, RDF.type.asNode(), SG.SourceDocument.asNode())) {
                        return null;
                    }
                    Graph g = GraphFactory.createDefaultGraph();
                    stored.find().forEachRemaining(g::add);
                    return g;
                });
                if (copy == null) {
                    continue;
                }
                Verdict v = gate.check(name, copy);
                log.add(null, v);
                document(null, v);
            }
        }
    }

    /** One document's verdict: a line for it ({@code file}, or its graph when null), a line per finding. */
    private void document(String file, Verdict v) {
        if (v.accepted()) {
            accepted++;
        } else {
            rejected++;
        }
        text((file == null ? "" : file + ": ") + (v.accepted() ? "accepted" : "refused") + " <" + v.graph() + "> ("
                + v.triples()
                + " triples, " + v.violations().size() + " violation(s), " + v.warnings().size() + " warning(s), "
                + v.elapsed().toMillis() + " ms)");
        for (Finding f : v.findings()) {
            text("    " + f.describe());
        }
    }

    private void text(String line) {
        if (format == Format.text) {
            out.println(line);
        }
    }
}
