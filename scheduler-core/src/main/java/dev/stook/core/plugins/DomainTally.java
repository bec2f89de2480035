package dev.stook.core.plugins;

import dev.stook.core.cluster.ClusterSnapshot;
import dev.stook.core.cluster.TopologyDomains;

import java.util.HashMap;
import java.util.Map;

/** Amounts added up per topology domain, for any number of topology keys. */
final class DomainTally {
    private final ClusterSnapshot snapshot;
    private final Map<String, long[]> byKey = new HashMap<>();
    private int entries;

    DomainTally(ClusterSnapshot snapshot) {
        this.snapshot = snapshot;
    }

    /** True when every addition has been taken back. */
    boolean isEmpty() {
        return entries == 0;
    }

    /**
     * Adds the amount to the node's domain of the key (once more, or one less when {@code change} is -1); the
     * domain's nodes are reached when its sum moved or, with {@code onlyWhenPositiveFlips}, when whether it is
     * above zero flipped.
     */
    Reach add(String topologyKey, int node, long amount, int change, boolean onlyWhenPositiveFlips) {
        TopologyDomains domains = snapshot.domains(topologyKey);
        int domain = domains.domainOf(node);
        if (domain == TopologyDomains.NO_DOMAIN) {
            return Reach.NOWHERE;
        }
        long[] sums = byKey.computeIfAbsent(topologyKey, key -> new long[domains.count()]);
        long before = sums[domain];
        sums[domain] += amount * change;
        entries += change;
        boolean reached = onlyWhenPositiveFlips ? (before > 0) != (sums[domain] > 0) : before != sums[domain];
        return reached ? Reach.nodes(domains.nodesIn(domain)) : Reach.NOWHERE;
    }

    /** The sum over keys of what was added to the node's domains. */
    long sumAround(int node) {
        long sum = 0;
        for (Map.Entry<String, long[]> entry : byKey.entrySet()) {
            int domain = snapshot.domains(entry.getKey()).domainOf(node);
            if (domain != TopologyDomains.NO_DOMAIN) {
                sum += entry.getValue()[domain];
            }
        }
        return sum;
    }

    /** Whether some key's domain of the node holds a positive amount. */
    boolean anyAround(int node) {
        for (Map.Entry<String, long[]> entry : byKey.entrySet()) {
            int domain = snapshot.domains(entry.getKey()).domainOf(node);
            if (domain != TopologyDomains.NO_DOMAIN && entry.getValue()[domain] > 0) {
                return true;
            }
        }
        return false;
    }
}
