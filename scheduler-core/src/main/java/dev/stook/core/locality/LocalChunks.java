package dev.stook.core.locality;

import java.util.Arrays;

/**
 * How many chunks of one set of reads each node holds, listed only for the nodes holding some (the
 * holders, in ascending node order); every other node holds none.
 */
public final class LocalChunks {
    private final int[] holders;
    private final long[] chunks;

    private LocalChunks(int[] holders, long[] chunks) {
        this.holders = holders;
        this.chunks = chunks;
    }

    public int holderCount() {
        return holders.length;
    }

    /** The node index of the {@code i}-th holder. */
    public int holder(int i) {
        return holders[i];
    }

    /** How many of the chunks read the {@code i}-th holder holds; more than 0. */
    public long chunks(int i) {
        return chunks[i];
    }

    /** Sums chunk counts per node; a node may be added to many times. */
    static final class Builder {
        private final long[] byNode;
        private int[] touched = new int[16];
        private int touchedCount;

        Builder(int nodeCount) {
            byNode = new long[nodeCount];
        }

        /** Adds a positive count. */
        void add(int node, long count) {
            if (byNode[node] == 0) {
                touch(node);
            }
            byNode[node] += count;
        }

        /** Replaces whatever was added for the node; must come after every {@link #add}. */
        void set(int node, long count) {
            if (byNode[node] == 0 && count > 0) {
                touch(node);
            }
            byNode[node] = count;
        }

        LocalChunks build() {
            Arrays.sort(touched, 0, touchedCount);
            int[] holders = new int[touchedCount];
            long[] chunks = new long[touchedCount];
            int count = 0;
            for (int i = 0; i < touchedCount; i++) {
                int node = touched[i];
                if (byNode[node] > 0) {
                    holders[count] = node;
                    chunks[count++] = byNode[node];
                }
            }
            return new LocalChunks(Arrays.copyOf(holders, count), Arrays.copyOf(chunks, count));
        }

        private void touch(int node) {
            if (touchedCount == touched.length) {
                touched = Arrays.copyOf(touched, 2 * touchedCount);
            }
            touched[touchedCount++] = node;
        }
    }
}
