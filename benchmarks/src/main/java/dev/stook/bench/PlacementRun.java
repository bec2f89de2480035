package dev.stook.bench;

import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.model.Pod;

import java.util.List;

/** Places pods one after another, in order, as a scheduling cycle of lone pods does. */
public final class PlacementRun {
    private PlacementRun() {}

    /** The node index chosen for each pod, -1 where none fits; placements are applied to the scratch copy. */
    public static int[] placeAll(List<Pod> pods, ScratchCluster scratch, NodeChooser chooser) {
        int[] chosen = new int[pods.size()];
        for (int i = 0; i < chosen.length; i++) {
            Pod pod = pods.get(i);
            chosen[i] = chooser.bestNode(pod, scratch);
            if (chosen[i] >= 0) {
                scratch.place(pod, chosen[i]);
            }
        }
        return chosen;
    }
}
