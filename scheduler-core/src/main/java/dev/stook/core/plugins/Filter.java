package dev.stook.core.plugins;

import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.model.Pod;

/**
 * A filter that judges each node from the pod and the node alone, so it needs no preparation. One rule per
 * class, as in kube-scheduler's Filter plugins.
 */
public interface Filter extends FilterPlugin, PreparedFilter {
    @Override
    default PreparedFilter prepare(Pod pod, ScratchCluster cluster) {
        return this;
    }
}
