package org.skillgraph.serve;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.jena.query.Dataset;
import org.apache.jena.atlas.lib.CacheFactory;
import org.apache.jena.system.Txn;

/**
 * The store as a running server sees it: which version of the data it serves (a generation number, raised
 * after each import commits), when the data last changed, and the caches made from it.
 * <p>
 * A request reads the store through {@link #read}, which notes the generation before the read transaction
 * begins. A cache answers and keeps values only for a request that began in the current generation, and a
 * value kept just as the generation moved on is taken out again, so a cache never holds what a transaction
 * older than the last import saw. An import's commit is bracketed: {@link #changing} just before it (the
 * generation becomes odd: while it is, no request uses a cache, since its transaction may see the data before
 * or after the commit), {@link #changed} after it (the generation moves on to the next even number and every
 * cache is emptied). Without the first, a request whose transaction began just after the commit and before
 * {@link #changed} read the new data and the caches' values of the old together. Outside {@link #read} the
 * caches are not used at all.
 */
final class LiveData {
    private final AtomicLong generation = new AtomicLong();
    private final List<Cache<?, ?>> caches = new CopyOnWriteArrayList<>();
    private final List<Runnable> onChange = new CopyOnWriteArrayList<>();
    /** The generation the current thread's outermost {@link #read} began in, or -1 outside one. */
    private final ThreadLocal<long[]> started = ThreadLocal.withInitial(() -> new long[] {-1});
    private volatile Instant lastModified;

    LiveData(Instant lastModified) {
        this.lastModified = lastModified;
    }

    /** When the data last changed (for Last-Modified). */
    Instant lastModified() {
        return lastModified;
    }

    /** The data's generation: it moves on with each import (odd while one commits), never back. */
    long generation() {
        return generation.get();
    }

    /** Runs {@code action} in a read transaction of {@code dataset}, with the caches of this generation. */
    <T> T read(Dataset dataset, Supplier<T> action) {
        long[] s = started.get();
        long outer = s[0];
        if (outer < 0) {
            s[0] = generation.get(); // before the transaction begins: it sees this generation's data or newer
        }
        try {
            return Txn.calculateRead(dataset, action);
        } finally {
            s[0] = outer;
        }
    }

    /** The data is about to change (an import is committing): until {@link #changed}, no request uses a cache. */
    void changing() {
        generation.updateAndGet(g -> (g & 1) == 0 ? g + 1 : g);
    }

    /**
     * The data changed (an import committed, or its commit failed after {@link #changing}): later requests see it,
     * and no cache keeps what was made before.
     */
    void changed(Instant modified) {
        lastModified = modified;
        generation.updateAndGet(g -> (g & 1) == 0 ? g + 2 : g + 1);
        caches.forEach(Cache::clear);
        onChange.forEach(Runnable::run);
    }

    /** The store's commits, bracketed as {@link #changing} and {@link #changed} say. */
    org.skillgraph.store.GraphStore.CommitWatcher commitWatcher() {
        return new org.skillgraph.store.GraphStore.CommitWatcher() {
            @Override
            public void committing() {
                changing();
            }

            @Override
            public void committed() {
                changed(lastModified);
            }
        };
    }

    /** Runs {@code action} after each change of the data, once the generation has moved on (to empty a cache). */
    void onChange(Runnable action) {
        onChange.add(action);
    }

    /**
     * A new cache of at most {@code max} entries, emptied whenever the data changes. When full it drops the
     * entries least likely to be asked for again (Jena's cache, Caffeine's W-TinyLFU), so the resources linked to
     * most often stay however many others pass through. It stays bounded whoever chooses the keys (some are a
     * request's Host header).
     */
    <K, V> Cache<K, V> cache(int max) {
        Cache<K, V> c = new Cache<>(max);
        caches.add(c);
        return c;
    }

    private boolean current() {
        long s = started.get()[0];
        return s >= 0 && (s & 1) == 0 && s == generation.get();
    }

    /** Values made from the data, by key; see {@link LiveData}. */
    final class Cache<K, V> {
        private final org.apache.jena.atlas.lib.Cache<K, V> map;

        private Cache(int max) {
            this.map = CacheFactory.createCache(max);
        }

        /** The value for {@code key}: kept, or made by {@code make} (inside {@link #read}) and kept. */
        V get(K key, Supplier<V> make) {
            if (!current()) {
                return make.get();
            }
            V v = map.getIfPresent(key);
            if (v != null) {
                return v;
            }
            v = make.get();
            map.put(key, v);
            if (!current()) {
                // the data changed while it was made (clear() may already have run): take it out again; a value
                // another request kept meanwhile for the new data goes too, which only costs that request's successor a miss
                map.remove(key);
            }
            return v;
        }

        long size() {
            return map.size();
        }

        private void clear() {
            map.clear();
        }
    }
}
