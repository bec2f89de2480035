package dev.stook.sim;

import java.util.SplittableRandom;

/** How far apart the jobs of a workload arrive. */
public sealed interface Arrival {
    long nextGapMillis(SplittableRandom random);

    /** One job every {@code intervalMillis}. */
    record Every(long intervalMillis) implements Arrival {
        @Override
        public long nextGapMillis(SplittableRandom random) {
            return intervalMillis;
        }
    }

    /** A Poisson stream: exponential gaps with the given mean, rounded to whole milliseconds. */
    record Exponential(long meanMillis) implements Arrival {
        @Override
        public long nextGapMillis(SplittableRandom random) {
            return Math.round(-meanMillis * Math.log(1 - random.nextDouble()));
        }
    }
}
