package dev.stook.core.cycle;

import dev.stook.core.cluster.ScratchCluster;
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
final class LocalityDelay {
    private final SchedulerSettings settings;
    private final PodPlacer placer;

    LocalityDelay(SchedulerSettings settings, PodPlacer placer) {
        this.settings = settings;
        this.placer = placer;
    }

    /** Why the unit should not take these placements yet, or null to take them. */
    String holdBack(PendingUnit unit, List<Decision.Bind> binds, ScratchCluster scratch, long nowMillis) {
        if (binds.isEmpty() || settings.localityWaitMillis() == 0) {
            return null;
        }
        LocalReads reads = LocalReads.NONE;
        for (Decision.Bind bind : binds) {
            reads = reads.plus(bind.locality());
        }
        if (!reads.readsData() || reads.ratio() >= settings.localityThreshold()
                || unit.localityWaitSinceMillis >= 0 && nowMillis >= waitEndsMillis(unit)) {
            return null;
        }
        boolean betterExists = binds.stream().anyMatch(
                bind -> placer.localityOutlook(bind.pod(), scratch).bestShare() > bind.locality().ratio());
        if (!betterExists) {
            return null;
        }
        if (unit.localityWaitSinceMillis < 0) {
            unit.localityWaitSinceMillis = nowMillis;
        }
        return String.format(Locale.ROOT, "waiting up to %s for nodes holding its data: the best placement now"
                + " reads %.0f%% of its bytes locally, below the %.0f%% locality threshold",
                Durations.format(settings.localityWaitMillis()), 100 * reads.ratio(), 100 * settings.localityThreshold());
    }

    /** When the unit stops waiting for locality, or {@link Long#MAX_VALUE} if it never started. */
    long waitEndsMillis(PendingUnit unit) {
        return unit.localityWaitSinceMillis < 0 ? Long.MAX_VALUE : unit.localityWaitSinceMillis + settings.localityWaitMillis();
    }
}
