package dev.stook.core.testing;

import dev.stook.core.locality.ChunkSet;

import java.util.SplittableRandom;

/** Chunk sets, as nodes cache and pods read them, drawn from a test's seeded random. */
public final class RandomChunks {
    private RandomChunks() {}

    /** One range of 21 to 120 chunks of dataset d starting at a multiple of 50 below 1000, so draws often overlap. */
    public static ChunkSet range(SplittableRandom random) {
        long start = 50L * random.nextInt(20);
        return ChunkSet.parse("d:" + start + "-" + (start + 20 + random.nextInt(100)));
    }

    /**
     * Up to 11 ranges over datasets d and e, each starting below chunk 2,000: most 1 to 40 chunks long, one in
     * ten up to 1,499. Sometimes none at all.
     */
    public static ChunkSet scattered(SplittableRandom random) {
        ChunkSet.Builder builder = ChunkSet.builder();
        for (int r = random.nextInt(12); r > 0; r--) {
            long start = random.nextLong(2_000);
            long length = random.nextInt(10) == 0 ? random.nextLong(1_500) : 1 + random.nextLong(40);
            builder.addRange(random.nextBoolean() ? "d" : "e", start, start + length);
        }
        return builder.build();
    }
}
