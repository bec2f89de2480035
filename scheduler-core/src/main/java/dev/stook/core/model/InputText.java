package dev.stook.core.model;

/**
 * Shows a user's value inside an error message. The value is quoted, cut to a few dozen characters so a
 * megabyte annotation is not echoed, and control and unpaired surrogate characters are escaped so the
 * message stays one readable line in logs, Events and pod conditions.
 */
public final class InputText {
    private static final int SHOWN_CODE_POINTS = 40;

    private InputText() {}

    public static String quote(String text) {
        return text == null ? "null" : "\"" + escape(text, SHOWN_CODE_POINTS).replace("\"", "\\\"") + "\"";
    }

    /** A message from a library (a YAML parser, say) made one line of at most {@code maxCodePoints}. */
    public static String escape(String text, int maxCodePoints) {
        StringBuilder out = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < text.length(); shown++) {
            if (shown == maxCodePoints) {
                return out.append('…').toString();
            }
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (unprintable(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        }
        return out.toString();
    }

    private static boolean unprintable(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR, Character.UNASSIGNED -> true;
            default -> false;
        };
    }
}
