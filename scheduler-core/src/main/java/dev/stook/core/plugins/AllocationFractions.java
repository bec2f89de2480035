package dev.stook.core.plugins;

import dev.stook.core.cluster.NodeSlot;
import dev.stook.core.model.Pod;
import dev.stook.core.model.ResourceNames;

/** The share of a node's cpu or memory in use if the pod were placed there, in [0, 1]. */
final class AllocationFractions {
    static final int[] SCORED_SLOTS = {ResourceNames.CPU, ResourceNames.MEMORY};

    private AllocationFractions() {}

    static double afterPlacing(Pod pod, NodeSlot node, int slot) {
        long allocatable = node.allocatable(slot);
        if (allocatable <= 0) {
            return 1.0;
        }
        double fraction = (double) (node.used(slot) + pod.requests().get(slot)) / allocatable;
        return Math.min(1.0, Math.max(0.0, fraction));
    }
}
