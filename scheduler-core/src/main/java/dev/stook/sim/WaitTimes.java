package dev.stook.sim;

import java.util.Arrays;

/** How long pods waited from arrival to bind, in virtual milliseconds. Percentiles are nearest-rank. */
public record WaitTimes(int count, double meanMillis, long p50Millis, long p99Millis, long maxMillis) {
    public static WaitTimes of(long[] waits) {
        if (waits.length == 0) {
            return new WaitTimes(0, 0, 0, 0, 0);
        }
        long[] sorted = waits.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (long wait : sorted) {
            sum += wait;
        }
        return new WaitTimes(sorted.length, sum / sorted.length, percentile(sorted, 50), percentile(sorted, 99),
                sorted[sorted.length - 1]);
    }

    private static long percentile(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }
}
