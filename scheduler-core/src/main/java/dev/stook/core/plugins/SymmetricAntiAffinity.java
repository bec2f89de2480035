package dev.stook.core.plugins;

import dev.stook.core.cluster.ClusterSnapshot;
import dev.stook.core.cluster.TopologyDomains;
import dev.stook.core.model.Pod;
import dev.stook.core.model.PodAffinityTerm;

import java.util.HashMap;
import java.util.Map;

/**
 * The domains closed to a pod by the required anti-affinity of pods already placed: per topology key, how
 * many placed pods with a term matching the pod sit in each domain.
 */
final class SymmetricAntiAffinity {
    private final Pod pod;
    private final ClusterSnapshot snapshot;
    private final Map<String, int[]> countsByKey = new HashMap<>();
    private int blocking;

    SymmetricAntiAffinity(Pod pod, ClusterSnapshot snapshot) {
        this.pod = pod;
        this.snapshot = snapshot;
    }

    boolean blocksNothing() {
        return blocking == 0;
    }

    boolean blocks(int node) {
        if (blocking == 0) {
            return false;
        }
        for (Map.Entry<String, int[]> entry : countsByKey.entrySet()) {
            int domain = snapshot.domains(entry.getKey()).domainOf(node);
            if (domain != TopologyDomains.NO_DOMAIN && entry.getValue()[domain] > 0) {
                return true;
            }
        }
        return false;
    }

    /** Takes in a pod placed on or taken off the node, counting its anti-affinity terms that match the pod. */
    Reach follow(Pod placed, int node, int change) {
        Reach reach = Reach.NOWHERE;
        for (PodAffinityTerm term : placed.constraints().podAffinity().requiredAnti()) {
            if (!term.matches(pod)) {
                continue;
            }
            TopologyDomains domains = snapshot.domains(term.topologyKey());
            int domain = domains.domainOf(node);
            if (domain == TopologyDomains.NO_DOMAIN) {
                continue;
            }
            countsByKey.computeIfAbsent(term.topologyKey(), key -> new int[domains.count()])[domain] += change;
            blocking += change;
            reach = reach.and(Reach.nodes(domains.nodesIn(domain)));
        }
        return reach;
    }
}
