package dev.stook.core.cycle;

import dev.stook.core.cluster.ClusterState;
import dev.stook.core.queue.QueueView;

/**
 * What unit rules read, in a cycle or for an explanation.
 *
 * @param capacityReleases the cluster's count of capacity releases as the cycle started
 * @param queues           the cycle's view of the queues, admissions so far included
 */
public record UnitContext(long nowMillis, long capacityReleases, ClusterState cluster, SchedulerSettings settings,
                          QueueView queues) {
}
