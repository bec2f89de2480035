package dev.stook.core.cycle;

import dev.stook.core.cluster.ClusterState;
import dev.stook.core.gang.GangId;
import dev.stook.core.gang.GangTopology;
import dev.stook.core.model.Pod;
import dev.stook.core.model.PodId;
import dev.stook.core.model.Resources;
import dev.stook.core.queue.QueueResolver;
import dev.stook.core.spark.HoldPods;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The pending pods the engine schedules as one: a lone pod, or the pending members of one gang. Its
 * ordering keys (priority, age) change only while it is out of the engine's queue. Unit rules keep what
 * they remember about it in {@link #state}.
 */
public final class PendingUnit {
    private final String name;
    private final GangId gang;
    private final long firstSeenMillis;
    private final long sequence;
    private final int reservationId;
    private final Map<PodId, Pod> members = new LinkedHashMap<>();
    private final Map<Class<?>, Object> ruleStates = new HashMap<>();
    private long lastArrivalMillis;
    private int priority = Integer.MIN_VALUE;
    private long createdAtMillis = Long.MAX_VALUE;
    private Resources requests = Resources.NONE;
    private long failedAtReleases = -1;
    private String lastMessage;
    private String lastReason;
    /** The pods {@link #lastMessage} was reported on. */
    private final Set<PodId> told = new HashSet<>();
    private int lastPlaceable = -1;
    private String queue;
    private String queueProblem;

    PendingUnit(String name, GangId gang, long nowMillis, long sequence) {
        this.name = name;
        this.gang = gang;
        this.firstSeenMillis = nowMillis;
        this.lastArrivalMillis = nowMillis;
        this.sequence = sequence;
        this.reservationId = (int) (sequence % Integer.MAX_VALUE) + 1;
    }

    /** The gang's id, or the pod's for a lone pod. */
    public String name() {
        return name;
    }

    /** Its pods' namespace: a gang's members share their gang's. */
    public String namespace() {
        return gang != null ? gang.namespace() : members.keySet().iterator().next().namespace();
    }

    /** The gang, or null for a lone pod. */
    public GangId gang() {
        return gang;
    }

    public long firstSeenMillis() {
        return firstSeenMillis;
    }

    /** Submission order, to break ties between units of equal priority and age. */
    long sequence() {
        return sequence;
    }

    /** Identifies the unit's reservations in a cycle's scratch copy; never 0. */
    public int reservationId() {
        return reservationId;
    }

    /** The leaf queue, or null with {@link #queueProblem} saying why there is none. */
    public String queue() {
        return queue;
    }

    public String queueProblem() {
        return queueProblem;
    }

    void fileUnder(String leaf, String problem) {
        queue = leaf;
        queueProblem = problem;
    }

    /** The cluster's capacity releases when the unit last failed, or -1 if it has not since it last changed. */
    public long failedAtReleases() {
        return failedAtReleases;
    }

    void failedAt(long releases) {
        failedAtReleases = releases;
    }

    /** Lets the unit be tried next cycle even if nothing that could make room has happened. */
    public void forgetFailure() {
        failedAtReleases = -1;
    }

    /** The message last reported on its pods, or null before any. */
    public String lastMessage() {
        return lastMessage;
    }

    /** The condition reason reported with {@link #lastMessage}. */
    public String lastReason() {
        return lastReason;
    }

    /**
     * Records a report and returns the pods to tell: all of them when it says something new, else only those not
     * yet told (members that joined since), so a late member learns why its gang waits.
     */
    List<Pod> toTell(String reason, String message, Collection<Pod> pods) {
        if (!message.equals(lastMessage)) {
            lastMessage = message;
            lastReason = reason;
            told.clear();
        }
        List<Pod> untold = new ArrayList<>();
        for (Pod pod : pods) {
            if (told.add(pod.id())) {
                untold.add(pod);
            }
        }
        return untold;
    }

    /** Pending members that found a place in the last attempt, or -1 before any. */
    public int lastPlaceable() {
        return lastPlaceable;
    }

    void tried(int placeable) {
        lastPlaceable = placeable;
    }

    /** What one unit rule remembers about this unit, made on first use. */
    public <T> T state(Class<T> type, Supplier<T> fresh) {
        return type.cast(ruleStates.computeIfAbsent(type, key -> fresh.get()));
    }

    /** What one unit rule remembers about this unit, or null while it remembers nothing. */
    public <T> T stateIfAny(Class<T> type) {
        return type.cast(ruleStates.get(type));
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
            requests = requests.plus(pod.requests()).plus(HoldPods.totalFor(pod));
        }
        failedAtReleases = -1;
    }

    /** What all pending members ask for together, with the executor holds of a driver among them. */
    public Resources requests() {
        return requests;
    }

    /** What the non-preemptible pending members ask for together. */
    public Resources nonPreemptibleRequests() {
        Resources sum = Resources.NONE;
        for (Pod pod : members.values()) {
            if (!pod.preemptible()) {
                sum = sum.plus(pod.requests()).plus(HoldPods.totalFor(pod));
            }
        }
        return sum;
    }

    /** False when a member's {@code preemptionPolicy} is {@code Never}: nothing is evicted for the unit. */
    public boolean preemptsOthers() {
        for (Pod pod : members.values()) {
            if (!pod.preemptsOthers()) {
                return false;
            }
        }
        return true;
    }

    /** Who the unit counts against in a fair queue. */
    public String owner() {
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

    public boolean isEmpty() {
        return members.isEmpty();
    }

    public boolean isGang() {
        return gang != null;
    }

    public Collection<Pod> members() {
        return members.values();
    }

    public int priority() {
        return priority;
    }

    public long createdAtMillis() {
        return createdAtMillis;
    }

    public long lastArrivalMillis() {
        return lastArrivalMillis;
    }

    /** The smallest timeout any member asks for. */
    public long gangTimeoutMillis() {
        long timeout = Long.MAX_VALUE;
        for (Pod pod : members.values()) {
            timeout = Math.min(timeout, pod.gang().timeoutMillis());
        }
        return timeout;
    }

    /** The minimum the members declare: 0 if none does, -1 if they disagree. */
    public int declaredMinimum() {
        TreeSet<Integer> declared = declaredMinimums();
        return declared.isEmpty() ? 0 : declared.size() > 1 ? -1 : declared.first();
    }

    public TreeSet<Integer> declaredMinimums() {
        TreeSet<Integer> declared = new TreeSet<>();
        for (Pod pod : members.values()) {
            if (pod.gang().declaresMinimum()) {
                declared.add(pod.gang().minMembers());
            }
        }
        return declared;
    }

    /** The different topologies the members ask for ({@link GangTopology#NONE} for a member naming none). */
    public Set<GangTopology> declaredTopologies() {
        Set<GangTopology> declared = new LinkedHashSet<>();
        for (Pod pod : members.values()) {
            declared.add(pod.gang().topology());
        }
        return declared;
    }

    /** A gang admitted before but left with fewer than its minimum placed, e.g. after a crash mid-binding. */
    public boolean isPartlyPlaced(ClusterState cluster) {
        if (!isGang()) {
            return false;
        }
        int placed = cluster.placedMembers(gang);
        int minimum = declaredMinimum();
        return placed > 0 && minimum > 0 && placed < minimum;
    }

    /** The unit as the cycle places it: members carry the resolved queue so they are accounted to it. */
    public SchedulingUnit toSchedulingUnit(ClusterState cluster) {
        List<Pod> pods = new ArrayList<>(members.size());
        for (Pod pod : members.values()) {
            pods.add(queue.equals(pod.queue()) ? pod : pod.inQueue(queue));
        }
        if (!isGang()) {
            return withExecutorHolds(pods.get(0));
        }
        int placed = cluster.placedMembers(gang);
        int minimum = declaredMinimum();
        Set<GangTopology> topologies = declaredTopologies();
        // Members that disagree are held back by a gate; placed at all (explained, say), they keep to none.
        GangTopology topology = topologies.size() == 1 ? topologies.iterator().next() : GangTopology.NONE;
        return new SchedulingUnit(name, pods, minimum > 0 ? minimum : members.size() + placed, placed, topology);
    }

    /**
     * A lone pod, or a driver with the placeholders of the executors it asks to have held: tried as one, admitted
     * only if the driver and every placeholder have places.
     */
    private SchedulingUnit withExecutorHolds(Pod pod) {
        List<Pod> holds = HoldPods.of(pod);
        if (holds.isEmpty()) {
            return SchedulingUnit.single(pod);
        }
        List<Pod> driverAndHolds = new ArrayList<>(holds.size() + 1);
        driverAndHolds.add(pod);
        driverAndHolds.addAll(holds);
        return new SchedulingUnit(name, driverAndHolds, driverAndHolds.size(), 0);
    }
}
