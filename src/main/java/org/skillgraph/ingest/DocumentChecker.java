package org.skillgraph.ingest;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.skillgraph.map.DocumentMapper;
import org.skillgraph.map.MappedDocument;
import org.skillgraph.read.SourceException;
import org.skillgraph.read.SourceReader;
import org.skillgraph.validate.Finding;
import org.skillgraph.validate.QualityGate;
import org.skillgraph.validate.Verdict;

/**
 * Reads, maps and validates files one at a time, and says of each whether it may be stored; writes nothing.
 * <pre>{@code
 * new DocumentChecker("http://localhost:3030/", QualityGate.standard(), Clock.systemUTC())
 *         .checkPaths(List.of(Path.of("seeds")), c -> System.out.println(c.file() + " " + c.accepted()));
 * }</pre>
 * A file is refused when it cannot be read (the reader's message names the place), when its graph has a
 * SHACL violation, or when an earlier file of the same run is the same document (occupation and framework
 * version) and was accepted: the first acceptable file of a document wins, the later ones are refused
 * naming it. This is both {@link Importer}'s pipeline and the {@code validate} command's dry run.
 */
public final class DocumentChecker {
    private final DocumentMapper mapper;
    private final QualityGate gate;
    private final Clock clock;
    private final SourceReader reader = new SourceReader();

    /** One file's outcome: {@code doc} and {@code verdict} when it could be read and mapped. */
    public record Checked(Path file, MappedDocument doc, Verdict verdict, String error) {
        /** True when the document may be stored. */
        public boolean accepted() {
            return error == null;
        }
    }

    public DocumentChecker(String base, QualityGate gate, Clock clock) {
        this.mapper = new DocumentMapper(base);
        this.gate = gate;
        this.clock = clock;
    }

    public String base() {
        return mapper.uris().base();
    }

    /**
     * Checks every file under {@code paths} (folders recursively, hidden files skipped, symbolic-link loops
     * and missing paths reported), handing each outcome to {@code each} in order, one at a time.
     */
    public void checkPaths(List<Path> paths, Consumer<Checked> each) {
        checkFiles(SourceFiles.expand(paths), each);
    }

    /** Checks files already found: the paths that could not be used first, then every file in order. */
    void checkFiles(SourceFiles.Found found, Consumer<Checked> each) {
        for (SourceFiles.Rejection r : found.problems()) {
            each.accept(new Checked(r.path(), null, null, r.message()));
        }
        Map<String, Path> accepted = new HashMap<>();
        for (Path file : found.files()) {
            Checked c = check(file);
            if (c.accepted()) {
                Path first = accepted.putIfAbsent(c.doc().key(), file);
                if (first != null) {
                    c = new Checked(file, c.doc(), c.verdict(), file + ": the same document (occupation "
                            + c.doc().source().occupation().soc() + ", framework "
                            + c.doc().source().frameworks().get(0).version() + ") as " + first
                            + " earlier in this batch; the first one was kept");
                }
            }
            each.accept(c);
        }
    }

    /** Reads, maps and validates one file. */
    public Checked check(Path file) {
        MappedDocument mapped;
        try {
            mapped = mapper.map(reader.read(file), clock.instant());
        } catch (SourceException e) {
            return new Checked(file, null, null, e.getMessage());
        } catch (RuntimeException e) {
            // a reader or mapper bug must not cost the rest of the batch: the file is refused, with the cause
            return new Checked(file, null, null, file + ": could not be read (an internal error, please report "
                    + "it with the file): " + e);
        }
        Verdict verdict = gate.check(mapped.graphName(), mapped.model().getGraph());
        if (verdict.accepted()) {
            return new Checked(file, mapped, verdict, null);
        }
        return new Checked(file, mapped, verdict, refusal(file, verdict));
    }

    /** "f.json: refused by the quality gate (2 violations):" then one indented line per violation. */
    static String refusal(Path file, Verdict v) {
        List<Finding> violations = v.violations();
        return file + ": refused by the quality gate (" + violations.size() + " violation"
                + (violations.size() == 1 ? "" : "s") + " in <" + v.graph() + ">):"
                + violations.stream().map(f -> "\n    " + f.describe()).collect(Collectors.joining());
    }
}
