package dev.stook.core.model;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** A pod's inter-pod affinity and anti-affinity, required and preferred. */
public record PodAffinity(List<PodAffinityTerm> required, List<PodAffinityTerm> requiredAnti,
                          List<WeightedPodAffinityTerm> preferred, List<WeightedPodAffinityTerm> preferredAnti) {
    public static final PodAffinity NONE = new PodAffinity(List.of(), List.of(), List.of(), List.of());

    public PodAffinity {
        required = List.copyOf(required);
        requiredAnti = List.copyOf(requiredAnti);
        preferred = List.copyOf(preferred);
        preferredAnti = List.copyOf(preferredAnti);
    }

    public boolean isEmpty() {
        return required.isEmpty() && requiredAnti.isEmpty() && preferred.isEmpty() && preferredAnti.isEmpty();
    }

    /** The selectors of the required affinity and anti-affinity terms. */
    public List<LabelSelector> requiredSelectors() {
        if (required.isEmpty() && requiredAnti.isEmpty()) {
            return List.of();
        }
        return Stream.concat(required.stream(), requiredAnti.stream())
                .map(PodAffinityTerm::selector).toList();
    }

    /** The selectors of the preferred affinity and anti-affinity terms. */
    public List<LabelSelector> preferredSelectors() {
        if (preferred.isEmpty() && preferredAnti.isEmpty()) {
            return List.of();
        }
        return Stream.concat(preferred.stream(), preferredAnti.stream())
                .map(term -> term.term().selector()).toList();
    }

    /** Whether some term may match a pod carrying none of the terms' label keys. */
    public boolean mayMatchUnlabelledPods() {
        return required.stream().anyMatch(term -> !term.selector().requiresALabel())
                || requiredAnti.stream().anyMatch(term -> !term.selector().requiresALabel())
                || preferred.stream().anyMatch(term -> !term.term().selector().requiresALabel())
                || preferredAnti.stream().anyMatch(term -> !term.term().selector().requiresALabel());
    }

    /** Every label key any of the terms looks at. */
    public Set<String> selectorKeys() {
        Set<String> keys = new LinkedHashSet<>();
        required.forEach(term -> keys.addAll(term.selector().keys()));
        requiredAnti.forEach(term -> keys.addAll(term.selector().keys()));
        preferred.forEach(term -> keys.addAll(term.term().selector().keys()));
        preferredAnti.forEach(term -> keys.addAll(term.term().selector().keys()));
        return keys;
    }
}
