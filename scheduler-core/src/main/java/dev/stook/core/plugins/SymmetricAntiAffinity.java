package dev.stook.core.plugins;

import dev.stook.core.cluster.ClusterSnapshot;
import dev.stook.core.model.Pod;
import dev.stook.core.model.PodAffinityTerm;

import java.util.Map;
import java.util.function.Function;

/**
 * The domains closed to a pod by the required anti-affinity of pods already placed: per topology key, how
 * many placed pods with a term matching the pod sit in each domain.
 */
final class SymmetricAntiAffinity {
    private final Pod pod;
    /** Each namespace's labels, which terms choosing namespaces by label read. */
    private final Function<String, Map<String, String>> namespaceLabels;
    private final DomainTally blocking;

    SymmetricAntiAffinity(Pod pod, ClusterSnapshot snapshot) {
        this.pod = pod;
        this.namespaceLabels = snapshot.namespaces()::labelsOf;
        this.blocking = new DomainTally(snapshot);
    }

    boolean blocksNothing() {
        return blocking.isEmpty();
    }

    boolean blocks(int node) {
        return !blocking.isEmpty() && blocking.anyAround(node);
    }

    /** Takes in a pod placed on or taken off the node, counting its anti-affinity terms that match the pod. */
    Reach follow(Pod placed, int node, int change) {
        Reach reach = Reach.NOWHERE;
        for (PodAffinityTerm term : placed.constraints().podAffinity().requiredAnti()) {
            if (term.matches(pod, namespaceLabels)) {
                reach = reach.and(blocking.add(term.topologyKey(), node, 1, change, true));
            }
        }
        return reach;
    }
}
