package dev.stook.core.cycle;

import dev.stook.core.cluster.ClusterState;
import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.model.Durations;
import dev.stook.core.model.Pod;
import dev.stook.core.model.PodId;
import dev.stook.core.plugins.PluginProfile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The scheduling engine shared by the Kubernetes adapter and the simulator: it holds the pending units
 * (lone pods and gangs) and, on each {@link #runCycle()}, tries them in order against a snapshot of the
 * cluster state. Units that do not fit do not block the ones behind them, except that a unit waiting
 * longer than the starvation timeout holds the nodes it could use. Admitted pods are assumed in the
 * cluster state before the decisions are returned. Not thread-safe: call it from one scheduling thread.
 */
public final class Scheduler {
    public static final String GANG_WAITING = "GangWaiting";

    private static final Comparator<PendingUnit> ORDER = Comparator
            .comparingInt((PendingUnit u) -> -u.priority())
            .thenComparingLong(PendingUnit::createdAtMillis)
            .thenComparingLong(u -> u.sequence);

    private final ClusterState cluster;
    private final SchedulerSettings settings;
    private final TimeSource clock;
    private final PodPlacer placer;
    private final SchedulingCycle cycle;
    private final TreeSet<PendingUnit> queue = new TreeSet<>(ORDER);
    private final Map<String, PendingUnit> unitsByName = new HashMap<>();
    private final Map<PodId, PendingUnit> unitByPod = new HashMap<>();
    private long nextSequence;

    public Scheduler(ClusterState cluster, PluginProfile profile) {
        this(cluster, profile, SchedulerSettings.DEFAULTS, TimeSource.SYSTEM);
    }

    public Scheduler(ClusterState cluster, PluginProfile profile, SchedulerSettings settings, TimeSource clock) {
        this.cluster = cluster;
        this.settings = settings;
        this.clock = clock;
        this.placer = new PodPlacer(profile);
        this.cycle = new SchedulingCycle(placer);
    }

    /** Adds a pending pod, or replaces the pending copy of it. */
    public void submit(Pod pod) {
        withdraw(pod.id());
        boolean gang = settings.gangAdmission() && pod.gang() != null;
        String name = gang ? pod.gang().id().toString() : pod.id().toString();
        PendingUnit unit = unitsByName.get(name);
        if (unit == null) {
            unit = new PendingUnit(name, gang ? pod.gang().id() : null, clock.nowMillis(), nextSequence++);
            unitsByName.put(name, unit);
        } else {
            queue.remove(unit);
        }
        unit.add(pod, clock.nowMillis());
        queue.add(unit);
        unitByPod.put(pod.id(), unit);
    }

    /** Forgets a pending pod (deleted, or bound by someone else). True if it was pending. */
    public boolean withdraw(PodId id) {
        PendingUnit unit = unitByPod.remove(id);
        if (unit == null) {
            return false;
        }
        queue.remove(unit);
        unit.remove(id);
        if (unit.isEmpty()) {
            unitsByName.remove(unit.name);
        } else {
            queue.add(unit);
        }
        return true;
    }

    public int pendingPods() {
        return unitByPod.size();
    }

    public ClusterState cluster() {
        return cluster;
    }

    /**
     * The earliest time at which the passing of time alone can change a decision (a gang settles, a
     * unit starts to starve or passes its gang timeout), or {@link Long#MAX_VALUE}. Callers driving
     * cycles from events run one then too.
     */
    public long nextTimedChangeMillis() {
        long now = clock.nowMillis();
        long next = Long.MAX_VALUE;
        for (PendingUnit unit : queue) {
            next = earliestAfter(now, next, unit.firstSeenMillis + settings.starvationMillis());
            if (unit.isGang()) {
                next = earliestAfter(now, next, unit.lastArrivalMillis() + settings.gangSettleMillis());
                next = earliestAfter(now, next, unit.firstSeenMillis + unit.gangTimeoutMillis());
            }
        }
        return next;
    }

    /** Moments already passed are left out: one of them must not hide another unit's change still to come. */
    private static long earliestAfter(long now, long earliest, long candidate) {
        return candidate > now ? Math.min(earliest, candidate) : earliest;
    }

    /**
     * One pass over the pending units. A unit is skipped when it already failed and nothing that could
     * make room has happened since. Waits are reported only when a unit's explanation changed.
     */
    public List<Decision> runCycle() {
        long now = clock.nowMillis();
        long releases = cluster.capacityReleases();
        ScratchCluster scratch = new ScratchCluster(cluster.snapshot());
        List<Decision> decisions = new ArrayList<>();
        Map<PendingUnit, List<Decision.Bind>> admitted = new LinkedHashMap<>();
        for (PendingUnit unit : queue) {
            String notReady = unit.notReadyBecause(cluster, settings, now);
            if (notReady != null) {
                report(unit, unit.members(), notReady, decisions);
                continue;
            }
            boolean starving = now - unit.firstSeenMillis >= settings.starvationMillis();
            boolean timedOut = unit.isGang() && now - unit.firstSeenMillis >= unit.gangTimeoutMillis();
            if (unit.failedAtReleases == releases && !starving && timedOut == unit.timeoutReported) {
                continue;
            }
            SchedulingCycle.Outcome outcome = cycle.attempt(unit.toSchedulingUnit(cluster), scratch);
            decisions.addAll(outcome.binds());
            if (outcome.admitted()) {
                admitted.put(unit, outcome.binds());
            }
            if (!outcome.waits().isEmpty()) {
                unit.failedAtReleases = releases;
                unit.timeoutReported = timedOut;
                String message = outcome.waits().get(0).message() + (timedOut
                        ? "; waiting longer than its " + Durations.format(unit.gangTimeoutMillis()) + " gang-timeout"
                        : "");
                report(unit, outcome.waits().stream().map(Decision::pod).toList(), message, decisions);
                if (starving) {
                    for (Decision.Wait wait : outcome.waits()) {
                        placer.reserveFor(wait.pod(), scratch);
                    }
                }
            }
        }
        admitted.forEach(this::removeAdmitted);
        for (Decision decision : decisions) {
            if (decision instanceof Decision.Bind bind) {
                cluster.assume(bind.pod(), bind.nodeName());
            }
        }
        return decisions;
    }

    private void report(PendingUnit unit, Iterable<Pod> pods, String message, List<Decision> decisions) {
        if (message.equals(unit.lastMessage)) {
            return;
        }
        unit.lastMessage = message;
        String reason = unit.isGang() ? GANG_WAITING : SchedulingCycle.UNSCHEDULABLE;
        for (Pod pod : pods) {
            decisions.add(new Decision.Wait(pod, reason, message));
        }
    }

    private void removeAdmitted(PendingUnit unit, List<Decision.Bind> binds) {
        queue.remove(unit);
        for (Decision.Bind bind : binds) {
            unitByPod.remove(bind.pod().id());
            unit.remove(bind.pod().id());
        }
        if (unit.isEmpty()) {
            unitsByName.remove(unit.name);
        } else {
            queue.add(unit);
        }
    }
}
