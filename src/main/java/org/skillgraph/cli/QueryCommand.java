package org.skillgraph.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.commons.io.output.WriterOutputStream;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.riot.ResultSetMgr;
import org.skillgraph.map.Prefixes;
import org.skillgraph.store.GraphStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code skillgraph query --store DIR [--format json|csv|tsv|table] (FILE.rq | --query TEXT)} */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Run a SPARQL query against a store. The default graph is the union of every named graph: the "
                + "documents, the ontology's and the change feed's.",
                "SELECT/ASK results print as a table, SPARQL 1.1 JSON, CSV or TSV; CONSTRUCT/DESCRIBE results "
                + "print as JSON-LD with --format json, N-Triples with csv/tsv, Turtle otherwise."})
final class QueryCommand implements Callable<Integer> {
    /** Output formats. */
    enum Format { json, csv, tsv, table }

    @Option(names = "--store", required = true, paramLabel = "DIR", description = "TDB2 store folder.")
    Path store;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "json, csv, tsv or table (default: ${DEFAULT-VALUE}).")
    Format format;

    @CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    /** Exactly one of a query file or a query text. */
    static final class Source {
        @Parameters(paramLabel = "FILE.rq", description = "A file holding the query.")
        Path file;

        @Option(names = "--query", paramLabel = "TEXT", description = "The query itself.")
        String text;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Query query = parse();
        PrintWriter out = spec.commandLine().getOut();
        out.flush();
        // Jena writes bytes; picocli's writer is where the output goes (and what tests capture)
        OutputStream os = WriterOutputStream.builder().setWriter(out).setCharset(StandardCharsets.UTF_8)
                .setWriteImmediately(true).get();
        try (GraphStore gs = GraphStore.openExisting(store)) {
            gs.query(query, qe -> {
                if (query.isSelectType()) {
                    ResultSet rs = qe.execSelect();
                    switch (format) {
                        case json -> ResultSetMgr.write(os, rs, ResultSetLang.RS_JSON);
                        case csv -> ResultSetMgr.write(os, rs, ResultSetLang.RS_CSV);
                        case tsv -> ResultSetMgr.write(os, rs, ResultSetLang.RS_TSV);
                        case table -> ResultSetFormatter.out(os, rs, query.getPrologue());
                    }
                } else if (query.isAskType()) {
                    boolean b = qe.execAsk();
                    switch (format) {
                        case json -> ResultSetMgr.write(os, b, ResultSetLang.RS_JSON);
                        case csv -> ResultSetMgr.write(os, b, ResultSetLang.RS_CSV);
                        case tsv -> ResultSetMgr.write(os, b, ResultSetLang.RS_TSV);
                        case table -> ResultSetFormatter.out(os, b);
                    }
                } else {
                    Model m = query.isConstructType() ? qe.execConstruct() : qe.execDescribe();
                    Prefixes.apply(m, null);
                    m.setNsPrefixes(query.getPrefixMapping());
                    RDFFormat f = switch (format) {
                        case json -> RDFFormat.JSONLD11_PRETTY;
                        case csv, tsv -> RDFFormat.NTRIPLES;
                        case table -> RDFFormat.TURTLE_PRETTY;
                    };
                    RDFDataMgr.write(os, m, f);
                }
                return null;
            });
        }
        os.flush();
        out.flush();
        return 0;
    }

    private Query parse() throws IOException {
        String text = source.text;
        String origin = "--query";
        if (source.file != null) {
            origin = source.file.toString();
            if (Files.isDirectory(source.file)) {
                throw SkillgraphCommand.badPath(source.file + ": is a folder, not a query file");
            }
            try {
                text = Files.readString(source.file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw SkillgraphCommand.badPath(source.file + ": no such query file");
            } catch (java.nio.charset.MalformedInputException e) {
                throw new SkillgraphCommand.UserException(source.file + ": not UTF-8 text");
            } catch (IOException | java.io.UncheckedIOException | SecurityException e) {
                throw SkillgraphCommand.badPath(source.file + ": cannot read the query file ("
                        + SkillgraphCommand.reason(e) + ")");
            }
        }
        try {
            return QueryFactory.create(text);
        } catch (QueryParseException e) {
            String where = e.getLine() > 0 ? " (line " + e.getLine() + ", column " + e.getColumn() + ")" : "";
            throw new SkillgraphCommand.UserException(origin + where + ": not a valid SPARQL query: "
                    + e.getMessage().replaceAll("\\s+", " "));
        }
    }


}
