package dev.stook.core.cycle;

import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.model.Pod;

import java.util.Collection;
import java.util.List;

/**
 * What rules that act in a cycle may use besides what they read: the cycle's scratch copy of the cluster,
 * the placer and trial working on it, every pending unit, and the decisions the cycle returns.
 */
public record CycleWork(UnitContext context, ScratchCluster scratch, PodPlacer placer, UnitTrial trial,
                        Collection<PendingUnit> units, List<Decision> decisions) {
    public void evict(Pod pod, String reason, String message) {
        decisions.add(new Decision.Evict(pod, reason, message));
    }
}
