package dev.stook.core.locality;

/**
 * Bounds on what the index learns from finished pods.
 *
 * @param learnedTtlMillis  a learned location is forgotten this long after it was last learned
 * @param learnedMaxRanges  at most this many chunk ranges are remembered over all learned locations;
 *                          the least useful are dropped first
 */
public record ChunkIndexSettings(long learnedTtlMillis, long learnedMaxRanges) {
    public static final ChunkIndexSettings DEFAULTS = new ChunkIndexSettings(3_600_000, 1_000_000);

    public ChunkIndexSettings {
        if (learnedTtlMillis <= 0 || learnedMaxRanges <= 0) {
            throw new IllegalArgumentException("learned locality TTL and maximum size must be positive");
        }
    }
}
