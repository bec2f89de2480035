package dev.stook.core.plugins;

import dev.stook.core.cluster.NodeSlot;
import dev.stook.core.model.Pod;

import java.util.Set;

/**
 * Prefers nodes whose cpu and memory would be used in similar proportions, so neither is stranded:
 * 100 when the shares are equal, less by their standard deviation.
 */
public final class BalancedAllocationScorer implements Scorer {
    private static final Set<Input> READS = Set.of(Input.NODE_SPEC, Input.NODE_USAGE);
    @Override
    public String name() {
        return "BalancedAllocation";
    }

    @Override
    public Set<Input> reads() {
        return READS;
    }

    @Override
    public int score(Pod pod, NodeSlot node) {
        int[] slots = AllocationFractions.SCORED_SLOTS;
        double[] fractions = new double[slots.length];
        double mean = 0;
        for (int i = 0; i < slots.length; i++) {
            fractions[i] = AllocationFractions.afterPlacing(pod, node, slots[i]);
            mean += fractions[i];
        }
        mean /= slots.length;
        double variance = 0;
        for (double fraction : fractions) {
            variance += (fraction - mean) * (fraction - mean);
        }
        double deviation = Math.sqrt(variance / slots.length);
        return (int) (MAX_SCORE * (1.0 - deviation));
    }
}
