package dev.stook.core.model;

public enum TaintEffect {
    NO_SCHEDULE("NoSchedule"),
    PREFER_NO_SCHEDULE("PreferNoSchedule"),
    NO_EXECUTE("NoExecute");

    private final String kubernetesName;

    TaintEffect(String kubernetesName) {
        this.kubernetesName = kubernetesName;
    }

    public static TaintEffect parse(String text) {
        for (TaintEffect effect : values()) {
            if (effect.kubernetesName.equals(text)) {
                return effect;
            }
        }
        throw new IllegalArgumentException("unknown taint effect " + InputText.quote(text)
                + ": expected NoSchedule, PreferNoSchedule or NoExecute");
    }

    @Override
    public String toString() {
        return kubernetesName;
    }
}
