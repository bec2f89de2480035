package dev.stook.core.plugins;

import dev.stook.core.cluster.NodeSlot;
import dev.stook.core.model.Pod;

/** Rates a feasible node for a pod from 0 (worst) to 100 (best). Combined with others by weight. */
public interface Scorer {
    int MAX_SCORE = 100;

    String name();

    int score(Pod pod, NodeSlot node);
}
