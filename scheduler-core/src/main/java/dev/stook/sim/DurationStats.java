package dev.stook.sim;

import java.util.Arrays;

/** A set of virtual-time durations (waits, job completion times) summarised; percentiles are nearest-rank. */
public record DurationStats(int count, double meanMillis, long p50Millis, long p99Millis, long maxMillis) {
    public static DurationStats of(long[] durations) {
        if (durations.length == 0) {
            return new DurationStats(0, 0, 0, 0, 0);
        }
        long[] sorted = durations.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (long duration : sorted) {
            sum += duration;
        }
        return new DurationStats(sorted.length, sum / sorted.length, percentile(sorted, 50), percentile(sorted, 99),
                sorted[sorted.length - 1]);
    }

    private static long percentile(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }
}
