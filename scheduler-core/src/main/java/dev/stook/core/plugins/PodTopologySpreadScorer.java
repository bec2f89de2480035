package dev.stook.core.plugins;

import dev.stook.core.cluster.NodeSlot;
import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.model.Pod;
import dev.stook.core.model.SpreadConstraint;

import java.util.List;
import java.util.Set;

/**
 * Topology spread constraints with {@code whenUnsatisfiable: ScheduleAnyway}, the pod's own or, when it sets
 * none, the defaults ({@link DefaultSpreadConstraints}): the fewer matching pods in the node's domains
 * (counted in units of {@code maxSkew}), the higher the score, 100 for a domain the pod would be alone in;
 * nodes without every topology key score 0, as in kube-scheduler, except under its system defaults, where a
 * node scores by the keys it has. Unlike kube-scheduler, scores are not rescaled against the other nodes, so a
 * placement re-scores only the domain it touches.
 */
public final class PodTopologySpreadScorer implements ScorerPlugin {
    private static final Set<Input> READS = Set.of(Input.NODE_SPEC, Input.OTHER_PODS);
    private final DefaultSpreadConstraints defaults;

    public PodTopologySpreadScorer(DefaultSpreadConstraints defaults) {
        this.defaults = defaults;
    }

    @Override
    public String name() {
        return "PodTopologySpread";
    }

    @Override
    public Set<Input> reads() {
        return READS;
    }

    @Override
    public PreparedScorer prepare(Pod pod, ScratchCluster cluster) {
        List<SpreadConstraint> soft = SpreadCounts.constraintsOf(pod, false);
        if (!soft.isEmpty()) {
            return new Prepared(new SpreadCounts(pod, soft, cluster, true));
        }
        List<SpreadConstraint> defaulted = defaults.constraintsFor(pod, cluster.snapshot().workloads());
        return defaulted.isEmpty() ? PreparedScorer.NEVER_FOR_CLASS
                : new Prepared(new SpreadCounts(pod, defaulted, cluster, !defaults.system()));
    }

    private record Prepared(SpreadCounts counts) implements PreparedScorer, FollowsPods {
        @Override
        public int score(Pod pod, NodeSlot node) {
            int index = node.index();
            if (counts.needsEveryKey() && !counts.hasEveryKey(index)) {
                return 0;
            }
            double crowding = 0;
            for (int c = 0; c < counts.size(); c++) {
                if (counts.hasKey(c, index)) {
                    crowding += (double) counts.countWithSelf(c, index) / counts.constraint(c).maxSkew();
                }
            }
            return (int) Math.round(MAX_SCORE / Math.max(1, crowding));
        }

        @Override
        public Reach follow(Pod pod, int node, boolean placed) {
            return counts.followCounts(pod, node, placed ? 1 : -1);
        }

        @Override
        public boolean neutral() {
            return false;
        }
    }
}
