package dev.stook.core.plugins;

import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.model.Pod;

/** A scorer that rates each node from the pod and the node alone, so it needs no preparation. */
public interface Scorer extends ScorerPlugin, PreparedScorer {
    @Override
    default PreparedScorer prepare(Pod pod, ScratchCluster cluster) {
        return this;
    }
}
