package dev.stook.core.plugins;

import dev.stook.core.cluster.NodeSlot;
import dev.stook.core.model.Pod;

/** Prefers fuller nodes (bin-packing, leaving whole nodes free for big pods and gangs). */
public final class MostAllocatedScorer implements Scorer {
    @Override
    public String name() {
        return "MostAllocated";
    }

    @Override
    public int score(Pod pod, NodeSlot node) {
        double used = 0;
        for (int slot : AllocationFractions.SCORED_SLOTS) {
            used += AllocationFractions.afterPlacing(pod, node, slot);
        }
        return (int) (MAX_SCORE * used / AllocationFractions.SCORED_SLOTS.length);
    }
}
