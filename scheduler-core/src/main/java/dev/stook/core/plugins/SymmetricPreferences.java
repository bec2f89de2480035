package dev.stook.core.plugins;

import dev.stook.core.cluster.ClusterSnapshot;
import dev.stook.core.model.Pod;
import dev.stook.core.model.PodAffinity;
import dev.stook.core.model.PodAffinityTerm;
import dev.stook.core.model.WeightedPodAffinityTerm;

import java.util.Map;
import java.util.function.Function;

/**
 * How placed pods pull a pod toward their domains or push it away: the weights of their preferred affinity
 * (plus) and anti-affinity (minus) terms that match the pod, and 1 for each required affinity term that does,
 * added up per domain.
 */
final class SymmetricPreferences {
    private static final int REQUIRED_AFFINITY_WEIGHT = 1;
    private final Pod pod;
    /** Each namespace's labels, which terms choosing namespaces by label read. */
    private final Function<String, Map<String, String>> namespaceLabels;
    private final DomainTally weights;

    SymmetricPreferences(Pod pod, ClusterSnapshot snapshot) {
        this.pod = pod;
        this.namespaceLabels = snapshot.namespaces()::labelsOf;
        this.weights = new DomainTally(snapshot);
    }

    boolean pullsNowhere() {
        return weights.isEmpty();
    }

    long weightAround(int node) {
        return weights.isEmpty() ? 0 : weights.sumAround(node);
    }

    Reach follow(Pod placed, int node, int change) {
        PodAffinity affinity = placed.constraints().podAffinity();
        Reach reach = Reach.NOWHERE;
        for (WeightedPodAffinityTerm preferred : affinity.preferred()) {
            reach = reach.and(addIfMatching(preferred.term(), node, preferred.weight(), change));
        }
        for (WeightedPodAffinityTerm preferred : affinity.preferredAnti()) {
            reach = reach.and(addIfMatching(preferred.term(), node, -preferred.weight(), change));
        }
        for (PodAffinityTerm required : affinity.required()) {
            reach = reach.and(addIfMatching(required, node, REQUIRED_AFFINITY_WEIGHT, change));
        }
        return reach;
    }

    private Reach addIfMatching(PodAffinityTerm term, int node, long weight, int change) {
        return term.matches(pod, namespaceLabels)
                ? weights.add(term.topologyKey(), node, weight, change, false) : Reach.NOWHERE;
    }
}
