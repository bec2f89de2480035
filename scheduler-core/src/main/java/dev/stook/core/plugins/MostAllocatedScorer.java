package dev.stook.core.plugins;

import dev.stook.core.cluster.NodeSlot;
import dev.stook.core.model.Pod;

import java.util.Set;

/** Prefers fuller nodes (bin-packing, leaving whole nodes free for big pods and gangs). */
public final class MostAllocatedScorer implements Scorer {
    private static final Set<Input> READS = Set.of(Input.NODE_SPEC, Input.NODE_USAGE);
    @Override
    public String name() {
        return "MostAllocated";
    }

    @Override
    public Set<Input> reads() {
        return READS;
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
