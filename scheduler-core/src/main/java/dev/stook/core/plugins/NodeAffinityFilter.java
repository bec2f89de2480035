package dev.stook.core.plugins;

import dev.stook.core.cluster.NodeSlot;
import dev.stook.core.model.Pod;

/** The node's labels satisfy the pod's nodeSelector and its required node affinity. */
public final class NodeAffinityFilter implements Filter {
    static final String REASON = "node(s) didn't match node selector or affinity";

    @Override
    public String name() {
        return "NodeAffinity";
    }

    @Override
    public boolean readsUsage() {
        return false;
    }

    @Override
    public String reject(Pod pod, NodeSlot node) {
        return pod.constraints().matchesLabels(node.node().labels()) ? null : REASON;
    }
}
