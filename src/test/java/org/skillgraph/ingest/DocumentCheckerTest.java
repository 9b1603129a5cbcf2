package org.skillgraph.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.skillgraph.validate.QualityGate;

/**
 * A run of the checker begins at {@link DocumentChecker#start}, on its own thread, before anyone asks for its
 * outcomes: the {@code ingest} command opens the store meanwhile.
 */
class DocumentCheckerTest {
    static final String BASE = "http://localhost:3030/";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-20T10:00:00Z"), ZoneOffset.UTC);
    static final List<Path> SEEDS = List.of(Path.of("seeds/29-2099.00.json"), Path.of("seeds/29-2011.00.txt"));

    /** The standard gate, noting the thread that first asked for it. */
    static final class WatchedGate implements Supplier<QualityGate> {
        final CountDownLatch asked = new CountDownLatch(1);
        final AtomicReference<Thread> thread = new AtomicReference<>();

        @Override
        public QualityGate get() {
            thread.compareAndSet(null, Thread.currentThread());
            asked.countDown();
            return QualityGate.standard();
        }
    }

    @Test
    void theFirstDocumentIsCheckedBeforeTheOutcomesAreAskedFor() throws InterruptedException {
        WatchedGate gate = new WatchedGate();
        DocumentChecker checker = new DocumentChecker(BASE, gate, CLOCK);
        try (DocumentChecker.Run run = checker.start(SourceFiles.expand(SEEDS))) {
            assertTrue(gate.asked.await(60, TimeUnit.SECONDS), "no document was validated before forEach");
            assertEquals("skillgraph-check-ahead", gate.thread.get().getName());
            List<String> files = new ArrayList<>();
            run.forEach(c -> {
                assertTrue(c.accepted(), String.valueOf(c.error()));
                files.add(c.file().getFileName().toString());
            });
            assertEquals(List.of("29-2099.00.json", "29-2011.00.txt"), files);
        }
    }

    @Test
    void acceptedDocumentsWaitForTheWorkGivenOnceTheStoreIsOpen() throws InterruptedException {
        WatchedGate gate = new WatchedGate();
        try (DocumentChecker.Run run = new DocumentChecker(BASE, gate, CLOCK).start(SourceFiles.expand(SEEDS))) {
            assertTrue(gate.asked.await(60, TimeUnit.SECONDS));
            List<String> done = new CopyOnWriteArrayList<>();
            List<String> threads = new CopyOnWriteArrayList<>();
            run.afterAccept(d -> {
                done.add(d.graphName());
                threads.add(Thread.currentThread().getName());
            });
            List<String> handed = new ArrayList<>();
            run.forEach(c -> {
                // the work is done on the check-ahead thread before the outcome is handed on
                assertTrue(done.contains(c.doc().graphName()), c.doc().graphName() + " handed on before its work");
                handed.add(c.doc().graphName());
            });
            assertEquals(handed, done);
            assertEquals(List.of("skillgraph-check-ahead", "skillgraph-check-ahead"), threads);
        }
    }

    @Test
    void aRunClosedUnreadStopsItsThread() throws InterruptedException {
        WatchedGate gate = new WatchedGate();
        DocumentChecker.Run run = new DocumentChecker(BASE, gate, CLOCK).start(SourceFiles.expand(SEEDS));
        assertTrue(gate.asked.await(60, TimeUnit.SECONDS));
        // the first accepted document now waits for the work an importer would give it; the store could not be opened
        run.close();
        Thread ahead = gate.thread.get();
        ahead.join(TimeUnit.SECONDS.toMillis(30));
        assertFalse(ahead.isAlive(), "the check-ahead thread still runs after close");
    }
}
