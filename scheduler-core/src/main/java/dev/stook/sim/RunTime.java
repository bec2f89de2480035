package dev.stook.sim;

import java.util.SplittableRandom;

/** How long a job's pods run once bound. */
public sealed interface RunTime {
    long sampleMillis(SplittableRandom random);

    record Fixed(long millis) implements RunTime {
        @Override
        public long sampleMillis(SplittableRandom random) {
            return millis;
        }
    }

    /** Uniform over {@code [minMillis, maxMillis]}, whole milliseconds. */
    record Uniform(long minMillis, long maxMillis) implements RunTime {
        @Override
        public long sampleMillis(SplittableRandom random) {
            return minMillis == maxMillis ? minMillis : random.nextLong(minMillis, maxMillis + 1);
        }
    }
}
