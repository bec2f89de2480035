package dev.stook.core.plugins;

import dev.stook.core.cluster.NodeSlot;
import dev.stook.core.model.Pod;

/** Decides whether a pod may run on a node. One rule per class, as in kube-scheduler's Filter plugins. */
public interface Filter {
    String name();

    /**
     * True when the answer depends on what is in use on the node. Filters that look only at the node's
     * spec are run once per equivalence class and cycle; the others whenever the node's usage changes.
     */
    boolean readsUsage();

    /** Null when the node passes; otherwise a short reason, counted over nodes in explanations. */
    String reject(Pod pod, NodeSlot node);
}
