package dev.stook.core.plugins;

import dev.stook.core.cluster.ClusterSnapshot;
import dev.stook.core.model.Pod;
import dev.stook.core.model.PodAffinityTerm;
import dev.stook.core.model.WeightedPodAffinityTerm;

import java.util.List;

/** A pod's preferred affinity and anti-affinity terms, with the pods each matches counted per domain. */
final class WeightedTermCounts {
    private final TermCounts toward;
    private final TermCounts away;
    private final int[] towardWeights;
    private final int[] awayWeights;

    WeightedTermCounts(List<WeightedPodAffinityTerm> preferred, List<WeightedPodAffinityTerm> preferredAnti,
                       ClusterSnapshot snapshot) {
        toward = new TermCounts(terms(preferred), snapshot);
        away = new TermCounts(terms(preferredAnti), snapshot);
        towardWeights = preferred.stream().mapToInt(WeightedPodAffinityTerm::weight).toArray();
        awayWeights = preferredAnti.stream().mapToInt(WeightedPodAffinityTerm::weight).toArray();
    }

    boolean isEmpty() {
        return toward.isEmpty() && away.isEmpty();
    }

    int totalWeight() {
        int total = 0;
        for (int weight : towardWeights) {
            total += weight;
        }
        for (int weight : awayWeights) {
            total += weight;
        }
        return total;
    }

    /** The weights of the affinity terms with a matching pod in the node's domain, less those of anti-affinity. */
    long weightAround(int node) {
        long sum = 0;
        for (int t = 0; t < towardWeights.length; t++) {
            if (toward.presentAround(t, node)) {
                sum += towardWeights[t];
            }
        }
        for (int t = 0; t < awayWeights.length; t++) {
            if (away.presentAround(t, node)) {
                sum -= awayWeights[t];
            }
        }
        return sum;
    }

    Reach addWhereMatching(Pod pod, int node, int change) {
        return toward.addWhereMatching(pod, node, change).and(away.addWhereMatching(pod, node, change));
    }

    private static List<PodAffinityTerm> terms(List<WeightedPodAffinityTerm> weighted) {
        return weighted.stream().map(WeightedPodAffinityTerm::term).toList();
    }
}
