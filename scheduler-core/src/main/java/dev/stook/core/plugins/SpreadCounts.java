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
 * For one pod and a set of its spread constraints: which nodes count (they carry every constraint's key, or
 * for kube-scheduler's system defaults only the constraint's own, and pass its node affinity and taint
 * policies), and the pods in the pod's namespace matching each constraint's selector, counted per domain over
 * the nodes that count, as kube-scheduler's PodTopologySpread does.
 */
final class SpreadCounts {
    private final List<SpreadConstraint> constraints;
    private final String namespace;
    private final TopologyDomains[] domains;
    private final boolean[][] eligible;
    private final DomainCounts[] counts;
    private final int[] selfMatch;
    private final boolean everyKey;

    /** The pod's {@code DoNotSchedule} (hard) or {@code ScheduleAnyway} constraints. */
    static List<SpreadConstraint> constraintsOf(Pod pod, boolean hard) {
        List<SpreadConstraint> all = pod.constraints().spread();
        return all.isEmpty() ? all : all.stream().filter(constraint -> constraint.hard() == hard).toList();
    }

    /** @param everyKey whether only nodes carrying every constraint's key count (false for system defaults) */
    SpreadCounts(Pod pod, List<SpreadConstraint> constraints, ScratchCluster cluster, boolean everyKey) {
        this.constraints = constraints;
        this.everyKey = everyKey;
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
            boolean policiesCanRefuse = policiesCanRefuse(pod, constraint);
            for (int node = 0; node < size; node++) {
                eligible[c][node] = (everyKey ? hasEveryKey(node) : hasKey(c, node))
                        && (!policiesCanRefuse || passesPolicies(pod, constraint, snapshot.node(node)));
            }
            counts[c] = new DomainCounts(domains[c], eligible[c]);
            selfMatch[c] = constraint.selector().matches(pod.labels()) ? 1 : 0;
        }
        SelectedPods.feed(cluster, constraints.stream().map(SpreadConstraint::selector).toList(),
                (placed, node, added) -> followCounts(placed, node, added ? 1 : -1));
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

    /** Whether a node lacking some constraint's key takes no part (false for kube-scheduler's system defaults). */
    boolean needsEveryKey() {
        return everyKey;
    }

    /** Whether the node carries the constraint's topology key. */
    boolean hasKey(int c, int node) {
        return domains[c].domainOf(node) != TopologyDomains.NO_DOMAIN;
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

    /** Whether the node's domain stays within the constraint's {@code maxSkew} if the pod goes there. */
    boolean withinSkew(int c, int node) {
        return countWithSelf(c, node) - effectiveMin(c) <= constraints.get(c).maxSkew();
    }

    /** Counts the pod; the nodes whose domain's count moved (what scores read). */
    Reach followCounts(Pod pod, int node, int change) {
        Reach reach = Reach.NOWHERE;
        for (int c = 0; c < domains.length; c++) {
            if (counts(c, pod, node)) {
                int domain = domains[c].domainOf(node);
                counts[c].add(domain, change);
                reach = reach.and(Reach.nodes(domains[c].nodesIn(domain)));
            }
        }
        return reach;
    }

    /** Counts the pod; the nodes of the domains whose {@link #withinSkew} answer flipped (what filters read). */
    Reach followVerdicts(Pod pod, int node, int change) {
        Reach reach = Reach.NOWHERE;
        for (int c = 0; c < domains.length; c++) {
            if (!counts(c, pod, node)) {
                continue;
            }
            int changed = domains[c].domainOf(node);
            int countBefore = counts[c].count(changed);
            int minBefore = effectiveMin(c);
            counts[c].add(changed, change);
            int minAfter = effectiveMin(c);
            int first = minBefore == minAfter ? changed : 0;
            int last = minBefore == minAfter ? changed : domains[c].count() - 1;
            for (int domain = first; domain <= last; domain++) {
                int before = domain == changed ? countBefore : counts[c].count(domain);
                if (fits(c, before, minBefore) != fits(c, counts[c].count(domain), minAfter)) {
                    reach = reach.and(Reach.nodes(domains[c].nodesIn(domain)));
                }
            }
        }
        return reach;
    }

    private boolean counts(int c, Pod pod, int node) {
        return eligible[c][node] && pod.id().namespace().equals(namespace)
                && constraints.get(c).selector().matches(pod.labels());
    }

    private boolean fits(int c, int count, int min) {
        return count + selfMatch[c] - min <= constraints.get(c).maxSkew();
    }

    private int effectiveMin(int c) {
        return counts[c].countedDomains() < constraints.get(c).minDomains() ? 0 : counts[c].min();
    }

    private static boolean policiesCanRefuse(Pod pod, SpreadConstraint constraint) {
        return constraint.honourTaints() || constraint.honourNodeAffinity() && pod.constraints().selectsNodeLabels();
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
