package dev.stook.core.cycle;

import dev.stook.core.locality.LocalReads;
import dev.stook.core.model.Durations;

import java.util.List;
import java.util.Locale;

/**
 * Delay scheduling (Zaharia et al., EuroSys 2010): a unit whose placement would read less than the
 * locality threshold of its bytes locally waits, up to the locality wait, for a node holding more of
 * its data to free up, then takes what it can get. It never waits when no node it could use holds more
 * of its data than the placement offers. The wait starts the first time the unit is held back.
 */
final class LocalityDelay implements PlacementPermit {
    /** When the unit was first held back for a more local placement. */
    private static final class WaitingSince {
        long millis = -1;
    }

    @Override
    public Hold check(PendingUnit unit, List<Decision.Bind> places, CycleWork work) {
        SchedulerSettings settings = work.context().settings();
        long now = work.context().nowMillis();
        if (places.isEmpty() || settings.localityWaitMillis() == 0) {
            return null;
        }
        LocalReads reads = LocalReads.NONE;
        for (Decision.Bind bind : places) {
            reads = reads.plus(bind.locality());
        }
        long waitEnds = waitEndsMillis(unit, settings);
        if (!reads.readsData() || reads.ratio() >= settings.localityThreshold()
                || waitEnds != Long.MAX_VALUE && now >= waitEnds) {
            return null;
        }
        boolean betterExists = places.stream().anyMatch(bind ->
                work.placer().localityOutlook(bind.pod(), work.scratch()).bestShare() > bind.locality().ratio());
        if (!betterExists) {
            return null;
        }
        WaitingSince since = unit.state(WaitingSince.class, WaitingSince::new);
        if (since.millis < 0) {
            since.millis = now;
        }
        return Hold.reported(Scheduler.LOCALITY_WAIT, String.format(Locale.ROOT, "waiting up to %s for nodes holding"
                + " its data: the best placement now reads %.0f%% of its bytes locally, below the %.0f%% locality"
                + " threshold", Durations.format(settings.localityWaitMillis()), 100 * reads.ratio(),
                100 * settings.localityThreshold()));
    }

    @Override
    public String holdUp(PendingUnit unit, UnitContext context) {
        long left = waitLeftMillis(unit, context);
        return left > 0 ? "waiting " + Durations.format((left + 999) / 1000 * 1000) + " more for nodes holding its data"
                : null;
    }

    @Override
    public long nextChangeMillis(PendingUnit unit, SchedulerSettings settings) {
        return waitEndsMillis(unit, settings);
    }

    /** How much longer the unit may wait for locality; 0 when it is not waiting. */
    static long waitLeftMillis(PendingUnit unit, UnitContext context) {
        long ends = waitEndsMillis(unit, context.settings());
        return ends == Long.MAX_VALUE ? 0 : Math.max(0, ends - context.nowMillis());
    }

    private static long waitEndsMillis(PendingUnit unit, SchedulerSettings settings) {
        WaitingSince since = unit.stateIfAny(WaitingSince.class);
        return since == null || since.millis < 0 ? Long.MAX_VALUE : since.millis + settings.localityWaitMillis();
    }
}
