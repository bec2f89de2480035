package dev.stook.core.locality;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The ranges of one dataset cached on any node, as an interval tree: ranges sorted by start, the tree
 * implicit in the array (each subarray's middle is its root), and per root the largest end below it. A
 * search for the ranges overlapping a read range skips every subtree ending before the read starts and
 * everything starting after it ends, so it costs about the logarithm of the range count plus the hits.
 */
final class CachedRanges {
    /** A range of chunks cached on one node. */
    record Held(long start, long end, int node) {}

    private final long[] starts;
    private final long[] ends;
    private final int[] nodes;
    private final long[] maxEndBelow;

    CachedRanges(List<Held> held) {
        Held[] sorted = held.toArray(Held[]::new);
        Arrays.sort(sorted, Comparator.comparingLong(Held::start));
        starts = new long[sorted.length];
        ends = new long[sorted.length];
        nodes = new int[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            starts[i] = sorted[i].start();
            ends[i] = sorted[i].end();
            nodes[i] = sorted[i].node();
        }
        maxEndBelow = new long[sorted.length];
        fillMaxEnds(0, sorted.length);
    }

    /** Adds, per node, how many chunks of {@code start} (inclusive) to {@code end} (exclusive) it holds. */
    void addOverlaps(long start, long end, LocalChunks.Builder local) {
        addOverlaps(0, starts.length, start, end, local);
    }

    private void addOverlaps(int low, int high, long start, long end, LocalChunks.Builder local) {
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (maxEndBelow[mid] <= start) {
                return;
            }
            addOverlaps(low, mid, start, end, local);
            if (starts[mid] >= end) {
                return;
            }
            if (ends[mid] > start) {
                local.add(nodes[mid], Math.min(end, ends[mid]) - Math.max(start, starts[mid]));
            }
            low = mid + 1;
        }
    }

    private long fillMaxEnds(int low, int high) {
        if (low >= high) {
            return Long.MIN_VALUE;
        }
        int mid = (low + high) >>> 1;
        long max = Math.max(ends[mid], Math.max(fillMaxEnds(low, mid), fillMaxEnds(mid + 1, high)));
        maxEndBelow[mid] = max;
        return max;
    }
}
