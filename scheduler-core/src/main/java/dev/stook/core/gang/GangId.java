package dev.stook.core.gang;

import java.util.Objects;

/** A gang's identity: names are scoped to a namespace, like the pods that carry them. */
public record GangId(String namespace, String name) {
    public GangId {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
        return namespace + "/" + name;
    }
}
