package dev.stook.core.gang;

import dev.stook.core.model.InputText;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a gang's members should sit relative to each other ({@code stook.dev/gang-topology}): levels of
 * node labels, tightest first (a rack label, then a block label, then the zone), each either required (all
 * members in one domain of that level, or the gang waits) or preferred (one domain of it if any fits).
 * Written {@code preferred:example.com/rack,required:topology.kubernetes.io/zone}. A required level ends the
 * list: a gang kept in one domain of it never reaches a wider level.
 */
public record GangTopology(List<Level> levels) {
    public static final GangTopology NONE = new GangTopology(List.of());
    static final int MAX_LEVELS = 8;
    private static final int MAX_TEXT_LENGTH = 2_048;
    private static final String REQUIRED = "required:";
    private static final String PREFERRED = "preferred:";
    private static final Pattern LABEL_NAME = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");
    private static final Pattern LABEL_PREFIX =
            Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*");

    /** One level: a node label key whose values are the domains. */
    public record Level(String key, boolean required) {
        @Override
        public String toString() {
            return (required ? REQUIRED : PREFERRED) + key;
        }
    }

    public GangTopology {
        levels = List.copyOf(levels);
    }

    public boolean isNone() {
        return levels.isEmpty();
    }

    /** The level the gang must keep to one domain of, or null when every level is only preferred. */
    public Level requiredLevel() {
        return !levels.isEmpty() && levels.get(levels.size() - 1).required() ? levels.get(levels.size() - 1) : null;
    }

    @Override
    public String toString() {
        return String.join(",", levels.stream().map(Level::toString).toList());
    }

    /** The value as written, or {@code (none)}: how a disagreement among members is shown. */
    public String describe() {
        return isNone() ? "(none)" : toString();
    }

    /** Reads the annotation's value; throws with a message naming the annotation and what would be right. */
    public static GangTopology parse(String text) {
        String annotation = GangAnnotations.TOPOLOGY;
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException(annotation + " is longer than " + MAX_TEXT_LENGTH + " characters");
        }
        String[] entries = text.split(",", -1);
        if (entries.length > MAX_LEVELS) {
            throw new IllegalArgumentException(annotation + " names " + entries.length + " levels; at most "
                    + MAX_LEVELS + " are allowed");
        }
        List<Level> levels = new ArrayList<>(entries.length);
        Set<String> keys = new HashSet<>();
        for (String raw : entries) {
            Level level = level(raw.strip(), annotation);
            if (!levels.isEmpty() && levels.get(levels.size() - 1).required()) {
                throw new IllegalArgumentException(annotation + ": " + InputText.quote(level.toString())
                        + " comes after " + levels.get(levels.size() - 1) + ", which already keeps the gang in one"
                        + " domain; list levels tightest first and end at the required one");
            }
            if (!keys.add(level.key())) {
                throw new IllegalArgumentException(annotation + " names " + InputText.quote(level.key()) + " twice");
            }
            levels.add(level);
        }
        return new GangTopology(levels);
    }

    private static Level level(String entry, String annotation) {
        boolean required = entry.startsWith(REQUIRED);
        if (!required && !entry.startsWith(PREFERRED)) {
            throw new IllegalArgumentException(annotation + ": " + InputText.quote(entry) + " must be required:<node"
                    + " label key> or preferred:<node label key>, levels comma-separated, tightest first, e.g."
                    + " preferred:example.com/rack,required:topology.kubernetes.io/zone");
        }
        String key = entry.substring((required ? REQUIRED : PREFERRED).length()).strip();
        if (!isLabelKey(key)) {
            throw new IllegalArgumentException(annotation + ": " + InputText.quote(key) + " is not a node label key"
                    + " (an optional DNS prefix and '/', then a name of up to 63 letters, digits, '-', '_' or '.')");
        }
        return new Level(key, required);
    }

    private static boolean isLabelKey(String key) {
        int slash = key.indexOf('/');
        String prefix = slash < 0 ? null : key.substring(0, slash);
        String name = slash < 0 ? key : key.substring(slash + 1);
        return (prefix == null || prefix.length() <= 253 && LABEL_PREFIX.matcher(prefix).matches())
                && LABEL_NAME.matcher(name).matches();
    }
}
