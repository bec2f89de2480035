package dev.stook.core.plugins;

import dev.stook.core.cluster.NodeSlot;
import dev.stook.core.model.Pod;

/** Nodes marked unschedulable (cordoned) take no new pods. */
public final class CordonedNodeFilter implements Filter {
    static final String REASON = "node is cordoned";

    @Override
    public String name() {
        return "CordonedNode";
    }

    @Override
    public boolean readsUsage() {
        return false;
    }

    @Override
    public String reject(Pod pod, NodeSlot node) {
        return node.node().unschedulable() ? REASON : null;
    }
}
