package dev.stook.core.preempt;

import dev.stook.core.model.Pod;

import java.util.BitSet;
import java.util.List;

/**
 * Pods that are evicted together or not at all: every placed member of a gang, or a lone pod.
 *
 * @param nodeIndexes where each pod runs, as indexes of the cycle's snapshot
 */
public record VictimGroup(String name, String queue, List<Pod> pods, int[] nodeIndexes, int priority,
                          long createdAtMillis) {
    public VictimGroup {
        pods = List.copyOf(pods);
    }

    boolean occupiesAny(BitSet nodes) {
        for (int node : nodeIndexes) {
            if (nodes.get(node)) {
                return true;
            }
        }
        return false;
    }
}
