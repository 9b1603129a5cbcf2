package org.skillgraph.harvest;

import java.util.Arrays;
import java.util.UUID;

/**
 * Which document holds an association. Association identifiers are one-way hashes (UUID v5), so finding one
 * by its identifier needs an index; this one keeps each as two longs and an int in sorted arrays
 * (20 bytes an association instead of about 80 in a hash map), looked up by binary search.
 */
final class AssociationIndex {
    private final long[] high;
    private final long[] low;
    private final int[] document;

    private AssociationIndex(long[] high, long[] low, int[] document) {
        this.high = high;
        this.low = low;
        this.document = document;
    }

    /** Collects (association, document number) pairs, then {@link #build()}s the index. */
    static final class Builder {
        private long[] high = new long[1024];
        private long[] low = new long[1024];
        private int[] document = new int[1024];
        private int size;

        void add(UUID association, int documentNumber) {
            if (size == high.length) {
                high = Arrays.copyOf(high, size * 2);
                low = Arrays.copyOf(low, size * 2);
                document = Arrays.copyOf(document, size * 2);
            }
            high[size] = association.getMostSignificantBits();
            low[size] = association.getLeastSignificantBits();
            document[size] = documentNumber;
            size++;
        }

        AssociationIndex build() {
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> compare(high[a], low[a], high[b], low[b]));
            long[] h = new long[size];
            long[] l = new long[size];
            int[] d = new int[size];
            for (int i = 0; i < size; i++) {
                h[i] = high[order[i]];
                l[i] = low[order[i]];
                d[i] = document[order[i]];
            }
            return new AssociationIndex(h, l, d);
        }
    }

    int size() {
        return high.length;
    }

    /** The document number of an association, or -1 when no document has it. */
    int documentOf(UUID association) {
        long h = association.getMostSignificantBits();
        long l = association.getLeastSignificantBits();
        int lo = 0;
        int hi = high.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = compare(high[mid], low[mid], h, l);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return document[mid];
            }
        }
        return -1;
    }

    private static int compare(long h1, long l1, long h2, long l2) {
        int c = Long.compare(h1, h2);
        return c != 0 ? c : Long.compare(l1, l2);
    }
}
