package dev.stook.core.model;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Pods that a pod wants near it (affinity) or away from it (anti-affinity): those matching {@code selector}
 * in the named {@code namespaces} and in the namespaces whose labels {@code namespaceSelector} matches
 * ({@link LabelSelector#NOTHING} when the term has none, {@link LabelSelector#EVERYTHING} for every
 * namespace), counted per topology domain, the nodes sharing one value of the node label {@code topologyKey}.
 */
public record PodAffinityTerm(LabelSelector selector, Set<String> namespaces, LabelSelector namespaceSelector,
                              String topologyKey) {
    public PodAffinityTerm {
        Objects.requireNonNull(selector, "selector");
        Objects.requireNonNull(namespaceSelector, "namespaceSelector");
        namespaces = Set.copyOf(namespaces);
        if (topologyKey == null || topologyKey.isEmpty()) {
            throw new IllegalArgumentException("pod affinity term without a topologyKey");
        }
    }

    /** Whether the term counts the pod, given each namespace's labels. */
    public boolean matches(Pod pod, Function<String, Map<String, String>> namespaceLabels) {
        return selector.matches(pod.labels()) && countsNamespace(pod.id().namespace(), namespaceLabels);
    }

    private boolean countsNamespace(String namespace, Function<String, Map<String, String>> namespaceLabels) {
        return namespaces.contains(namespace) || !namespaceSelector.matchesNothing()
                && namespaceSelector.matches(namespaceLabels.apply(namespace));
    }
}
