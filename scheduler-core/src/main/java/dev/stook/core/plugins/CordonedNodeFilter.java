package dev.stook.core.plugins;

import dev.stook.core.cluster.NodeSlot;
import dev.stook.core.model.Pod;

import java.util.Set;

/** Nodes marked unschedulable (cordoned) take no new pods. */
public final class CordonedNodeFilter implements Filter {
    private static final Set<Input> READS = Set.of(Input.NODE_SPEC);
    static final String REASON = "node is cordoned";

    @Override
    public String name() {
        return "CordonedNode";
    }

    @Override
    public Set<Input> reads() {
        return READS;
    }

    @Override
    public String reject(Pod pod, NodeSlot node) {
        return node.node().unschedulable() ? REASON : null;
    }
}
