package dev.stook.sim;

/** Formats report durations for people: {@code 850ms}, {@code 12.5s}, {@code 3m 20s}, {@code 1h 05m}. */
final class ReadableDuration {
    private ReadableDuration() {}

    static String format(double millis) {
        if (millis < 1_000) {
            return Math.round(millis) + "ms";
        }
        if (millis < 60_000) {
            return String.format(java.util.Locale.ROOT, "%.1fs", millis / 1_000);
        }
        long seconds = Math.round(millis / 1_000);
        if (seconds < 3_600) {
            return String.format(java.util.Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
        }
        return String.format(java.util.Locale.ROOT, "%dh %02dm", seconds / 3_600, seconds % 3_600 / 60);
    }
}
