package dev.stook.core.cycle;

import dev.stook.core.model.Durations;
import dev.stook.core.model.Pod;

/**
 * A unit that does not fit keeps the nodes it could use from others, so that capacity freeing there adds up
 * for it instead of going to whoever comes next: once it has waited longer than the starvation timeout, and
 * at once for a gang left partly bound (a crash or failed bindings cut its admission short).
 */
final class CapacityHold implements FailureRemedy {
    @Override
    public String afterFailure(PendingUnit unit, SchedulingUnit tried, UnitTrial.Outcome outcome, CycleWork work) {
        if (!outcome.admitted() && holdsCapacity(unit, work.context())) {
            for (Pod pod : tried.pending()) {
                work.placer().reserveFor(pod, work.scratch(), unit.reservationId());
            }
        }
        return "";
    }

    /** Its reservations last one cycle, so it is tried, and holds again, every cycle. */
    @Override
    public boolean wantsRetry(PendingUnit unit, UnitContext context) {
        return holdsCapacity(unit, context);
    }

    @Override
    public String holdUp(PendingUnit unit, UnitContext context) {
        if (unit.isPartlyPlaced(context.cluster())) {
            return "partly bound gang: it goes first and holds the nodes it could use until it is whole";
        }
        return starving(unit, context)
                ? "waiting longer than the starvation timeout (" + Durations.format(context.settings().starvationMillis())
                        + "): it holds the nodes it could use until it fits"
                : null;
    }

    @Override
    public long nextChangeMillis(PendingUnit unit, SchedulerSettings settings) {
        return unit.firstSeenMillis() + settings.starvationMillis();
    }

    private static boolean holdsCapacity(PendingUnit unit, UnitContext context) {
        return unit.isPartlyPlaced(context.cluster()) || starving(unit, context);
    }

    private static boolean starving(PendingUnit unit, UnitContext context) {
        return context.nowMillis() - unit.firstSeenMillis() >= context.settings().starvationMillis();
    }
}
