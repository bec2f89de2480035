package dev.stook.core.locality;

import dev.stook.core.model.InputText;

/**
 * Reads the {@code dataset:range} lists of {@code stook.dev/data-chunks} and {@code stook.dev/cached-chunks}
 * (DESIGN.md §4): comma-separated items {@code dataset:N} or {@code dataset:A-B} (inclusive). Overlapping
 * and repeated items are merged. What one annotation may cost is capped, since it is read on every change
 * of the object: a list that breaks a rule is refused with an {@link IllegalArgumentException} saying which.
 */
public final class ChunkListParser {
    public static final int MAX_LENGTH = 65_536;
    public static final int MAX_ITEMS = 4_096;
    public static final int MAX_DATASET_NAME = 253;
    /** Chunk numbers stay below 2^48 so that byte counts (chunks times chunk size) cannot overflow in sums. */
    public static final long MAX_CHUNK = (1L << 48) - 1;

    private ChunkListParser() {}

    public static ChunkSet parse(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("chunk list is " + text.length() + " characters long; at most "
                    + MAX_LENGTH + " are read (use ranges such as dataset:0-9999)");
        }
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return ChunkSet.EMPTY;
        }
        int itemCount = 1 + commasIn(trimmed);
        if (itemCount > MAX_ITEMS) {
            throw new IllegalArgumentException("chunk list has " + itemCount + " items; at most " + MAX_ITEMS
                    + " are read (merge neighbouring chunks into ranges such as dataset:0-9999)");
        }
        String[] items = trimmed.split(",", -1);
        ChunkSet.Builder builder = ChunkSet.builder();
        for (String raw : items) {
            String item = raw.strip();
            int colon = item.lastIndexOf(':');
            if (colon <= 0 || colon == item.length() - 1) {
                throw bad(item, "expected dataset:N or dataset:A-B");
            }
            String dataset = item.substring(0, colon);
            if (dataset.length() > MAX_DATASET_NAME || !dataset.matches("[A-Za-z0-9._/-]+")) {
                throw bad(item, "a dataset name is 1 to " + MAX_DATASET_NAME
                        + " letters, digits, '.', '_', '/' or '-'");
            }
            String range = item.substring(colon + 1);
            int dash = range.indexOf('-');
            long first = chunk(item, dash < 0 ? range : range.substring(0, dash));
            long last = dash < 0 ? first : chunk(item, range.substring(dash + 1));
            if (last < first) {
                throw bad(item, "the range ends before it starts");
            }
            builder.addRange(dataset, first, last + 1);
        }
        return builder.build();
    }

    private static int commasIn(String text) {
        int commas = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ',') {
                commas++;
            }
        }
        return commas;
    }

    private static long chunk(String item, String digits) {
        if (digits.isEmpty() || digits.length() > 15 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw bad(item, "chunk numbers are whole numbers from 0 to " + MAX_CHUNK);
        }
        long value = Long.parseLong(digits);
        if (value > MAX_CHUNK) {
            throw bad(item, "chunk numbers are whole numbers from 0 to " + MAX_CHUNK);
        }
        return value;
    }

    private static IllegalArgumentException bad(String item, String rule) {
        return new IllegalArgumentException("chunk list item " + InputText.quote(item) + ": " + rule);
    }
}
