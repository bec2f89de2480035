package dev.stook.core.plugins;

public record WeightedScorer(ScorerPlugin scorer, int weight) {
    public WeightedScorer {
        if (weight < 0) {
            throw new IllegalArgumentException("weight of scorer " + scorer.name() + " must not be negative");
        }
    }
}
