package dev.stook.core.testing;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Whole numbers from min to max, both included, in steps of step. A range of one value, like a list of one
 * choice, takes nothing from the random, so fixing an option leaves every later draw of a seed as it was.
 */
record RandomRange(long min, long max, long step) {
    static RandomRange between(long min, long max) {
        return new RandomRange(min, max, 1);
    }

    static RandomRange fixed(long value) {
        return new RandomRange(value, value, 1);
    }

    long draw(SplittableRandom random) {
        return min == max ? min : min + step * random.nextInt((int) ((max - min) / step) + 1);
    }

    static <T> T pick(List<T> choices, SplittableRandom random) {
        return choices.get((int) between(0, choices.size() - 1).draw(random));
    }

    /** Whether a one-in-n chance came up; n 0 means never. */
    static boolean oneIn(int n, SplittableRandom random) {
        return n > 0 && random.nextInt(n) == 0;
    }
}
