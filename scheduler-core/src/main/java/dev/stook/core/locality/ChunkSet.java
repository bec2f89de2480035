package dev.stook.core.locality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A set of cache chunks, kept as sorted, disjoint, half-open ranges per dataset, so that a pod reading
 * 100,000 contiguous chunks costs one range. Immutable.
 */
public final class ChunkSet {
    public static final ChunkSet EMPTY = new ChunkSet(new String[0], new long[0][]);

    private final String[] datasets;
    /** Per dataset: {@code start0, end0, start1, end1, ...}, ends exclusive, sorted and not touching. */
    private final long[][] ranges;
    private final long count;
    private final int hash;

    private ChunkSet(String[] datasets, long[][] ranges) {
        this.datasets = datasets;
        this.ranges = ranges;
        long total = 0;
        int h = 1;
        for (int d = 0; d < datasets.length; d++) {
            for (int i = 0; i < ranges[d].length; i += 2) {
                total += ranges[d][i + 1] - ranges[d][i];
            }
            h = 31 * (31 * h + datasets[d].hashCode()) + Arrays.hashCode(ranges[d]);
        }
        this.count = total;
        this.hash = h;
    }

    /** Parses a {@code dataset:range} list such as {@code imagenet:0-1023,logs:7}; see {@link ChunkListParser}. */
    public static ChunkSet parse(String text) {
        return ChunkListParser.parse(text);
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean isEmpty() {
        return count == 0;
    }

    /** How many chunks the set holds. */
    public long count() {
        return count;
    }

    public int rangeCount() {
        int total = 0;
        for (long[] r : ranges) {
            total += r.length / 2;
        }
        return total;
    }

    int datasetCount() {
        return datasets.length;
    }

    String dataset(int d) {
        return datasets[d];
    }

    /** The dataset's ranges as {@code start0, end0, start1, end1, ...}; the caller must not modify them. */
    long[] ranges(int d) {
        return ranges[d];
    }

    /** How many of this set's chunks the other set holds too, computed over ranges. */
    public long overlapCount(ChunkSet other) {
        long shared = 0;
        for (int d = 0; d < datasets.length; d++) {
            int o = Arrays.binarySearch(other.datasets, datasets[d]);
            if (o >= 0) {
                shared += overlap(ranges[d], other.ranges[o]);
            }
        }
        return shared;
    }

    /**
     * One binary search finds where the other set's ranges start to matter; from there both lists are
     * walked together, and the walk stops as soon as either runs out. A node holding nothing near the
     * pod's chunks costs one search, however many ranges the pod reads.
     */
    private static long overlap(long[] mine, long[] theirs) {
        long shared = 0;
        int pairs = theirs.length / 2;
        int j = firstEndingAfter(theirs, pairs, mine[0]);
        for (int i = 0; i < mine.length && j < pairs; i += 2) {
            long start = mine[i];
            long end = mine[i + 1];
            while (j < pairs && theirs[2 * j + 1] <= start) {
                j++;
            }
            for (int k = j; k < pairs && theirs[2 * k] < end; k++) {
                shared += Math.min(end, theirs[2 * k + 1]) - Math.max(start, theirs[2 * k]);
            }
        }
        return shared;
    }

    /** The first range (by pair index) whose exclusive end lies after {@code chunk}. */
    private static int firstEndingAfter(long[] ranges, int pairs, long chunk) {
        int low = 0;
        int high = pairs;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (ranges[2 * mid + 1] <= chunk) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** Every chunk of any of the sets. */
    public static ChunkSet union(Collection<ChunkSet> sets) {
        Builder builder = new Builder();
        for (ChunkSet set : sets) {
            builder.addAll(set);
        }
        return builder.build();
    }

    /**
     * The {@code length} chunks starting at position {@code offset} of this set, counting datasets in
     * name order and chunks in ascending order. Used to cut a dataset into shards.
     */
    public ChunkSet slice(long offset, long length) {
        Builder builder = new Builder();
        long skip = offset;
        long wanted = length;
        for (int d = 0; d < datasets.length && wanted > 0; d++) {
            for (int i = 0; i < ranges[d].length && wanted > 0; i += 2) {
                long size = ranges[d][i + 1] - ranges[d][i];
                if (skip >= size) {
                    skip -= size;
                    continue;
                }
                long take = Math.min(size - skip, wanted);
                builder.addRange(datasets[d], ranges[d][i] + skip, ranges[d][i] + skip + take);
                wanted -= take;
                skip = 0;
            }
        }
        return builder.build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChunkSet other && hash == other.hash && Arrays.equals(datasets, other.datasets)
                && Arrays.deepEquals(ranges, other.ranges);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** The set in the annotation syntax, so that {@code parse(toString())} gives it back. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (int d = 0; d < datasets.length; d++) {
            for (int i = 0; i < ranges[d].length; i += 2) {
                if (!out.isEmpty()) {
                    out.append(',');
                }
                out.append(datasets[d]).append(':').append(ranges[d][i]);
                if (ranges[d][i + 1] - ranges[d][i] > 1) {
                    out.append('-').append(ranges[d][i + 1] - 1);
                }
            }
        }
        return out.toString();
    }

    /** Collects ranges in any order, overlapping or not; {@link #build()} sorts and merges them. */
    public static final class Builder {
        private final Map<String, List<long[]>> byDataset = new TreeMap<>();

        /** Adds chunks {@code start} (inclusive) to {@code end} (exclusive). */
        public Builder addRange(String dataset, long start, long end) {
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("bad chunk range " + start + ".." + end);
            }
            if (end > start) {
                byDataset.computeIfAbsent(dataset, k -> new ArrayList<>()).add(new long[] {start, end});
            }
            return this;
        }

        public Builder addAll(ChunkSet set) {
            for (int d = 0; d < set.datasets.length; d++) {
                for (int i = 0; i < set.ranges[d].length; i += 2) {
                    addRange(set.datasets[d], set.ranges[d][i], set.ranges[d][i + 1]);
                }
            }
            return this;
        }

        public ChunkSet build() {
            if (byDataset.isEmpty()) {
                return EMPTY;
            }
            String[] datasets = byDataset.keySet().toArray(String[]::new);
            long[][] ranges = new long[datasets.length][];
            for (int d = 0; d < datasets.length; d++) {
                ranges[d] = merged(byDataset.get(datasets[d]));
            }
            return new ChunkSet(datasets, ranges);
        }

        private static long[] merged(List<long[]> pieces) {
            pieces.sort((a, b) -> Long.compare(a[0], b[0]));
            long[] out = new long[pieces.size() * 2];
            int n = 0;
            for (long[] piece : pieces) {
                if (n > 0 && piece[0] <= out[n - 1]) {
                    out[n - 1] = Math.max(out[n - 1], piece[1]);
                } else {
                    out[n++] = piece[0];
                    out[n++] = piece[1];
                }
            }
            return Arrays.copyOf(out, n);
        }
    }
}
