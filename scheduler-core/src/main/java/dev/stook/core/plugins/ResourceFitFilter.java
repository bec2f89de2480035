package dev.stook.core.plugins;

import dev.stook.core.cluster.NodeSlot;
import dev.stook.core.model.Pod;
import dev.stook.core.model.ResourceNames;
import dev.stook.core.model.Resources;

import java.util.Set;

/** The node has room for every resource the pod requests, extended resources included. */
public final class ResourceFitFilter implements Filter {
    private static final Set<Input> READS = Set.of(Input.NODE_SPEC, Input.NODE_USAGE);
    private final String[] reasons = new String[ResourceNames.MAX_RESOURCES];

    @Override
    public String name() {
        return "ResourceFit";
    }

    @Override
    public Set<Input> reads() {
        return READS;
    }

    @Override
    public String reject(Pod pod, NodeSlot node) {
        Resources requests = pod.requests();
        for (int slot = 0; slot < requests.width(); slot++) {
            long wanted = requests.get(slot);
            if (wanted > 0 && wanted > node.free(slot)) {
                return reason(slot);
            }
        }
        return null;
    }

    private String reason(int slot) {
        String reason = reasons[slot];
        if (reason == null) {
            reason = "Insufficient " + ResourceNames.nameOf(slot);
            reasons[slot] = reason;
        }
        return reason;
    }
}
