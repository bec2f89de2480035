package dev.stook.core.model;

public record Taint(String key, String value, TaintEffect effect) {
    public Taint {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("taint without a key");
        }
        if (effect == null) {
            throw new IllegalArgumentException("taint " + InputText.quote(key) + " without an effect");
        }
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
