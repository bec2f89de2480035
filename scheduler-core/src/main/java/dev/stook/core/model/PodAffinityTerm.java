package dev.stook.core.model;

import java.util.Objects;
import java.util.Set;

/**
 * Pods that a pod wants near it (affinity) or away from it (anti-affinity): those matching {@code selector}
 * in the given namespaces (or in every namespace), counted per topology domain, the nodes sharing one value of
 * the node label {@code topologyKey}.
 */
public record PodAffinityTerm(LabelSelector selector, Set<String> namespaces, boolean allNamespaces,
                              String topologyKey) {
    public PodAffinityTerm {
        Objects.requireNonNull(selector, "selector");
        namespaces = Set.copyOf(namespaces);
        if (topologyKey == null || topologyKey.isEmpty()) {
            throw new IllegalArgumentException("pod affinity term without a topologyKey");
        }
    }

    /** Whether the term counts the pod. */
    public boolean matches(Pod pod) {
        return (allNamespaces || namespaces.contains(pod.id().namespace())) && selector.matches(pod.labels());
    }
}
