package dev.stook.core.plugins;

import dev.stook.core.cluster.ClusterSnapshot;
import dev.stook.core.model.Pod;
import dev.stook.core.model.PodAffinityTerm;

/**
 * The domains closed to a pod by the required anti-affinity of pods already placed: per topology key, how
 * many placed pods with a term matching the pod sit in each domain.
 */
final class SymmetricAntiAffinity {
    private final Pod pod;
    private final DomainTally blocking;

    SymmetricAntiAffinity(Pod pod, ClusterSnapshot snapshot) {
        this.pod = pod;
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
            if (term.matches(pod)) {
                reach = reach.and(blocking.add(term.topologyKey(), node, 1, change, true));
            }
        }
        return reach;
    }
}
