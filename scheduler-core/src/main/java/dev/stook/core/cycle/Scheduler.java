package dev.stook.core.cycle;

import dev.stook.core.cluster.ClusterState;
import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.model.Pod;
import dev.stook.core.model.PodId;
import dev.stook.core.plugins.PluginProfile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The scheduling engine shared by the Kubernetes adapter and the simulator: it holds the pending units
 * and, on each {@link #runCycle()}, tries them in order against a snapshot of the cluster state. Units
 * that do not fit do not block the ones behind them. Admitted pods are assumed in the cluster state
 * before the decisions are returned. Not thread-safe: call it from one scheduling thread.
 */
public final class Scheduler {
    private static final Comparator<PendingUnit> ORDER = Comparator
            .comparingInt((PendingUnit p) -> -p.unit.priority())
            .thenComparingLong(p -> p.unit.createdAtMillis())
            .thenComparingLong(p -> p.sequence);

    private final ClusterState cluster;
    private final PodPlacer placer;
    private final SchedulingCycle cycle;
    private final TreeSet<PendingUnit> queue = new TreeSet<>(ORDER);
    private final Map<PodId, PendingUnit> byPod = new HashMap<>();
    private long nextSequence;

    public Scheduler(ClusterState cluster, PluginProfile profile) {
        this.cluster = cluster;
        this.placer = new PodPlacer(profile);
        this.cycle = new SchedulingCycle(placer);
    }

    /** Adds a pending pod, or replaces the pending copy of it. */
    public void submit(Pod pod) {
        withdraw(pod.id());
        PendingUnit pending = new PendingUnit(SchedulingUnit.single(pod), nextSequence++);
        queue.add(pending);
        byPod.put(pod.id(), pending);
    }

    /** Forgets a pending pod (deleted, or bound by someone else). True if it was pending. */
    public boolean withdraw(PodId id) {
        PendingUnit pending = byPod.remove(id);
        if (pending == null) {
            return false;
        }
        queue.remove(pending);
        return true;
    }

    public int pendingPods() {
        return byPod.size();
    }

    public ClusterState cluster() {
        return cluster;
    }

    /**
     * One pass over the pending units. A unit is skipped when it already failed and nothing that could
     * make room has happened since. Waits are reported only when a pod's explanation changed.
     */
    public List<Decision> runCycle() {
        long releases = cluster.capacityReleases();
        ScratchCluster scratch = new ScratchCluster(cluster.snapshot());
        List<Decision> decisions = new ArrayList<>();
        List<PendingUnit> admitted = new ArrayList<>();
        for (PendingUnit pending : queue) {
            if (pending.failedAtReleases == releases) {
                continue;
            }
            SchedulingCycle.Outcome outcome = cycle.attempt(pending.unit, scratch);
            if (outcome.admitted()) {
                admitted.add(pending);
                decisions.addAll(outcome.binds());
            } else {
                pending.failedAtReleases = releases;
                for (Decision.Wait wait : outcome.waits()) {
                    if (!wait.message().equals(pending.lastMessage)) {
                        decisions.add(wait);
                    }
                    pending.lastMessage = wait.message();
                }
            }
        }
        for (PendingUnit pending : admitted) {
            queue.remove(pending);
            for (Pod pod : pending.unit.pending()) {
                byPod.remove(pod.id());
            }
        }
        for (Decision decision : decisions) {
            if (decision instanceof Decision.Bind bind) {
                cluster.assume(bind.pod(), bind.nodeName());
            }
        }
        return decisions;
    }

    private static final class PendingUnit {
        final SchedulingUnit unit;
        final long sequence;
        long failedAtReleases = -1;
        String lastMessage;

        PendingUnit(SchedulingUnit unit, long sequence) {
            this.unit = unit;
            this.sequence = sequence;
        }
    }
}
