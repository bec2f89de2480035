package dev.stook.k8s.translate;

import java.util.function.Supplier;

/** Reads one field of a Kubernetes object, so that a refusal names the field, as in {@code spec.tolerations[2]: ...}. */
final class FieldPath {
    private FieldPath() {}

    static <T> T read(String field, Supplier<T> reader) {
        try {
            return reader.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
        }
    }
}
