package dev.stook.core.cycle;

import dev.stook.core.cluster.ClusterState;
import dev.stook.core.explain.GangProgress;
import dev.stook.core.explain.LastAttempt;
import dev.stook.core.explain.PendingExplanation;
import dev.stook.core.explain.QueuePlace;
import dev.stook.core.explain.QueueStanding;
import dev.stook.core.model.Durations;
import dev.stook.core.model.PodId;
import dev.stook.core.model.Quantity;
import dev.stook.core.model.ResourceNames;
import dev.stook.core.model.Resources;
import dev.stook.core.queue.DominantShare;
import dev.stook.core.queue.QueueConfig;
import dev.stook.core.queue.QueueDefinition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Describes one pending unit for {@link Scheduler#explain}: reads the engine's state, changes nothing.
 * Its hold-ups mirror the checks {@code Scheduler.Pass#offer} makes before trying a unit.
 */
final class UnitExplainer {
    private final ClusterState cluster;
    private final SchedulerSettings settings;
    private final QueueConfig queues;
    private final Resources capacity;
    private final Supplier<Map<String, Resources>> fairShares;
    private final Set<PodId> evicting;
    private final long now;

    UnitExplainer(ClusterState cluster, SchedulerSettings settings, QueueConfig queues, Resources capacity,
                  Supplier<Map<String, Resources>> fairShares, Set<PodId> evicting, long now) {
        this.cluster = cluster;
        this.settings = settings;
        this.queues = queues;
        this.capacity = capacity;
        this.fairShares = fairShares;
        this.evicting = evicting;
        this.now = now;
    }

    /** @param leafUnits the units of the unit's leaf queue in policy order; ignored when it has no queue */
    PendingExplanation explain(PendingUnit unit, Collection<PendingUnit> leafUnits, long localityWaitEndsMillis) {
        LastAttempt last = unit.lastMessage == null ? null : new LastAttempt(unit.lastReason, unit.lastMessage);
        long localityWaitLeft = localityWaitEndsMillis == Long.MAX_VALUE ? 0
                : Math.max(0, localityWaitEndsMillis - now);
        return new PendingExplanation(unit.name, place(unit, leafUnits), unit.queueProblem, standing(unit),
                gang(unit), last, now - unit.firstSeenMillis, localityWaitLeft, holdUps(unit, localityWaitLeft));
    }

    private QueuePlace place(PendingUnit unit, Collection<PendingUnit> leafUnits) {
        if (unit.queue == null) {
            return null;
        }
        int position = 1;
        for (PendingUnit other : leafUnits) {
            if (other == unit) {
                break;
            }
            position++;
        }
        return new QueuePlace(unit.queue, queues.queue(unit.queue).policy(), position, leafUnits.size());
    }

    private QueueStanding standing(PendingUnit unit) {
        if (unit.queue == null) {
            return null;
        }
        QueueDefinition queue = queues.queue(unit.queue);
        Resources allocated = cluster.queueUsage(unit.queue);
        Resources fair = fairShares.get().getOrDefault(unit.queue, Resources.NONE);
        List<QueueStanding.ResourceStanding> resources = new ArrayList<>();
        Resources asked = unit.requests();
        for (int slot = 0; slot < asked.width(); slot++) {
            if (asked.get(slot) > 0) {
                boolean cpu = slot == ResourceNames.CPU;
                resources.add(new QueueStanding.ResourceStanding(ResourceNames.nameOf(slot),
                        Quantity.format(allocated.get(slot), cpu), Quantity.format(fair.get(slot), cpu),
                        Quantity.format(queue.guaranteed().get(slot), cpu),
                        queue.max().limits(slot) ? Quantity.format(queue.max().limit(slot), cpu) : null));
            }
        }
        return new QueueStanding(DominantShare.of(allocated, capacity), DominantShare.of(fair, capacity),
                DominantShare.of(queue.guaranteed(), capacity), resources);
    }

    private GangProgress gang(PendingUnit unit) {
        if (!unit.isGang()) {
            return null;
        }
        int placed = cluster.placedMembers(unit.gang);
        int created = unit.members().size() + placed;
        int declared = unit.declaredMinimum();
        return new GangProgress(unit.name, created, placed, declared > 0 ? declared : created, unit.lastPlaceable);
    }

    private List<String> holdUps(PendingUnit unit, long localityWaitLeft) {
        List<String> holdUps = new ArrayList<>();
        if (unit.queue == null) {
            holdUps.add("it has no queue: " + unit.queueProblem);
            return holdUps;
        }
        String notReady = unit.notReadyBecause(cluster, settings, now);
        if (notReady != null) {
            holdUps.add(notReady);
        }
        boolean holdsCapacity = unit.isPartlyPlaced(cluster)
                || now - unit.firstSeenMillis >= settings.starvationMillis();
        boolean timedOut = unit.isGang() && now - unit.firstSeenMillis >= unit.gangTimeoutMillis();
        if (notReady == null && unit.failedAtReleases == cluster.capacityReleases() && !holdsCapacity
                && timedOut == unit.timeoutReported) {
            holdUps.add("nothing changed since its last attempt failed: it is tried again when capacity is released"
                    + " (a pod ends or is evicted, a node is added or changes) or its pods change");
        }
        if (holdsCapacity) {
            holdUps.add(unit.isPartlyPlaced(cluster)
                    ? "partly bound gang: it goes first and holds the nodes it could use until it is whole"
                    : "waiting longer than the starvation timeout (" + Durations.format(settings.starvationMillis())
                            + "): it holds the nodes it could use until it fits");
        }
        long victims = unit.awaitedVictims.stream().filter(evicting::contains).count();
        if (victims > 0) {
            holdUps.add("waiting for " + victims + " evicted pods to terminate");
        }
        if (localityWaitLeft > 0) {
            holdUps.add("waiting " + Durations.format((localityWaitLeft + 999) / 1000 * 1000)
                    + " more for nodes holding its data");
        }
        return holdUps;
    }
}
