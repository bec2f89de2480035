package dev.stook.core.plugins;

import dev.stook.core.cluster.NodeSlot;
import dev.stook.core.model.Pod;

import java.util.Set;

/** Prefers emptier nodes (spreads load): the mean free share of cpu and memory after placing the pod. */
public final class LeastAllocatedScorer implements Scorer {
    private static final Set<Input> READS = Set.of(Input.NODE_SPEC, Input.NODE_USAGE);
    @Override
    public String name() {
        return "LeastAllocated";
    }

    @Override
    public Set<Input> reads() {
        return READS;
    }

    @Override
    public int score(Pod pod, NodeSlot node) {
        double free = 0;
        for (int slot : AllocationFractions.SCORED_SLOTS) {
            free += 1.0 - AllocationFractions.afterPlacing(pod, node, slot);
        }
        return (int) (MAX_SCORE * free / AllocationFractions.SCORED_SLOTS.length);
    }
}
