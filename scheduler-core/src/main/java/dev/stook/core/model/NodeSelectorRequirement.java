package dev.stook.core.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One {@code matchExpressions} entry of a required node affinity term. */
public record NodeSelectorRequirement(String key, Operator operator, List<String> values) {
    public enum Operator { IN, NOT_IN, EXISTS, DOES_NOT_EXIST, GT, LT }

    public NodeSelectorRequirement {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("node selector requirement without a key");
        }
        String where = "node selector requirement on " + InputText.quote(key) + ": ";
        if (operator == null) {
            throw new IllegalArgumentException(where + "no operator");
        }
        if (values != null && values.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException(where + "values must not be null");
        }
        values = values == null ? List.of() : List.copyOf(values);
        switch (operator) {
            case IN, NOT_IN -> {
                if (values.isEmpty()) {
                    throw new IllegalArgumentException(where + operator + " needs at least one value");
                }
            }
            case EXISTS, DOES_NOT_EXIST -> {
                if (!values.isEmpty()) {
                    throw new IllegalArgumentException(where + operator + " takes no values");
                }
            }
            case GT, LT -> {
                if (values.size() != 1) {
                    throw new IllegalArgumentException(where + operator + " needs exactly one integer value");
                }
                if (!isInteger(values.get(0))) {
                    throw new IllegalArgumentException(where + InputText.quote(values.get(0)) + " is not an integer");
                }
            }
        }
    }

    public static Operator parseOperator(String text) {
        return switch (text == null ? "" : text) {
            case "In" -> Operator.IN;
            case "NotIn" -> Operator.NOT_IN;
            case "Exists" -> Operator.EXISTS;
            case "DoesNotExist" -> Operator.DOES_NOT_EXIST;
            case "Gt" -> Operator.GT;
            case "Lt" -> Operator.LT;
            default -> throw new IllegalArgumentException("unknown node selector operator "
                    + InputText.quote(text) + ": expected In, NotIn, Exists, DoesNotExist, Gt or Lt");
        };
    }

    public boolean matches(Map<String, String> labels) {
        String label = labels.get(key);
        return switch (operator) {
            case IN -> label != null && values.contains(label);
            case NOT_IN -> label == null || !values.contains(label);
            case EXISTS -> label != null;
            case DOES_NOT_EXIST -> label == null;
            case GT -> isInteger(label) && Long.parseLong(label) > Long.parseLong(values.get(0));
            case LT -> isInteger(label) && Long.parseLong(label) < Long.parseLong(values.get(0));
        };
    }

    private static boolean isInteger(String text) {
        if (text == null || text.isEmpty() || text.length() > 19) {
            return false;
        }
        try {
            Long.parseLong(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
