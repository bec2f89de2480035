package dev.stook.k8s.bind;

/** Exponential backoff for failed bindings: initial, doubled per further failure, capped. */
public record Backoff(long initialMillis, long maxMillis) {
    public long delayMillis(int failures) {
        if (failures <= 1) {
            return initialMillis;
        }
        int doublings = Math.min(failures - 1, 30);
        return Math.min(maxMillis, initialMillis << Math.min(doublings, Long.numberOfLeadingZeros(initialMillis) - 1));
    }
}
