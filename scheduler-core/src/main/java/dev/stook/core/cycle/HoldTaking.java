package dev.stook.core.cycle;

import dev.stook.core.cluster.ClusterState;
import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.locality.LocalReads;
import dev.stook.core.model.Pod;
import dev.stook.core.spark.ExecutorHolds;
import dev.stook.core.spark.SparkRole;

/**
 * A pending executor of a driver that holds capacity for its executors takes one of those holds: it goes to a
 * node with a free hold of its driver, in the same queue, when it asks for no more than the hold and the node
 * passes every filter for it once the hold is gone. The hold leaves the cluster state as the executor is assumed
 * in its place, so the queue is not charged twice. An executor that no hold fits is scheduled as any pod.
 */
final class HoldTaking {
    private final ExecutorHolds holds;

    HoldTaking(ExecutorHolds holds) {
        this.holds = holds;
    }

    /** The executor's bind to the node of the hold it took (already assumed there), or null if it took none. */
    Decision.Bind take(PendingUnit unit, CycleWork work) {
        if (unit.isGang() || unit.queue() == null) {
            return null;
        }
        Pod pending = unit.members().iterator().next();
        if (!(pending.spark() instanceof SparkRole.Executor) || !pending.schedulingGates().isEmpty()) {
            return null;
        }
        Pod executor = pending.inQueue(unit.queue());
        ScratchCluster scratch = work.scratch();
        ClusterState cluster = work.context().cluster();
        for (ExecutorHolds.Free free : holds.freeFor(executor)) {
            Pod hold = free.held().hold();
            int node = scratch.snapshot().indexOf(free.held().node());
            if (node < 0 || !unit.queue().equals(hold.queue()) || !executor.requests().fitsWithin(hold.requests())) {
                continue;
            }
            int mark = scratch.mark();
            scratch.remove(hold, node);
            if (work.placer().bestNodeAmong(executor, scratch, new int[] {node}) == node) {
                scratch.place(executor, node);
                holds.take(free, executor, cluster);
                cluster.assume(executor, free.held().node());
                return new Decision.Bind(executor, free.held().node(),
                        LocalReads.of(executor.dataReads(), scratch.snapshot().cachedChunks(node)));
            }
            scratch.rollbackTo(mark);
        }
        return null;
    }
}
