package dev.stook.core.plugins;

import dev.stook.core.cluster.NodeSlot;
import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.model.Pod;

/**
 * What the inter-pod affinity filter and scorer prepare for a class without terms of the kind they read while
 * no placed pod has any: every node passes and scores 0, until a pod with affinity terms is placed.
 */
final class NoAffinityAround implements PreparedFilter, PreparedScorer, NeutralWhile {
    static final NoAffinityAround INSTANCE = new NoAffinityAround();

    private NoAffinityAround() {
    }

    @Override
    public String reject(Pod pod, NodeSlot node) {
        return null;
    }

    @Override
    public int score(Pod pod, NodeSlot node) {
        return 0;
    }

    @Override
    public boolean holdsIn(ScratchCluster cluster) {
        return !cluster.mayHoldPodsWithAffinity();
    }
}
