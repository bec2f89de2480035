package dev.stook.core.cycle;

import dev.stook.core.cluster.ClusterState;
import dev.stook.core.gang.GangAnnotations;
import dev.stook.core.gang.GangId;
import dev.stook.core.model.Durations;
import dev.stook.core.model.Pod;
import dev.stook.core.model.PodId;
import dev.stook.core.model.Resources;
import dev.stook.core.queue.QueueResolver;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The pending pods the engine schedules as one: a lone pod, or the pending members of one gang. Its
 * ordering keys (priority, age) change only while it is out of the engine's queue.
 */
final class PendingUnit {
    final String name;
    final GangId gang;
    final long firstSeenMillis;
    final long sequence;
    /** Identifies the unit's reservations in a cycle's scratch copy; never 0. */
    final int reservationId;
    private final Map<PodId, Pod> members = new LinkedHashMap<>();
    private long lastArrivalMillis;
    private int priority = Integer.MIN_VALUE;
    private long createdAtMillis = Long.MAX_VALUE;
    private Resources requests = Resources.NONE;
    long failedAtReleases = -1;
    boolean timeoutReported;
    String lastMessage;
    /** The condition reason reported with {@link #lastMessage}. */
    String lastReason;
    /** Pending members that found a place in the last attempt, or -1 before any. */
    int lastPlaceable = -1;
    /** The leaf queue, or null with {@link #queueProblem} saying why there is none. */
    String queue;
    String queueProblem;
    /** The cluster's capacity releases at this unit's last search for victims that found none. */
    long searchedForVictimsAt = -1;
    /** When the unit was first held back for a more local placement, or -1 (see {@link LocalityDelay}). */
    long localityWaitSinceMillis = -1;
    /** Nodes where this unit's victims run: held for it until it is placed or its victims are gone. */
    Set<String> nominatedNodes = Set.of();
    /** Pods this unit had evicted to make room, still going away. */
    Set<PodId> awaitedVictims = Set.of();

    PendingUnit(String name, GangId gang, long nowMillis, long sequence) {
        this.name = name;
        this.gang = gang;
        this.firstSeenMillis = nowMillis;
        this.lastArrivalMillis = nowMillis;
        this.sequence = sequence;
        this.reservationId = (int) (sequence % Integer.MAX_VALUE) + 1;
    }

    void add(Pod pod, long nowMillis) {
        members.put(pod.id(), pod);
        lastArrivalMillis = nowMillis;
        membershipChanged();
    }

    void remove(PodId id) {
        members.remove(id);
        membershipChanged();
    }

    private void membershipChanged() {
        priority = Integer.MIN_VALUE;
        createdAtMillis = Long.MAX_VALUE;
        requests = Resources.NONE;
        for (Pod pod : members.values()) {
            priority = Math.max(priority, pod.priority());
            createdAtMillis = Math.min(createdAtMillis, pod.createdAtMillis());
            requests = requests.plus(pod.requests());
        }
        failedAtReleases = -1;
    }

    /** What all pending members ask for together. */
    Resources requests() {
        return requests;
    }

    /** What the non-preemptible pending members ask for together. */
    Resources nonPreemptibleRequests() {
        Resources sum = Resources.NONE;
        for (Pod pod : members.values()) {
            if (!pod.preemptible()) {
                sum = sum.plus(pod.requests());
            }
        }
        return sum;
    }

    /** Who the unit counts against in a fair queue. */
    String owner() {
        return members.values().iterator().next().owner();
    }

    /** The queue the members name, or null when they name none; throws when they disagree. */
    String namedQueue() {
        TreeSet<String> named = new TreeSet<>();
        boolean someUnnamed = false;
        for (Pod pod : members.values()) {
            if (pod.queue() == null) {
                someUnnamed = true;
            } else {
                named.add(pod.queue());
            }
        }
        if (named.size() > 1 || (someUnnamed && !named.isEmpty())) {
            throw new IllegalArgumentException("gang " + name + ": members name different queues "
                    + (someUnnamed ? "(some none) " : "") + named + "; give every member the same "
                    + QueueResolver.QUEUE_ANNOTATION);
        }
        return named.isEmpty() ? null : named.first();
    }

    boolean isEmpty() {
        return members.isEmpty();
    }

    boolean isGang() {
        return gang != null;
    }

    Collection<Pod> members() {
        return members.values();
    }

    int priority() {
        return priority;
    }

    long createdAtMillis() {
        return createdAtMillis;
    }

    long lastArrivalMillis() {
        return lastArrivalMillis;
    }

    /** The smallest timeout any member asks for. */
    long gangTimeoutMillis() {
        long timeout = Long.MAX_VALUE;
        for (Pod pod : members.values()) {
            timeout = Math.min(timeout, pod.gang().timeoutMillis());
        }
        return timeout;
    }

    /** The minimum the members declare: 0 if none does, -1 if they disagree. */
    int declaredMinimum() {
        TreeSet<Integer> declared = declaredMinimums();
        return declared.isEmpty() ? 0 : declared.size() > 1 ? -1 : declared.first();
    }

    private TreeSet<Integer> declaredMinimums() {
        TreeSet<Integer> declared = new TreeSet<>();
        for (Pod pod : members.values()) {
            if (pod.gang().declaresMinimum()) {
                declared.add(pod.gang().minMembers());
            }
        }
        return declared;
    }

    /** A gang admitted before but left with fewer than its minimum placed, e.g. after a crash mid-binding. */
    boolean isPartlyPlaced(ClusterState cluster) {
        if (!isGang()) {
            return false;
        }
        int placed = cluster.placedMembers(gang);
        int minimum = declaredMinimum();
        return placed > 0 && minimum > 0 && placed < minimum;
    }

    /**
     * Why the gang is not ready to be tried (members disagree, or have not all been created yet), or
     * null when it is.
     */
    String notReadyBecause(ClusterState cluster, SchedulerSettings settings, long nowMillis) {
        if (!isGang()) {
            return null;
        }
        int minimum = declaredMinimum();
        if (minimum < 0) {
            return "gang " + name + ": members disagree on " + GangAnnotations.MIN_MEMBERS + " " + declaredMinimums()
                    + "; give every member the same value";
        }
        int existing = members.size() + cluster.placedMembers(gang);
        if (minimum > 0 && existing < minimum) {
            return "gang " + name + ": waiting for members to be created, " + existing + " of " + minimum + " exist";
        }
        if (minimum == 0 && nowMillis - lastArrivalMillis < settings.gangSettleMillis()) {
            return "gang " + name + ": waiting " + Durations.format(settings.gangSettleMillis())
                    + " for more members to arrive";
        }
        return null;
    }

    /** The unit as the cycle places it: members carry the resolved queue so they are accounted to it. */
    SchedulingUnit toSchedulingUnit(ClusterState cluster) {
        List<Pod> pods = new ArrayList<>(members.size());
        for (Pod pod : members.values()) {
            pods.add(queue.equals(pod.queue()) ? pod : pod.inQueue(queue));
        }
        if (!isGang()) {
            return SchedulingUnit.single(pods.get(0));
        }
        int placed = cluster.placedMembers(gang);
        int minimum = declaredMinimum();
        return new SchedulingUnit(name, pods, minimum > 0 ? minimum : members.size() + placed, placed);
    }
}
