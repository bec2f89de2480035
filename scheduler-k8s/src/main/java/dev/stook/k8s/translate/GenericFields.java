package dev.stook.k8s.translate;

import dev.stook.core.gang.GangMembership;
import dev.stook.core.model.InputText;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/**
 * Reads fields of an object known only by its JSON (a custom resource): a bad value is refused with a message
 * naming the object and the field, as the pod's translation refuses its own fields.
 */
final class GenericFields {
    private GenericFields() {
    }

    /** A gang size: a whole number from 1 to the limit; {@code missing} when the field is absent. */
    static int memberCount(GenericKubernetesResource object, String owner, String missing, Object... path) {
        Object value = object.get(path);
        String field = fieldName(path);
        if (value == null) {
            throw new IllegalArgumentException(owner + ": " + field + " " + missing);
        }
        long count = wholeNumber(value, owner, field);
        if (count < 1) {
            throw new IllegalArgumentException(owner + ": " + field + " " + count + " is not a positive integer");
        }
        if (count > GangMembership.MAX_MIN_MEMBERS) {
            throw new IllegalArgumentException(owner + ": " + field + " " + count + " is larger than the limit of "
                    + GangMembership.MAX_MIN_MEMBERS);
        }
        return (int) count;
    }

    /** A whole number, or null when the field is absent. */
    static Long optionalWholeNumber(GenericKubernetesResource object, String owner, Object... path) {
        Object value = object.get(path);
        return value == null ? null : wholeNumber(value, owner, fieldName(path));
    }

    /** A string, or null when the field is absent or empty. */
    static String optionalText(GenericKubernetesResource object, String owner, Object... path) {
        Object value = object.get(path);
        if (value == null || value instanceof String text && text.isEmpty()) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw new IllegalArgumentException(owner + ": " + fieldName(path) + " is not a string");
        }
        return text;
    }

    /** {@code spec.podGroups[0].policy}: names joined by dots, list positions in brackets. */
    static String fieldName(Object... path) {
        StringBuilder name = new StringBuilder();
        for (Object step : path) {
            if (step instanceof Integer index) {
                name.append('[').append(index).append(']');
            } else {
                name.append(name.isEmpty() ? "" : ".").append(step);
            }
        }
        return name.toString();
    }

    private static long wholeNumber(Object value, String owner, String field) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return ((Number) value).longValue();
        }
        String shown = value instanceof String text ? InputText.quote(text) : value.getClass().getSimpleName();
        throw new IllegalArgumentException(owner + ": " + field + " " + shown + " is not a whole number");
    }
}
