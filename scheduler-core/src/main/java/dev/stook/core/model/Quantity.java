package dev.stook.core.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses Kubernetes quantity strings ({@code 500m}, {@code 2}, {@code 1.5Gi}, {@code 129e6}) into whole
 * base units. Like Kubernetes, fractions are rounded up: {@code 0.5m} of cpu is one millicore.
 */
public final class Quantity {
    private static final int MAX_LENGTH = 64;
    private static final Pattern SYNTAX =
            Pattern.compile("([+-]?)([0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?[0-9]{1,3})?");
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private Quantity() {}

    /** The quantity in base units (bytes, cores, devices), rounded up. */
    public static long parseUnits(String text) {
        return toLong(parse(text), text);
    }

    /** The quantity in thousandths of a base unit (millicores), rounded up. */
    public static long parseMillis(String text) {
        return toLong(parse(text).movePointRight(3), text);
    }

    /** Parses a non-negative quantity exactly; throws {@link IllegalArgumentException} naming the problem. */
    public static BigDecimal parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("empty quantity");
        }
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("quantity " + InputText.quote(text) + " is longer than "
                    + MAX_LENGTH + " characters");
        }
        Matcher m = SYNTAX.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("invalid quantity " + InputText.quote(text)
                    + ": expected a number with an optional suffix such as m, k, M, G, Ki, Mi, Gi or e6");
        }
        if (m.group(1).equals("-")) {
            throw new IllegalArgumentException("invalid quantity " + InputText.quote(text) + ": must not be negative");
        }
        BigDecimal number = new BigDecimal(m.group(2).endsWith(".") ? m.group(2) + "0" : m.group(2));
        String suffix = m.group(3);
        return suffix == null ? number : applySuffix(number, suffix);
    }

    private static BigDecimal applySuffix(BigDecimal number, String suffix) {
        return switch (suffix) {
            case "n" -> number.movePointLeft(9);
            case "u" -> number.movePointLeft(6);
            case "m" -> number.movePointLeft(3);
            case "k" -> number.movePointRight(3);
            case "M" -> number.movePointRight(6);
            case "G" -> number.movePointRight(9);
            case "T" -> number.movePointRight(12);
            case "P" -> number.movePointRight(15);
            case "E" -> number.movePointRight(18);
            case "Ki" -> number.multiply(binary(10));
            case "Mi" -> number.multiply(binary(20));
            case "Gi" -> number.multiply(binary(30));
            case "Ti" -> number.multiply(binary(40));
            case "Pi" -> number.multiply(binary(50));
            case "Ei" -> number.multiply(binary(60));
            default -> number.scaleByPowerOfTen(Integer.parseInt(suffix.substring(1)));
        };
    }

    private static BigDecimal binary(int power) {
        return new BigDecimal(BigInteger.ONE.shiftLeft(power));
    }

    private static long toLong(BigDecimal value, String text) {
        BigDecimal whole = value.setScale(0, RoundingMode.CEILING);
        if (whole.compareTo(LONG_MAX) > 0) {
            throw new IllegalArgumentException("quantity " + InputText.quote(text) + " is too large");
        }
        return whole.longValueExact();
    }

    /** Formats base units the way a person reads them: {@code 1536Mi}, {@code 2}, {@code 500m}. */
    public static String format(long value, boolean millis) {
        if (millis) {
            return value % 1000 == 0 ? Long.toString(value / 1000) : value + "m";
        }
        String[] suffixes = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
        int step = 0;
        long scaled = value;
        while (scaled != 0 && scaled % 1024 == 0 && step < suffixes.length - 1) {
            scaled /= 1024;
            step++;
        }
        return scaled + suffixes[step];
    }
}
