package org.skillgraph.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.junit.jupiter.api.Test;

/** The server's caches never keep what a transaction older than the last change saw. */
class LiveDataTest {
    final Dataset ds = DatasetFactory.createTxnMem();
    final LiveData live = new LiveData(Instant.EPOCH);
    final LiveData.Cache<String, String> cache = live.cache(100);

    @Test
    void aValueIsMadeOncePerGenerationAndDroppedWhenTheDataChanges() {
        AtomicInteger made = new AtomicInteger();
        live.read(ds, () -> cache.get("k", () -> "v" + made.incrementAndGet()));
        assertEquals("v1", live.read(ds, () -> cache.get("k", () -> "v" + made.incrementAndGet())));
        live.changed(Instant.parse("2026-05-20T10:00:00Z"));
        assertEquals(0, cache.size());
        assertEquals("v2", live.read(ds, () -> cache.get("k", () -> "v" + made.incrementAndGet())));
        assertEquals(Instant.parse("2026-05-20T10:00:00Z"), live.lastModified());
        assertEquals(2, live.generation());
    }

    @Test
    void whileAnImportCommitsNoRequestReadsOrKeepsCachedValues() {
        live.read(ds, () -> cache.get("k", () -> "the old data's"));
        live.changing(); // the commit is about to make the new data visible
        // a request beginning now may see the new data: the old data's value is not given to it, nor is its own kept
        assertEquals("its own", live.read(ds, () -> cache.get("k", () -> "its own")));
        assertEquals("its own again", live.read(ds, () -> cache.get("k", () -> "its own again")));
        assertEquals(1, live.generation(), "odd while the commit is under way");
        live.changed(Instant.now());
        assertEquals(0, cache.size());
        assertEquals("new", live.read(ds, () -> cache.get("k", () -> "new")));
        assertEquals("new", live.read(ds, () -> cache.get("k", () -> "not made")));
        // a commit that failed ends the same way: the caches are used again, emptied
        live.changing();
        live.changed(live.lastModified());
        assertEquals(4, live.generation());
        assertEquals("made again", live.read(ds, () -> cache.get("k", () -> "made again")));
    }

    @Test
    void aRequestThatBeganBeforeAChangeNeitherKeepsNorReadsCachedValues() {
        // the change lands while a request is reading: what it makes may come from the old data
        String seen = live.read(ds, () -> {
            live.changed(Instant.now());
            return cache.get("k", () -> "old");
        });
        assertEquals("old", seen);
        assertEquals(0, cache.size());
        live.read(ds, () -> cache.get("k", () -> "new"));
        // a request still in the older generation does not read the newer value either
        LiveData.Cache<String, String> other = live.cache(100);
        String stale = live.read(ds, () -> {
            live.changed(Instant.now());
            Thread t = new Thread(() -> live.read(ds, () -> other.get("k", () -> "newest")));
            t.start();
            try {
                t.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return other.get("k", () -> "made from its own snapshot");
        });
        assertEquals("made from its own snapshot", stale);
        assertEquals("newest", live.read(ds, () -> other.get("k", () -> "again")));
    }

    @Test
    void outsideAReadNothingIsKept() {
        assertEquals("v", cache.get("k", () -> "v"));
        assertEquals(0, cache.size());
    }

    @Test
    void aFullCacheKeepsWhatIsAskedForOftenAndStaysBounded() {
        LiveData.Cache<Integer, Integer> small = live.cache(100);
        AtomicInteger made = new AtomicInteger();
        live.read(ds, () -> {
            for (int i = 0; i < 10_000; i++) {
                int n = i;
                small.get(n, () -> n); // resources each linked once, a hundred times more than the cache holds
                assertTrue(small.size() <= 100, "bounded: " + small.size());
                if (i % 20 == 0) {
                    small.get(-1, () -> made.incrementAndGet()); // a hub, linked from one description in twenty
                }
            }
            return null;
        });
        assertEquals(1, made.get(), "the hub was made once and kept");
    }
}
