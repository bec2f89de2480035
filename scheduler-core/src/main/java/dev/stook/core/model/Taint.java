package dev.stook.core.model;

import java.util.Objects;

public record Taint(String key, String value, TaintEffect effect) {
    public Taint {
        Objects.requireNonNull(key, "taint key");
        Objects.requireNonNull(effect, "taint effect");
        value = value == null ? "" : value;
    }

    /** True for effects that keep a pod off the node unless tolerated. */
    public boolean repels() {
        return effect != TaintEffect.PREFER_NO_SCHEDULE;
    }

    @Override
    public String toString() {
        return key + (value.isEmpty() ? "" : "=" + value) + ":" + effect;
    }
}
