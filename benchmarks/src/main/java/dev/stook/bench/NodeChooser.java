package dev.stook.bench;

import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.model.Pod;

/** Picks the node for one pod in a cycle's scratch copy: Stook's {@code PodPlacer} or the baseline. */
@FunctionalInterface
public interface NodeChooser {
    /** The chosen node's index, or -1 when the pod fits nowhere. */
    int bestNode(Pod pod, ScratchCluster scratch);
}
