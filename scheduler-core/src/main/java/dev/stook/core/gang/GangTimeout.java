package dev.stook.core.gang;

import dev.stook.core.cycle.CycleWork;
import dev.stook.core.cycle.FailureRemedy;
import dev.stook.core.cycle.PendingUnit;
import dev.stook.core.cycle.SchedulerSettings;
import dev.stook.core.cycle.SchedulingUnit;
import dev.stook.core.cycle.UnitContext;
import dev.stook.core.cycle.UnitTrial;
import dev.stook.core.model.Durations;

/**
 * A gang waiting longer than the timeout its members ask for says so on its pods. It keeps waiting: the
 * timeout is a signal for users and their controllers, never a reason to start part of the gang.
 */
public final class GangTimeout implements FailureRemedy {
    /** Whether the last report on the gang's pods already said it timed out. */
    private static final class Reported {
        boolean timedOut;
    }

    @Override
    public String afterFailure(PendingUnit unit, SchedulingUnit tried, UnitTrial.Outcome outcome, CycleWork work) {
        boolean timedOut = timedOut(unit, work.context());
        unit.state(Reported.class, Reported::new).timedOut = timedOut;
        return timedOut ? "; waiting longer than its " + Durations.format(unit.gangTimeoutMillis()) + " gang-timeout"
                : "";
    }

    /** The message changes when the gang times out, so it is tried then to report it. */
    @Override
    public boolean wantsRetry(PendingUnit unit, UnitContext context) {
        return timedOut(unit, context) != unit.state(Reported.class, Reported::new).timedOut;
    }

    @Override
    public long nextChangeMillis(PendingUnit unit, SchedulerSettings settings) {
        return unit.isGang() ? unit.firstSeenMillis() + unit.gangTimeoutMillis() : Long.MAX_VALUE;
    }

    private static boolean timedOut(PendingUnit unit, UnitContext context) {
        return unit.isGang() && context.nowMillis() - unit.firstSeenMillis() >= unit.gangTimeoutMillis();
    }
}
