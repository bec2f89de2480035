package dev.stook.core.plugins;

import dev.stook.core.cluster.NodeSlot;
import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.model.Pod;
import dev.stook.core.model.SpreadConstraint;

import java.util.List;
import java.util.Set;

/**
 * Topology spread constraints with {@code whenUnsatisfiable: DoNotSchedule}, as kube-scheduler's
 * PodTopologySpread filter: a node passes when, for every such constraint, it has the topology key and
 * placing the pod there would leave its domain at most {@code maxSkew} above the emptiest domain. Trial
 * placements of the cycle count, so a gang spreads counting its own members.
 */
public final class PodTopologySpreadFilter implements FilterPlugin {
    static final String REASON = "node(s) didn't match pod topology spread constraints";
    static final String MISSING_LABEL = REASON + " (missing required label)";
    private static final Set<Input> READS = Set.of(Input.NODE_SPEC, Input.OTHER_PODS);

    @Override
    public String name() {
        return "PodTopologySpread";
    }

    @Override
    public Set<Input> reads() {
        return READS;
    }

    @Override
    public PreparedFilter prepare(Pod pod, ScratchCluster cluster) {
        List<SpreadConstraint> hard = SpreadCounts.constraintsOf(pod, true);
        return hard.isEmpty() ? PreparedFilter.NEVER_FOR_CLASS : new Prepared(new SpreadCounts(pod, hard, cluster, true));
    }

    private record Prepared(SpreadCounts counts) implements PreparedFilter, FollowsPods {
        @Override
        public String reject(Pod pod, NodeSlot node) {
            int index = node.index();
            if (!counts.hasEveryKey(index)) {
                return MISSING_LABEL;
            }
            for (int c = 0; c < counts.size(); c++) {
                if (!counts.withinSkew(c, index)) {
                    return REASON;
                }
            }
            return null;
        }

        @Override
        public Reach follow(Pod pod, int node, boolean placed) {
            return counts.followVerdicts(pod, node, placed ? 1 : -1);
        }

        @Override
        public boolean neutral() {
            return false;
        }
    }
}
