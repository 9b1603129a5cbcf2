package org.skillgraph.ingest;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;
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
    /**
     * How many files are checked ahead of the one being stored: about one import batch (~100,000 triples), so
     * that the next batch is being read while this one is committed; a bounded number of graphs in memory.
     */
    private static final int LOOKAHEAD = 64;

    private final DocumentMapper mapper;
    private final Supplier<QualityGate> gate;
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
        this(base, () -> gate, clock);
    }

    /**
     * A checker whose gate is made when the first document is validated, on the thread that validates it: given
     * {@code QualityGate::standard}, the shapes are loaded on the check-ahead thread of the first {@link #start},
     * while the caller does something else (opens the store).
     */
    public DocumentChecker(String base, Supplier<QualityGate> gate, Clock clock) {
        SourceReader.prepare();
        this.mapper = new DocumentMapper(base);
        this.gate = gate;
        this.clock = clock;
    }

    /**
     * Makes the quality gate now, on the calling thread, unless a check has made it: given
     * {@code QualityGate::standard}, a caller with nothing to do until the first document is checked (the
     * {@code ingest} command, once the store is open) loads the shapes while the check-ahead thread reads and maps
     * it, instead of after.
     */
    public void prepareGate() {
        gate.get();
    }

    public String base() {
        return mapper.uris().base();
    }

    /**
     * Checks every file under {@code paths} (folders recursively, hidden files skipped, symbolic-link loops
     * and missing paths reported), handing each outcome to {@code each} in order, one at a time.
     */
    public void checkPaths(List<Path> paths, Consumer<Checked> each) {
        try (Run run = start(SourceFiles.expand(paths))) {
            run.forEach(each);
        }
    }

    /**
     * Begins checking files already found, on a thread of its own, and returns at once: the outcomes are taken,
     * in order, with {@link Run#forEach}. What the caller does meanwhile (opening a store takes about as long as
     * checking a first document, each mostly loading classes) runs beside the first checks.
     */
    public Run start(SourceFiles.Found found) {
        return new Run(found);
    }

    /**
     * Files being checked ahead: up to {@link #LOOKAHEAD} of them are read, mapped and validated on a second thread
     * while the caller stores the one before (on two cores an import of a thousand documents takes the longer of
     * the two halves, not their sum). Close it to stop checking.
     */
    public final class Run implements AutoCloseable {
        private final SourceFiles.Found found;
        private final ExecutorService ahead = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "skillgraph-check-ahead");
            t.setDaemon(true);
            return t;
        });
        private final Iterator<Path> files;
        private final Deque<Future<Checked>> window = new ArrayDeque<>();
        /** What to do with each accepted document on the check-ahead thread; a check waits for it to be given. */
        private final CompletableFuture<Consumer<MappedDocument>> afterAccept = new CompletableFuture<>();

        private Run(SourceFiles.Found found) {
            this.found = found;
            this.files = found.files().iterator();
            while (window.size() < LOOKAHEAD && files.hasNext()) {
                submit(files.next());
            }
        }

        private void submit(Path file) {
            window.add(ahead.submit(() -> {
                Checked c = check(file);
                if (c.accepted()) {
                    afterAccept.get().accept(c.doc());
                }
                return c;
            }));
        }

        /**
         * Work to do on each accepted document on the check-ahead thread, before it is handed on (the importer
         * prepares the document's dump parts there, off the storing thread). Accepted documents wait until it is
         * given; {@link #forEach} gives none (nothing to do) if it was not given before.
         */
        public Run afterAccept(Consumer<MappedDocument> action) {
            afterAccept.complete(action);
            return this;
        }

        /** Hands each outcome to {@code each} in order, one at a time: the paths that could not be used first. */
        public void forEach(Consumer<Checked> each) {
            afterAccept.complete(d -> { });
            for (SourceFiles.Rejection r : found.problems()) {
                each.accept(new Checked(r.path(), null, null, r.message()));
            }
            Map<String, Path> accepted = new HashMap<>();
            while (!window.isEmpty()) {
                Checked c = result(window.poll());
                if (files.hasNext()) {
                    submit(files.next());
                }
                each.accept(deduplicated(c, accepted));
            }
        }

        /** The checker this run belongs to. */
        DocumentChecker checker() {
            return DocumentChecker.this;
        }

        /** The files being checked, and the paths that could not be used. */
        public SourceFiles.Found found() {
            return found;
        }

        @Override
        public void close() {
            ahead.shutdownNow();
        }
    }

    private static Checked result(Future<Checked> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking documents", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The first acceptable file of a document wins; a later one of the same document is refused naming it. */
    private static Checked deduplicated(Checked c, Map<String, Path> accepted) {
        if (!c.accepted()) {
            return c;
        }
        Path first = accepted.putIfAbsent(c.doc().key(), c.file());
        if (first == null) {
            return c;
        }
        return new Checked(c.file(), c.doc(), c.verdict(), c.file() + ": the same document (occupation "
                + c.doc().source().occupation().soc() + ", framework "
                + c.doc().source().frameworks().get(0).version() + ") as " + first
                + " earlier in this batch; the first one was kept");
    }

    /** Reads, maps and validates one file. */
    public Checked check(Path file) {
        MappedDocument mapped;
        try {
            mapped = mapper.map(reader.read(file), clock.instant());
        } catch (SourceException e) {
            return new Checked(file, null, null, e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            // a reader or mapper bug must not cost the rest of the batch: the file is refused, with the cause (a
            // stack overflow too: it is one file's, and its stack is unwound by the time it is caught here)
            return new Checked(file, null, null, file + ": could not be read (an internal error, please report "
                    + "it with the file): " + e);
        }
        Verdict verdict = gate.get().check(mapped.graphName(), mapped.model().getGraph());
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
