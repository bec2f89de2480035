package dev.stook.core.gang;

import dev.stook.core.cycle.Hold;
import dev.stook.core.cycle.PendingUnit;
import dev.stook.core.cycle.Scheduler;
import dev.stook.core.cycle.SchedulerSettings;
import dev.stook.core.cycle.UnitContext;
import dev.stook.core.cycle.UnitGate;
import dev.stook.core.model.Durations;
import dev.stook.core.model.Pod;

/**
 * A gang is tried only once it can be whole: the object declaring it exists (a PodGroup its members name, say),
 * its members agree on their minimum and that many exist, or, when none declares a minimum, no member arrived
 * for the settle time.
 */
public final class GangReadiness implements UnitGate {
    @Override
    public Hold check(PendingUnit unit, UnitContext context) {
        String notReady = notReadyBecause(unit, context);
        return notReady == null ? null : Hold.reported(Scheduler.GANG_WAITING, notReady);
    }

    private static String notReadyBecause(PendingUnit unit, UnitContext context) {
        if (!unit.isGang()) {
            return null;
        }
        for (Pod member : unit.members()) {
            if (member.gang().awaiting() != null) {
                return "gang " + unit.name() + ": waiting for " + member.gang().awaiting();
            }
        }
        int minimum = unit.declaredMinimum();
        if (minimum < 0) {
            return "gang " + unit.name() + ": members disagree on " + GangAnnotations.MIN_MEMBERS + " "
                    + unit.declaredMinimums() + "; give every member the same value";
        }
        int existing = unit.members().size() + context.cluster().placedMembers(unit.gang());
        if (minimum > 0 && existing < minimum) {
            return "gang " + unit.name() + ": waiting for members to be created, " + existing + " of " + minimum
                    + " exist";
        }
        long settle = context.settings().gangSettleMillis();
        if (minimum == 0 && context.nowMillis() - unit.lastArrivalMillis() < settle) {
            return "gang " + unit.name() + ": waiting " + Durations.format(settle) + " for more members to arrive";
        }
        return null;
    }

    @Override
    public long nextChangeMillis(PendingUnit unit, SchedulerSettings settings) {
        return unit.isGang() ? unit.lastArrivalMillis() + settings.gangSettleMillis() : Long.MAX_VALUE;
    }
}
