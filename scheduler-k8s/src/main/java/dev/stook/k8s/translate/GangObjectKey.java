package dev.stook.k8s.translate;

import java.util.Objects;

/** One object that may declare a gang, named as a pod names it: in the pod's namespace. */
public record GangObjectKey(GangObjectKind kind, String namespace, String name) {
    public GangObjectKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
    }

    /** How explanations name it: {@code Volcano PodGroup train}. */
    public String describe() {
        return kind.description() + " " + name;
    }
}
