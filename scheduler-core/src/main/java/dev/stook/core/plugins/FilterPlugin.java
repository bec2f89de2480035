package dev.stook.core.plugins;

import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.model.Pod;

import java.util.Set;

/**
 * Decides which nodes a pod may run on, as kube-scheduler's PreFilter and Filter together: prepared once
 * per equivalence class (pods with equal signatures), then asked about each node. Implement {@link Filter}
 * instead when a node can be judged from the pod and the node alone.
 */
public interface FilterPlugin {
    String name();

    /** Everything the answers depend on; the placer re-prepares and re-asks only when one of these changes. */
    Set<Input> reads();

    /**
     * This filter for the pod's equivalence class as the cluster is now. It may read only what {@link #reads}
     * declares, and must not change the cluster. {@link PreparedFilter#ACCEPTS_EVERY_NODE} when the filter
     * takes no part for the class.
     */
    PreparedFilter prepare(Pod pod, ScratchCluster cluster);
}
