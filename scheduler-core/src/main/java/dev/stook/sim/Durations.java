package dev.stook.sim;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses virtual-time durations written as a whole number and a unit: {@code 100ms}, {@code 2s}, {@code 5m}, {@code 1h}. */
public final class Durations {
    private static final Pattern SYNTAX = Pattern.compile("([0-9]{1,12})(ms|s|m|h)");

    private Durations() {}

    /** The duration in milliseconds; throws {@link IllegalArgumentException} naming the expected form. */
    public static long parseMillis(String text) {
        Matcher m = SYNTAX.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("invalid duration \"" + text
                    + "\": expected a whole number with a unit ms, s, m or h, e.g. 100ms, 2s, 5m, 1h");
        }
        long amount = Long.parseLong(m.group(1));
        long unit = switch (m.group(2)) {
            case "ms" -> 1;
            case "s" -> 1_000;
            case "m" -> 60_000;
            default -> 3_600_000;
        };
        return amount * unit;
    }

    /** Formats milliseconds compactly for reports: {@code 850ms}, {@code 12.5s}, {@code 3m 20s}, {@code 1h 05m}. */
    public static String format(double millis) {
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
