package dev.stook.core.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses durations as users write them in annotations and config: {@code 250ms}, {@code 30s}, {@code 5m}, {@code 1h}. */
public final class Durations {
    private static final Pattern SYNTAX = Pattern.compile("([0-9]{1,9})(ms|s|m|h)");

    private Durations() {}

    public static long parseMillis(String text) {
        Matcher m = SYNTAX.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("invalid duration " + InputText.quote(text)
                    + ": expected a whole number with a unit, such as 500ms, 30s, 5m or 1h");
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> amount;
            case "s" -> amount * 1_000;
            case "m" -> amount * 60_000;
            default -> amount * 3_600_000;
        };
    }

    /** The shortest exact form: {@code 300000} → {@code 5m}. */
    public static String format(long millis) {
        if (millis % 3_600_000 == 0 && millis > 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0 && millis > 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1_000 == 0) {
            return millis / 1_000 + "s";
        }
        return millis + "ms";
    }
}
