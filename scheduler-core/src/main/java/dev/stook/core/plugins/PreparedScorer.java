package dev.stook.core.plugins;

import dev.stook.core.cluster.NodeSlot;
import dev.stook.core.model.Pod;

/** A scorer prepared for one equivalence class; the pod given is any pod of that class. */
@FunctionalInterface
public interface PreparedScorer {
    /** Returned by scorers that take no part for a class; the placer then skips them. */
    PreparedScorer ZERO_EVERYWHERE = (pod, node) -> 0;
    /**
     * Returned by scorers reading other pods that take no part for a class whatever those pods do: the placer
     * then skips them and does not prepare them again as pods move.
     */
    PreparedScorer NEVER_FOR_CLASS = (pod, node) -> 0;

    /** From 0 (worst) to {@link ScorerPlugin#MAX_SCORE} (best). */
    int score(Pod pod, NodeSlot node);
}
