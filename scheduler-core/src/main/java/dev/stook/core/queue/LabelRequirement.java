package dev.stook.core.queue;

import java.util.List;
import java.util.Map;

/**
 * One {@code matchExpressions} entry of a namespace selector, with Kubernetes' label selector meaning:
 * {@code In} and {@code NotIn} compare the label's value with {@code values}; {@code Exists} and
 * {@code DoesNotExist} ask only whether the label is there.
 */
public record LabelRequirement(String key, Operator operator, List<String> values) {
    public enum Operator { In, NotIn, Exists, DoesNotExist }

    public LabelRequirement {
        values = List.copyOf(values);
    }

    public boolean matches(Map<String, String> labels) {
        String value = labels.get(key);
        return switch (operator) {
            case In -> value != null && values.contains(value);
            case NotIn -> value == null || !values.contains(value);
            case Exists -> value != null;
            case DoesNotExist -> value == null;
        };
    }

    @Override
    public String toString() {
        return switch (operator) {
            case In, NotIn -> key + " " + operator.name().toLowerCase() + " (" + String.join(", ", values) + ")";
            case Exists -> key;
            case DoesNotExist -> "!" + key;
        };
    }
}
