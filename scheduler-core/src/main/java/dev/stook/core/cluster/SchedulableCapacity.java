package dev.stook.core.cluster;

import dev.stook.core.model.Resources;

/**
 * What the cluster's schedulable (not cordoned) nodes offer together, summed again only when the node
 * topology changes.
 */
public final class SchedulableCapacity {
    private ClusterSnapshot summedFor;
    private Resources capacity = Resources.NONE;

    public Resources of(ClusterSnapshot snapshot) {
        if (!snapshot.sameTopologyAs(summedFor)) {
            Resources sum = Resources.NONE;
            for (int i = 0; i < snapshot.size(); i++) {
                if (!snapshot.node(i).unschedulable()) {
                    sum = sum.plus(snapshot.node(i).allocatable());
                }
            }
            capacity = sum;
            summedFor = snapshot;
        }
        return capacity;
    }
}
