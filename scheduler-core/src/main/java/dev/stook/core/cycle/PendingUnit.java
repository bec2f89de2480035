package dev.stook.core.cycle;

import dev.stook.core.cluster.ClusterState;
import dev.stook.core.gang.GangAnnotations;
import dev.stook.core.gang.GangId;
import dev.stook.core.model.Durations;
import dev.stook.core.model.Pod;
import dev.stook.core.model.PodId;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
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
    private final Map<PodId, Pod> members = new LinkedHashMap<>();
    private long lastArrivalMillis;
    private int priority = Integer.MIN_VALUE;
    private long createdAtMillis = Long.MAX_VALUE;
    long failedAtReleases = -1;
    boolean timeoutReported;
    String lastMessage;

    PendingUnit(String name, GangId gang, long nowMillis, long sequence) {
        this.name = name;
        this.gang = gang;
        this.firstSeenMillis = nowMillis;
        this.lastArrivalMillis = nowMillis;
        this.sequence = sequence;
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
        for (Pod pod : members.values()) {
            priority = Math.max(priority, pod.priority());
            createdAtMillis = Math.min(createdAtMillis, pod.createdAtMillis());
        }
        failedAtReleases = -1;
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

    SchedulingUnit toSchedulingUnit(ClusterState cluster) {
        if (!isGang()) {
            return SchedulingUnit.single(members.values().iterator().next());
        }
        int placed = cluster.placedMembers(gang);
        int minimum = declaredMinimum();
        return new SchedulingUnit(name, members.values().stream().toList(),
                minimum > 0 ? minimum : members.size() + placed, placed);
    }
}
