package dev.stook.core.plugins;

import dev.stook.core.cluster.NodeSlot;
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

    @Override
    public String reject(Pod pod, NodeSlot node) {
        return pod.constraints().matchesLabels(node.node().labels()) ? null : REASON;
    }
}
