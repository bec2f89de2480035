package dev.stook.core.plugins;

import dev.stook.core.cluster.NodeSlot;
import dev.stook.core.model.Pod;
import dev.stook.core.model.ResourceNames;

import java.util.Set;

/** The node's pod capacity ({@code allocatable.pods}) is not exhausted. A node that states none has no limit. */
public final class MaxPodsFilter implements Filter {
    private static final Set<Input> READS = Set.of(Input.NODE_SPEC, Input.NODE_USAGE);
    static final String REASON = "Too many pods";

    @Override
    public String name() {
        return "MaxPods";
    }

    @Override
    public Set<Input> reads() {
        return READS;
    }

    @Override
    public String reject(Pod pod, NodeSlot node) {
        long limit = node.allocatable(ResourceNames.PODS);
        return limit > 0 && node.podCount() >= limit ? REASON : null;
    }
}
