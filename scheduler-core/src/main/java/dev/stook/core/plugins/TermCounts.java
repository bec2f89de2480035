package dev.stook.core.plugins;

import dev.stook.core.cluster.ClusterSnapshot;
import dev.stook.core.cluster.TopologyDomains;
import dev.stook.core.model.Pod;
import dev.stook.core.model.PodAffinityTerm;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A pod's own affinity (or anti-affinity) terms, with the pods each matches counted per domain of its key.
 * What reads these counts asks only whether a domain holds a matching pod, so a change reaches a domain's
 * nodes only when that flips.
 */
final class TermCounts {
    private final List<PodAffinityTerm> terms;
    /** Each namespace's labels, which terms choosing namespaces by label read. */
    private final Function<String, Map<String, String>> namespaceLabels;
    private final TopologyDomains[] domains;
    private final int[][] counts;
    private int matched;

    TermCounts(List<PodAffinityTerm> terms, ClusterSnapshot snapshot) {
        this.terms = terms;
        this.namespaceLabels = snapshot.namespaces()::labelsOf;
        this.domains = new TopologyDomains[terms.size()];
        this.counts = new int[terms.size()][];
        for (int t = 0; t < domains.length; t++) {
            domains[t] = snapshot.domains(terms.get(t).topologyKey());
            counts[t] = new int[domains[t].count()];
        }
    }

    boolean isEmpty() {
        return terms.isEmpty();
    }

    /** True when no pod on a node with a term's key is counted. */
    boolean noneMatched() {
        return matched == 0;
    }

    boolean matchesAll(Pod pod) {
        for (PodAffinityTerm term : terms) {
            if (!term.matches(pod, namespaceLabels)) {
                return false;
            }
        }
        return !terms.isEmpty();
    }

    /** Every term has a counted pod in the node's domain (and the node has every key). */
    boolean allPresentAround(int node) {
        for (int t = 0; t < terms.size(); t++) {
            int domain = domains[t].domainOf(node);
            if (domain == TopologyDomains.NO_DOMAIN || counts[t][domain] == 0) {
                return false;
            }
        }
        return true;
    }

    /** The term has a counted pod in the node's domain. */
    boolean presentAround(int term, int node) {
        int domain = domains[term].domainOf(node);
        return domain != TopologyDomains.NO_DOMAIN && counts[term][domain] > 0;
    }

    /** Some term has a counted pod in the node's domain. */
    boolean anyPresentAround(int node) {
        for (int t = 0; t < terms.size(); t++) {
            if (presentAround(t, node)) {
                return true;
            }
        }
        return false;
    }

    boolean allKeysOn(int node) {
        for (TopologyDomains keyDomains : domains) {
            if (keyDomains.domainOf(node) == TopologyDomains.NO_DOMAIN) {
                return false;
            }
        }
        return true;
    }

    /** Counts a pod matching every term on (or off) the node, for every term. */
    Reach add(int node, int change) {
        Reach reach = Reach.NOWHERE;
        for (int t = 0; t < terms.size(); t++) {
            reach = reach.and(addTo(t, node, change));
        }
        return reach;
    }

    /** Counts the pod on (or off) the node for each term it matches. */
    Reach addWhereMatching(Pod pod, int node, int change) {
        Reach reach = Reach.NOWHERE;
        for (int t = 0; t < terms.size(); t++) {
            if (terms.get(t).matches(pod, namespaceLabels)) {
                reach = reach.and(addTo(t, node, change));
            }
        }
        return reach;
    }

    private Reach addTo(int term, int node, int change) {
        int domain = domains[term].domainOf(node);
        if (domain == TopologyDomains.NO_DOMAIN) {
            return Reach.NOWHERE;
        }
        int before = counts[term][domain];
        counts[term][domain] += change;
        matched += change;
        boolean presenceFlipped = (before == 0) != (counts[term][domain] == 0);
        return presenceFlipped ? Reach.nodes(domains[term].nodesIn(domain)) : Reach.NOWHERE;
    }
}
