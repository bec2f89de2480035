package dev.stook.core.model;

/** A preferred node affinity term: nodes matching {@code term} gain {@code weight} (1 to 100). */
public record PreferredTerm(int weight, NodeSelectorTerm term) {
    public PreferredTerm {
        if (weight < 1 || weight > 100) {
            throw new IllegalArgumentException("weight " + weight + " is not between 1 and 100");
        }
    }
}
