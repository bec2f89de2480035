package dev.stook.core.model;

/** A preferred pod affinity or anti-affinity term: nodes where it holds gain (or lose) {@code weight}, 1 to 100. */
public record WeightedPodAffinityTerm(int weight, PodAffinityTerm term) {
    public WeightedPodAffinityTerm {
        if (weight < 1 || weight > 100) {
            throw new IllegalArgumentException("pod affinity weight " + weight + " is not between 1 and 100");
        }
    }
}
