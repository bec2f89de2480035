package dev.stook.core.cluster;

import java.util.HashMap;
import java.util.Map;

/**
 * The nodes grouped by their value of one label (a topology key such as a zone or the hostname): each value
 * is a domain, numbered from 0. Nodes without the label are in no domain. Fixed while the nodes are.
 */
public final class TopologyDomains {
    public static final int NO_DOMAIN = -1;
    private final String key;
    private final int[] domainOf;
    private final int[][] members;

    private TopologyDomains(String key, int[] domainOf, int[][] members) {
        this.key = key;
        this.domainOf = domainOf;
        this.members = members;
    }

    static TopologyDomains of(ClusterSnapshot snapshot, String key) {
        int[] domainOf = new int[snapshot.size()];
        Map<String, Integer> numbers = new HashMap<>();
        int[] sizes = new int[snapshot.size()];
        for (int node = 0; node < domainOf.length; node++) {
            String value = snapshot.node(node).labels().get(key);
            if (value == null) {
                domainOf[node] = NO_DOMAIN;
                continue;
            }
            int domain = numbers.computeIfAbsent(value, v -> numbers.size());
            domainOf[node] = domain;
            sizes[domain]++;
        }
        int[][] members = new int[numbers.size()][];
        for (int domain = 0; domain < members.length; domain++) {
            members[domain] = new int[sizes[domain]];
        }
        int[] filled = new int[members.length];
        for (int node = 0; node < domainOf.length; node++) {
            if (domainOf[node] != NO_DOMAIN) {
                members[domainOf[node]][filled[domainOf[node]]++] = node;
            }
        }
        return new TopologyDomains(key, domainOf, members);
    }

    public String key() {
        return key;
    }

    /** The node's domain, or {@link #NO_DOMAIN} when it lacks the label. */
    public int domainOf(int node) {
        return domainOf[node];
    }

    public int count() {
        return members.length;
    }

    /** The domain's nodes in index order; shared, not to be modified. */
    public int[] nodesIn(int domain) {
        return members[domain];
    }

    /** The nodes sharing the node's domain (itself alone when it has none). */
    public int[] nodesSharingDomainWith(int node) {
        int domain = domainOf[node];
        return domain == NO_DOMAIN ? new int[] {node} : members[domain];
    }
}
