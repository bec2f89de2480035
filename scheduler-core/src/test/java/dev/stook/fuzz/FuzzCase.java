package dev.stook.fuzz;

/** One generated input, described well enough to replay it and to see it in a failure report. */
public record FuzzCase(String kind, long seed, String input) {
    private static final int SHOWN = 160;

    public String describe() {
        StringBuilder shown = new StringBuilder();
        input.codePoints().limit(SHOWN).forEach(c -> {
            if (c < 0x20 || c == 0x7f || (c >= 0xd800 && c <= 0xdfff)) {
                shown.append(String.format("\\u%04x", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return kind + " case with seed " + seed + " (replay: -Dstook.fuzz.case=" + seed + "), input of "
                + input.length() + " chars: \"" + shown + (input.length() > SHOWN ? "…" : "") + "\"";
    }
}
