package dev.stook.core.plugins;

import dev.stook.core.cluster.NodeSlot;
import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.model.HostPort;
import dev.stook.core.model.Pod;

import java.util.List;
import java.util.Set;

/**
 * A pod taking host ports goes only where no pod already holds one of them (trial placements of the cycle
 * included, so two members of a gang asking for the same port never share a node).
 */
public final class HostPortsFilter implements Filter {
    private static final Set<Input> READS = Set.of(Input.NODE_USAGE);
    static final String REASON = "node(s) didn't have free ports for the requested pod ports";

    @Override
    public String name() {
        return "NodePorts";
    }

    @Override
    public Set<Input> reads() {
        return READS;
    }

    /** Pods without host ports take no part, so the placer asks nothing per node for them. */
    @Override
    public PreparedFilter prepare(Pod pod, ScratchCluster cluster) {
        return pod.constraints().hostPorts().isEmpty() ? PreparedFilter.ACCEPTS_EVERY_NODE : this;
    }

    @Override
    public String reject(Pod pod, NodeSlot node) {
        List<HostPort> wanted = pod.constraints().hostPorts();
        if (wanted.isEmpty()) {
            return null;
        }
        for (Pod placed : node.pods()) {
            for (HostPort held : placed.constraints().hostPorts()) {
                for (HostPort port : wanted) {
                    if (port.conflictsWith(held)) {
                        return REASON;
                    }
                }
            }
        }
        return null;
    }
}
