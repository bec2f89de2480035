package dev.stook.core.model;

import java.util.List;

/**
 * A pod's toleration. An empty key with {@code Exists} tolerates every taint; a null effect matches
 * every effect.
 */
public record Toleration(String key, Operator operator, String value, TaintEffect effect) {
    public enum Operator { EQUAL, EXISTS }

    public Toleration {
        key = key == null ? "" : key;
        value = value == null ? "" : value;
        operator = operator == null ? Operator.EQUAL : operator;
        if (operator == Operator.EXISTS && !value.isEmpty()) {
            throw new IllegalArgumentException("toleration of " + InputText.quote(key) + ": operator Exists takes no value");
        }
        if (key.isEmpty() && operator != Operator.EXISTS) {
            throw new IllegalArgumentException("toleration with an empty key must use operator Exists");
        }
    }

    public static Operator parseOperator(String text) {
        if (text == null || text.isEmpty() || text.equals("Equal")) {
            return Operator.EQUAL;
        }
        if (text.equals("Exists")) {
            return Operator.EXISTS;
        }
        throw new IllegalArgumentException("unknown toleration operator " + InputText.quote(text)
                + ": expected Equal or Exists");
    }

    public boolean tolerates(Taint taint) {
        if (effect != null && effect != taint.effect()) {
            return false;
        }
        if (key.isEmpty()) {
            return true;
        }
        if (!key.equals(taint.key())) {
            return false;
        }
        return operator == Operator.EXISTS || value.equals(taint.value());
    }

    public static boolean anyTolerates(List<Toleration> tolerations, Taint taint) {
        for (Toleration toleration : tolerations) {
            if (toleration.tolerates(taint)) {
                return true;
            }
        }
        return false;
    }
}
