package dev.stook.core.overview;

import dev.stook.core.cycle.Scheduler;
import dev.stook.core.explain.ExplainedUnits;

/** Builds an {@link Overview} from the engine's state; call it on the scheduling thread. */
public final class OverviewBuilder {
    private OverviewBuilder() {}

    public static Overview build(Scheduler scheduler, RecentActivity activity, OverviewQuery query) {
        ExplainedUnits units = scheduler.explainPending(query.listed(), query.queue(), query.limit());
        return new Overview(scheduler.nowMillis(), QueueRows.of(scheduler.queueView(), scheduler.pendingPodsByQueue()),
                scheduler.pendingNamespaces().stream().filter(query.visible()).toList(), units.matching(),
                units.units(), activity.evictions(query.visible()), activity.cycles());
    }
}
