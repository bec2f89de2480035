package dev.stook.core.plugins;

import dev.stook.core.cluster.NodeSlot;
import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.model.Pod;

import java.util.Set;

/** The node's labels satisfy the pod's nodeSelector and its required node affinity. */
public final class NodeAffinityFilter implements Filter {
    private static final Set<Input> READS = Set.of(Input.NODE_SPEC);
    static final String REASON = "node(s) didn't match node selector or affinity";

    @Override
    public String name() {
        return "NodeAffinity";
    }

    @Override
    public Set<Input> reads() {
        return READS;
    }

    /** Pods asking nothing of node labels take no part, so the placer asks nothing per node for them. */
    @Override
    public PreparedFilter prepare(Pod pod, ScratchCluster cluster) {
        return pod.constraints().selectsNodeLabels() ? this : PreparedFilter.ACCEPTS_EVERY_NODE;
    }

    @Override
    public String reject(Pod pod, NodeSlot node) {
        return pod.constraints().matchesLabels(node.node().labels()) ? null : REASON;
    }
}
