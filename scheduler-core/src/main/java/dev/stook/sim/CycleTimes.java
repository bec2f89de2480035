package dev.stook.sim;

import java.util.Arrays;

/** Real time the engine spent in each {@code runCycle}, summarised; percentiles are nearest-rank. */
public record CycleTimes(int count, long p50Nanos, long p99Nanos, long maxNanos) {
    public static CycleTimes of(long[] cycleNanos) {
        if (cycleNanos.length == 0) {
            return new CycleTimes(0, 0, 0, 0);
        }
        long[] sorted = cycleNanos.clone();
        Arrays.sort(sorted);
        return new CycleTimes(sorted.length, percentile(sorted, 50), percentile(sorted, 99), sorted[sorted.length - 1]);
    }

    private static long percentile(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }
}
