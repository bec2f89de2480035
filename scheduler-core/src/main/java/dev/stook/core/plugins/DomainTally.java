package dev.stook.core.plugins;

import dev.stook.core.cluster.ClusterSnapshot;
import dev.stook.core.cluster.TopologyDomains;

import java.util.ArrayList;
import java.util.List;

/**
 * Amounts added up per topology domain, for any number of topology keys. The keys are few and asked about
 * for every node ranked, so they are kept in a list with their domains, not looked up by name.
 */
final class DomainTally {
    private final ClusterSnapshot snapshot;
    private final List<KeySums> byKey = new ArrayList<>(2);
    private int entries;

    private record KeySums(TopologyDomains domains, long[] sums) {}

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
        long[] sums = sumsFor(domains);
        long before = sums[domain];
        sums[domain] += amount * change;
        entries += change;
        boolean reached = onlyWhenPositiveFlips ? (before > 0) != (sums[domain] > 0) : before != sums[domain];
        return reached ? Reach.nodes(domains.nodesIn(domain)) : Reach.NOWHERE;
    }

    private long[] sumsFor(TopologyDomains domains) {
        for (KeySums key : byKey) {
            if (key.domains() == domains) {
                return key.sums();
            }
        }
        long[] sums = new long[domains.count()];
        byKey.add(new KeySums(domains, sums));
        return sums;
    }

    /** The sum over keys of what was added to the node's domains. */
    long sumAround(int node) {
        long sum = 0;
        for (KeySums key : byKey) {
            int domain = key.domains().domainOf(node);
            if (domain != TopologyDomains.NO_DOMAIN) {
                sum += key.sums()[domain];
            }
        }
        return sum;
    }

    /** Whether some key's domain of the node holds a positive amount. */
    boolean anyAround(int node) {
        for (KeySums key : byKey) {
            int domain = key.domains().domainOf(node);
            if (domain != TopologyDomains.NO_DOMAIN && key.sums()[domain] > 0) {
                return true;
            }
        }
        return false;
    }
}
