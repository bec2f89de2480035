package dev.stook.fuzz;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded malformed text: valid inputs mutated (truncated, spliced, duplicated, characters replaced,
 * numbers inflated, nested, unicode or control characters inserted, repeated to megabytes) or plain
 * garbage. The same seed gives the same text, so a failing case is reproduced from its seed alone.
 */
public final class MalformedText {
    private static final String[] ODD_CHARACTERS = {
        ":", ",", "-", ".", "/", "=", " ", "\t", "\n", "\r\n", "\"", "'", "\\", "{", "}", "[", "]", "&", "*", "!",
        "#", "%", "@", "|", ">", "?", "\u0000", "\u0007", "\u001b", "\u007f", "\u00a0", "\u200b", "\u202e", "\ufeff",
        "\ud800", "\udfff", "\ud83d\ude80", "\u0663", "\uff11", "\u00e9", "e\u0301", "\u4e2d", "\u2028"};
    private static final String[] ODD_NUMBERS = {
        "0", "-1", "-0", "00", "1.5", ".", "1e309", "1e-999", "9223372036854775807", "9223372036854775808",
        "99999999999999999999999999999999", "2147483648", "-9223372036854775808", "NaN", "Infinity", "0x1F",
        "1_000", "+5", "\u0661\u0662", "1e3", "1E18", "0.0000000001", "18446744073709551616"};
    static final int MEGABYTE = 1 << 20;

    private final SplittableRandom random;
    private final List<String> corpus;

    /** @param corpus valid inputs of one kind; mutations start from one of them and splice in others */
    public MalformedText(long seed, List<String> corpus) {
        this.random = new SplittableRandom(seed);
        this.corpus = List.copyOf(corpus);
    }

    /** One malformed input: mostly one to three mutations of a valid one, sometimes garbage. */
    public String next() {
        if (random.nextInt(10) == 0) {
            return garbage();
        }
        String text = pick(corpus);
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            text = mutate(text);
        }
        return text;
    }

    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    public boolean chance(int oneIn) {
        return random.nextInt(oneIn) == 0;
    }

    public <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    private String mutate(String text) {
        return switch (random.nextInt(9)) {
            case 0 -> truncate(text);
            case 1 -> splice(text, pick(corpus));
            case 2 -> duplicate(text);
            case 3 -> replaceCharacters(text);
            case 4 -> inflateNumber(text);
            case 5 -> nest(text);
            case 6 -> insert(text, pick(List.of(ODD_CHARACTERS)));
            case 7 -> random.nextInt(50) == 0 ? repeatToMegabyte(text) : duplicate(duplicate(text));
            default -> insert(text, pick(List.of(ODD_NUMBERS)));
        };
    }

    private String truncate(String text) {
        return text.substring(0, random.nextInt(text.length() + 1));
    }

    private String splice(String text, String other) {
        int cut = random.nextInt(text.length() + 1);
        int from = random.nextInt(other.length() + 1);
        return text.substring(0, cut) + other.substring(from);
    }

    private String duplicate(String text) {
        if (text.isEmpty()) {
            return text;
        }
        int start = random.nextInt(text.length());
        int end = start + 1 + random.nextInt(text.length() - start);
        return text.substring(0, end) + text.substring(start);
    }

    private String replaceCharacters(String text) {
        StringBuilder out = new StringBuilder(text);
        int replacements = 1 + random.nextInt(4);
        for (int i = 0; i < replacements && !out.isEmpty(); i++) {
            int at = random.nextInt(out.length());
            out.replace(at, at + 1, pick(List.of(ODD_CHARACTERS)));
        }
        return out.toString();
    }

    private String inflateNumber(String text) {
        int digit = -1;
        for (int i = random.nextInt(text.length() + 1); i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                digit = i;
                break;
            }
        }
        if (digit < 0) {
            return insert(text, pick(List.of(ODD_NUMBERS)));
        }
        int end = digit;
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
        }
        return text.substring(0, digit) + pick(List.of(ODD_NUMBERS)) + text.substring(end);
    }

    private String nest(String text) {
        int depth = random.nextInt(3) == 0 ? 100 + random.nextInt(5_000) : 1 + random.nextInt(10);
        String open = pick(List.of("[", "{a: ", "- ", "(", "  "));
        String close = switch (open) {
            case "[" -> "]";
            case "{a: " -> "}";
            case "(" -> ")";
            default -> "";
        };
        int at = random.nextInt(text.length() + 1);
        return text.substring(0, at) + open.repeat(depth) + text.substring(at) + close.repeat(depth);
    }

    private String insert(String text, String piece) {
        int at = random.nextInt(text.length() + 1);
        return text.substring(0, at) + piece + text.substring(at);
    }

    private String repeatToMegabyte(String text) {
        String unit = text.isEmpty() ? "x" : text;
        return unit.repeat(MEGABYTE / unit.length() + 1);
    }

    private String garbage() {
        StringBuilder out = new StringBuilder();
        int length = random.nextInt(200);
        for (int i = 0; i < length; i++) {
            if (random.nextBoolean()) {
                out.append(pick(List.of(ODD_CHARACTERS)));
            } else {
                out.appendCodePoint(random.nextInt(0x20, 0x7f));
            }
        }
        return out.toString();
    }
}
