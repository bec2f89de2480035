package dev.stook.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * {@link LocalityScorerBenchmark}'s two operations, alternated and timed in thread CPU time, so that
 * their ratio holds on a machine other processes are loading (JMH's wall-clock scores do not).
 * Usage: {@code java -cp benchmarks/target/benchmarks.jar dev.stook.bench.LocalityScorerCpuTime [ops]}.
 */
public final class LocalityScorerCpuTime {
    private static final int WARM_UP_OPS = 15;

    private LocalityScorerCpuTime() {}

    public static void main(String[] args) {
        int ops = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        LocalityScorerBenchmark benchmark = new LocalityScorerBenchmark();
        benchmark.nodes = 5000;
        benchmark.pods = 200;
        benchmark.chunksPerPod = 1000;
        benchmark.nodeRanges = 20;
        benchmark.seed = 20261123L;
        benchmark.buildCluster();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] with = new long[ops];
        long[] without = new long[ops];
        long placed = 0;
        for (int op = -WARM_UP_OPS; op < ops; op++) {
            long start = threads.getCurrentThreadCpuTime();
            placed += benchmark.withLocality().length;
            long middle = threads.getCurrentThreadCpuTime();
            placed += benchmark.withoutLocality().length;
            long end = threads.getCurrentThreadCpuTime();
            if (op >= 0) {
                with[op] = middle - start;
                without[op] = end - middle;
            }
        }
        double withMillis = median(with) / 1e6;
        double withoutMillis = median(without) / 1e6;
        System.out.printf("median CPU per op over %d ops (%d placements): withLocality %.1f ms (%.2f ops/s),"
                        + " withoutLocality %.1f ms (%.2f ops/s), ratio with/without %.2f%n", ops, placed,
                withMillis, 1000 / withMillis, withoutMillis, 1000 / withoutMillis, withoutMillis / withMillis);
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
