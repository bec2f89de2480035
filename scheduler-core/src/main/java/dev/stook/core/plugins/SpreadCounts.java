package dev.stook.core.plugins;

import dev.stook.core.cluster.ClusterSnapshot;
import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.cluster.TopologyDomains;
import dev.stook.core.model.Node;
import dev.stook.core.model.Pod;
import dev.stook.core.model.SpreadConstraint;
import dev.stook.core.model.Taint;
import dev.stook.core.model.Toleration;

import java.util.List;

/**
 * For one pod and a set of its spread constraints: which nodes count (they carry every constraint's key and
 * pass its node affinity and taint policies), and the pods in the pod's namespace matching each constraint's
 * selector, counted per domain over the nodes that count, as kube-scheduler's PodTopologySpread does.
 */
final class SpreadCounts {
    private final List<SpreadConstraint> constraints;
    private final String namespace;
    private final TopologyDomains[] domains;
    private final boolean[][] eligible;
    private final DomainCounts[] counts;
    private final int[] selfMatch;

    SpreadCounts(Pod pod, List<SpreadConstraint> constraints, ScratchCluster cluster) {
        this.constraints = constraints;
        this.namespace = pod.id().namespace();
        ClusterSnapshot snapshot = cluster.snapshot();
        int size = cluster.size();
        domains = new TopologyDomains[constraints.size()];
        eligible = new boolean[constraints.size()][size];
        counts = new DomainCounts[constraints.size()];
        selfMatch = new int[constraints.size()];
        for (int c = 0; c < domains.length; c++) {
            domains[c] = snapshot.domains(constraints.get(c).topologyKey());
        }
        for (int c = 0; c < domains.length; c++) {
            SpreadConstraint constraint = constraints.get(c);
            for (int node = 0; node < size; node++) {
                eligible[c][node] = hasEveryKey(node) && passesPolicies(pod, constraint, snapshot.node(node));
            }
            counts[c] = new DomainCounts(domains[c], eligible[c]);
            selfMatch[c] = constraint.selector().matches(pod.labels()) ? 1 : 0;
        }
        SelectedPods.feed(cluster, constraints.stream().map(SpreadConstraint::selector).toList(),
                (placed, node, added) -> follow(placed, node, added ? 1 : -1));
    }

    /** Whether the node carries the topology key of every constraint. */
    boolean hasEveryKey(int node) {
        for (TopologyDomains keyDomains : domains) {
            if (keyDomains.domainOf(node) == TopologyDomains.NO_DOMAIN) {
                return false;
            }
        }
        return true;
    }

    int size() {
        return constraints.size();
    }

    SpreadConstraint constraint(int c) {
        return constraints.get(c);
    }

    /** Matching pods in the node's domain, the pod itself included when it matches its own selector. */
    int countWithSelf(int c, int node) {
        return counts[c].count(domains[c].domainOf(node)) + selfMatch[c];
    }

    /** How far the node's domain would be above the emptiest domain if the pod went there. */
    int skew(int c, int node) {
        DomainCounts constraintCounts = counts[c];
        int min = constraintCounts.countedDomains() < constraints.get(c).minDomains() ? 0 : constraintCounts.min();
        return countWithSelf(c, node) - min;
    }

    Reach follow(Pod pod, int node, int change) {
        if (!pod.id().namespace().equals(namespace)) {
            return Reach.NOWHERE;
        }
        Reach reach = Reach.NOWHERE;
        for (int c = 0; c < domains.length; c++) {
            if (eligible[c][node] && constraints.get(c).selector().matches(pod.labels())) {
                int domain = domains[c].domainOf(node);
                boolean minMoved = counts[c].add(domain, change);
                reach = reach.and(minMoved ? Reach.EVERYWHERE : Reach.nodes(domains[c].nodesIn(domain)));
            }
        }
        return reach;
    }

    private static boolean passesPolicies(Pod pod, SpreadConstraint constraint, Node node) {
        if (constraint.honourNodeAffinity() && !pod.constraints().matchesLabels(node.labels())) {
            return false;
        }
        if (constraint.honourTaints()) {
            for (Taint taint : node.taints()) {
                if (taint.repels() && !Toleration.anyTolerates(pod.constraints().tolerations(), taint)) {
                    return false;
                }
            }
        }
        return true;
    }
}
