package dev.stook.core.queue;

import dev.stook.core.cycle.Hold;
import dev.stook.core.cycle.PendingUnit;
import dev.stook.core.cycle.Scheduler;
import dev.stook.core.cycle.UnitContext;
import dev.stook.core.cycle.UnitGate;
import dev.stook.core.model.Resources;

/**
 * A unit is tried only if it fits under the max of its queue and of every queue above it, and if its
 * non-preemptible pods fit inside its queue's guarantee (beyond it they could not be reclaimed).
 */
public final class QueueCaps implements UnitGate {
    @Override
    public Hold check(PendingUnit unit, UnitContext context) {
        QueueView queues = context.queues();
        for (String path = unit.queue(); path != null; path = QueueConfig.parentOf(path)) {
            String excess = QueueLimits.excess(queues.allocated(path), unit.requests(),
                    queues.config().queue(path).max());
            if (excess != null) {
                return overQuota("queue " + path + " is at its max (" + excess + ")");
            }
        }
        Resources nonPreemptible = unit.nonPreemptibleRequests();
        if (!nonPreemptible.isZero()) {
            String excess = QueueLimits.excess(context.cluster().nonPreemptibleUsage(unit.queue()), nonPreemptible,
                    queues.config().guaranteeOf(unit.queue()));
            if (excess != null) {
                return overQuota("non-preemptible pods run only inside queue " + unit.queue() + "'s guarantee ("
                        + excess + ")");
            }
        }
        return null;
    }

    private static Hold overQuota(String message) {
        return Hold.untilCapacityFrees(Scheduler.QUEUE_OVER_QUOTA, message);
    }
}
