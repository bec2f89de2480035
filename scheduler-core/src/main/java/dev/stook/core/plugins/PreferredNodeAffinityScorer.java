package dev.stook.core.plugins;

import dev.stook.core.cluster.NodeSlot;
import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.model.Pod;
import dev.stook.core.model.PreferredTerm;

import java.util.List;
import java.util.Set;

/**
 * Prefers the nodes a pod's preferred node affinity names: the weights of the terms the node's labels match,
 * as a share of all the pod's weights (a node matching every term scores 100). A pod without preferences
 * scores 0 everywhere, leaving its ranking to the others.
 */
public final class PreferredNodeAffinityScorer implements Scorer {
    private static final Set<Input> READS = Set.of(Input.NODE_SPEC);

    @Override
    public String name() {
        return "PreferredNodeAffinity";
    }

    @Override
    public Set<Input> reads() {
        return READS;
    }

    /** Pods without preferences take no part, so the placer asks nothing per node for them. */
    @Override
    public PreparedScorer prepare(Pod pod, ScratchCluster cluster) {
        return pod.constraints().preferredAffinity().isEmpty() ? PreparedScorer.ZERO_EVERYWHERE : this;
    }

    @Override
    public int score(Pod pod, NodeSlot node) {
        List<PreferredTerm> preferred = pod.constraints().preferredAffinity();
        if (preferred.isEmpty()) {
            return 0;
        }
        int matched = 0;
        int total = 0;
        for (PreferredTerm term : preferred) {
            total += term.weight();
            if (term.term().matches(node.node().labels())) {
                matched += term.weight();
            }
        }
        return MAX_SCORE * matched / total;
    }
}
