package dev.stook.fuzz;

import java.util.stream.LongStream;

/**
 * The seeds of a kind's cases: derived from {@code -Dstook.fuzz.seed} (default fixed) so every run is the
 * same, or just the one seed given as {@code -Dstook.fuzz.case} to replay a failure.
 */
public final class FuzzSeeds {
    private static final long DEFAULT_SEED = 20_260_101L;

    private FuzzSeeds() {}

    public static LongStream of(String kind, int cases) {
        String replay = System.getProperty("stook.fuzz.case");
        if (replay != null) {
            return LongStream.of(Long.parseLong(replay));
        }
        long base = Long.getLong("stook.fuzz.seed", DEFAULT_SEED) * 31 + kind.hashCode();
        return LongStream.range(0, cases).map(i -> mix(base + i));
    }

    /** SplitMix64's finaliser: neighbouring case numbers get unrelated seeds. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
