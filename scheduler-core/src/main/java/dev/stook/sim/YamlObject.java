package dev.stook.sim;

import dev.stook.core.model.Durations;
import dev.stook.core.model.InputText;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A YAML mapping read strictly: every value is fetched with the type it must have, every problem is
 * reported with the key path, and {@link #rejectUnknownKeys()} refuses keys nobody asked for.
 */
final class YamlObject {
    private final Map<?, ?> values;
    private final String path;
    private final Set<String> known = new LinkedHashSet<>();

    private YamlObject(Map<?, ?> values, String path) {
        this.values = values;
        this.path = path;
    }

    static YamlObject of(Object raw, String path) {
        if (!(raw instanceof Map<?, ?> map)) {
            throw new ScenarioException(path, "expected a mapping, found " + describe(raw));
        }
        for (Object key : map.keySet()) {
            if (!(key instanceof String)) {
                throw new ScenarioException(path, "key " + key + " is not a string");
            }
        }
        return new YamlObject(map, path);
    }

    String path() {
        return path;
    }

    String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Every key of the mapping, in file order; all count as known. */
    List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (Object key : values.keySet()) {
            keys.add((String) key);
        }
        known.addAll(keys);
        return keys;
    }

    boolean has(String key) {
        known.add(key);
        return values.get(key) != null;
    }

    String string(String key) {
        return scalarText(require(key), pathOf(key));
    }

    String string(String key, String fallback) {
        return has(key) ? string(key) : fallback;
    }

    long integer(String key, long min, long max) {
        return integer(require(key), pathOf(key), min, max);
    }

    long integerOr(String key, long fallback, long min, long max) {
        return has(key) ? integer(key, min, max) : fallback;
    }

    boolean bool(String key, boolean fallback) {
        if (!has(key)) {
            return fallback;
        }
        Object raw = values.get(key);
        if (!(raw instanceof Boolean b)) {
            throw new ScenarioException(pathOf(key), "expected true or false, found " + describe(raw));
        }
        return b;
    }

    long durationMillis(String key) {
        return parse(pathOf(key), string(key), Durations::parseMillis);
    }

    long durationMillis(String key, long fallback) {
        return has(key) ? durationMillis(key) : fallback;
    }

    YamlObject object(String key) {
        return of(require(key), pathOf(key));
    }

    Object raw(String key) {
        return require(key);
    }

    /** A mapping of strings to scalar values written as text (labels, quantities); empty when absent. */
    Map<String, String> stringMap(String key) {
        if (!has(key)) {
            return Map.of();
        }
        YamlObject object = object(key);
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : object.keys()) {
            out.put(name, object.string(name));
        }
        return out;
    }

    /** The list under the key, each element passed to the reader with its indexed path; empty when absent. */
    <T> List<T> list(String key, ElementReader<T> reader) {
        if (!has(key)) {
            return List.of();
        }
        Object raw = values.get(key);
        if (!(raw instanceof List<?> items)) {
            throw new ScenarioException(pathOf(key), "expected a list, found " + describe(raw));
        }
        List<T> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            out.add(reader.read(items.get(i), pathOf(key) + "[" + i + "]"));
        }
        return out;
    }

    void rejectUnknownKeys() {
        for (Object key : values.keySet()) {
            if (!known.contains(key)) {
                throw new ScenarioException(pathOf((String) key), "unknown key; expected one of "
                        + String.join(", ", new TreeSet<>(known)));
            }
        }
    }

    @FunctionalInterface
    interface ElementReader<T> {
        T read(Object raw, String path);
    }

    static <T> T parse(String path, String text, Function<String, T> parser) {
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(path, e.getMessage());
        }
    }

    static String scalarText(Object raw, String path) {
        if (raw instanceof String || raw instanceof Number || raw instanceof Boolean) {
            return raw.toString();
        }
        throw new ScenarioException(path, "expected a single value, found " + describe(raw));
    }

    static long integer(Object raw, String path, long min, long max) {
        if (!(raw instanceof Integer || raw instanceof Long || raw instanceof BigInteger)) {
            throw new ScenarioException(path, "expected a whole number, found " + describe(raw));
        }
        BigInteger value = new BigInteger(raw.toString());
        if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new ScenarioException(path, "must be between " + min + " and " + max + ", found " + value);
        }
        return value.longValueExact();
    }

    private Object require(String key) {
        known.add(key);
        Object raw = values.get(key);
        if (raw == null) {
            throw new ScenarioException(pathOf(key), values.containsKey(key) ? "must not be empty" : "is required");
        }
        return raw;
    }

    private static String describe(Object raw) {
        if (raw == null) {
            return "nothing";
        }
        if (raw instanceof Map) {
            return "a mapping";
        }
        if (raw instanceof List) {
            return "a list";
        }
        if (raw instanceof String s) {
            return InputText.quote(s);
        }
        return raw.toString();
    }
}
