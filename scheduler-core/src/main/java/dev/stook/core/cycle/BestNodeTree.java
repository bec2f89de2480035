package dev.stook.core.cycle;

import java.util.Arrays;

/**
 * A tournament tree over one equivalence class's spec-feasible nodes (by position in the class): the
 * position with the highest score, lowest position on ties, in O(1), after O(log n) per changed score.
 * A negative score takes no part: the node is refused or reserved.
 */
final class BestNodeTree {
    private final long[] scores;
    private final int leaves;
    /** Heap-ordered: entry 1 is the root; entry {@code leaves + k} is position k; each holds the winning position or -1. */
    private final int[] winners;
    /** Tree entries whose paths wait to be replayed, ascending; the first {@link #stagedCount} count. */
    private int[] staged = new int[16];
    private int stagedCount;

    BestNodeTree(int positions) {
        scores = new long[positions];
        Arrays.fill(scores, -1);
        leaves = Integer.highestOneBit(Math.max(1, positions - 1)) << 1;
        winners = new int[2 * leaves];
        Arrays.fill(winners, -1);
    }

    /** The position with the best score, or -1 when every position takes no part. */
    int best() {
        int top = winners[1];
        return top >= 0 && scores[top] >= 0 ? top : -1;
    }

    /** The score last set for the position: -1 before it is first set. */
    long score(int position) {
        return scores[position];
    }

    /** Sets one score and replays its path to the root. */
    void update(int position, long score) {
        if (scores[position] == score && winners[leaves + position] == position) {
            return;
        }
        scores[position] = score;
        int i = leaves + position;
        winners[i] = position;
        for (i >>= 1; i >= 1; i >>= 1) {
            winners[i] = better(winners[2 * i], winners[2 * i + 1]);
        }
    }

    /**
     * Sets a score and leaves its path to {@link #replayStaged()}, which replays a match shared by several staged
     * paths once. Positions are staged in ascending order.
     */
    void stage(int position, long score) {
        scores[position] = score;
        winners[leaves + position] = position;
        if (stagedCount == staged.length) {
            staged = Arrays.copyOf(staged, 2 * stagedCount);
        }
        staged[stagedCount++] = leaves + position;
    }

    /** Replays the matches above the staged positions level by level up to the root, each once. */
    void replayStaged() {
        int count = stagedCount;
        while (count > 0 && staged[0] > 1) {
            int parents = 0;
            for (int s = 0; s < count; s++) {
                int parent = staged[s] >> 1;
                if (parents == 0 || staged[parents - 1] != parent) {
                    staged[parents++] = parent;
                    winners[parent] = better(winners[2 * parent], winners[2 * parent + 1]);
                }
            }
            count = parents;
        }
        stagedCount = 0;
    }

    /** Sets a score without replaying the tree; call {@link #rebuild()} after a batch of these. */
    void set(int position, long score) {
        scores[position] = score;
        winners[leaves + position] = position;
    }

    /** Replays every match bottom-up: O(n), cheaper than n updates after a batch of {@link #set} calls. */
    void rebuild() {
        for (int i = leaves - 1; i >= 1; i--) {
            winners[i] = better(winners[2 * i], winners[2 * i + 1]);
        }
    }

    private int better(int a, int b) {
        if (a < 0) {
            return b;
        }
        if (b < 0) {
            return a;
        }
        long scoreA = scores[a];
        long scoreB = scores[b];
        if (scoreA != scoreB) {
            return scoreA > scoreB ? a : b;
        }
        return Math.min(a, b);
    }
}
