package dev.stook.core.plugins;

import dev.stook.core.cluster.NodeSlot;
import dev.stook.core.model.Pod;

/** A filter prepared for one equivalence class; the pod given is any pod of that class. */
@FunctionalInterface
public interface PreparedFilter {
    /** Returned by filters that take no part for a class; the placer then skips them. */
    PreparedFilter ACCEPTS_EVERY_NODE = (pod, node) -> null;
    /**
     * Returned by filters reading other pods that take no part for a class whatever those pods do (the class
     * lacks what the filter reads): the placer then skips them and does not prepare them again as pods move.
     */
    PreparedFilter NEVER_FOR_CLASS = (pod, node) -> null;

    /** Null when the node passes; otherwise a short reason, counted over nodes in explanations. */
    String reject(Pod pod, NodeSlot node);
}
