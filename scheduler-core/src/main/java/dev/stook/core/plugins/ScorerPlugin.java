package dev.stook.core.plugins;

import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.model.Pod;

import java.util.Set;

/**
 * Rates feasible nodes for a pod from 0 (worst) to {@link #MAX_SCORE} (best), combined with others by
 * weight; as kube-scheduler's PreScore and Score together: prepared once per equivalence class, then asked
 * about each node. Implement {@link Scorer} instead when a node can be rated from the pod and the node alone.
 */
public interface ScorerPlugin {
    int MAX_SCORE = 100;

    String name();

    /** Everything the scores depend on; the placer re-prepares and re-scores only when one of these changes. */
    Set<Input> reads();

    /**
     * This scorer for the pod's equivalence class as the cluster is now. It may read only what {@link #reads}
     * declares, and must not change the cluster. {@link PreparedScorer#ZERO_EVERYWHERE} when the scorer
     * takes no part for the class.
     */
    PreparedScorer prepare(Pod pod, ScratchCluster cluster);
}
