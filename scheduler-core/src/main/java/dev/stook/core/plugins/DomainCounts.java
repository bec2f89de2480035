package dev.stook.core.plugins;

import dev.stook.core.cluster.TopologyDomains;

/**
 * Matching pods per topology domain over the domains that count (those holding an eligible node), with
 * the smallest count kept up to date as pods come and go.
 */
final class DomainCounts {
    private final int[] counts;
    private final boolean[] counted;
    private final int countedDomains;
    private int min;
    private int atMin;

    /** @param eligible which nodes count; a domain counts when one of its nodes does */
    DomainCounts(TopologyDomains domains, boolean[] eligible) {
        counts = new int[domains.count()];
        counted = new boolean[domains.count()];
        int present = 0;
        for (int node = 0; node < eligible.length; node++) {
            int domain = domains.domainOf(node);
            if (eligible[node] && domain != TopologyDomains.NO_DOMAIN && !counted[domain]) {
                counted[domain] = true;
                present++;
            }
        }
        countedDomains = present;
        recomputeMin();
    }

    int countedDomains() {
        return countedDomains;
    }

    /** The pods counted in the domain; 0 for a domain that does not count. */
    int count(int domain) {
        return domain == TopologyDomains.NO_DOMAIN ? 0 : counts[domain];
    }

    /** The smallest count over the domains that count (0 when none does). */
    int min() {
        return min;
    }

    /** Adds {@code change} to a counted domain; true when the smallest count moved. */
    boolean add(int domain, int change) {
        int before = counts[domain];
        counts[domain] += change;
        int oldMin = min;
        if (change > 0 && before == min && --atMin == 0) {
            recomputeMin();
        } else if (change < 0 && counts[domain] < min) {
            min = counts[domain];
            atMin = 1;
        } else if (change < 0 && counts[domain] == min) {
            atMin++;
        }
        return min != oldMin;
    }

    private void recomputeMin() {
        min = Integer.MAX_VALUE;
        atMin = 0;
        for (int domain = 0; domain < counts.length; domain++) {
            if (!counted[domain]) {
                continue;
            }
            if (counts[domain] < min) {
                min = counts[domain];
                atMin = 1;
            } else if (counts[domain] == min) {
                atMin++;
            }
        }
        if (atMin == 0) {
            min = 0;
        }
    }
}
