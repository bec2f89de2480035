package dev.stook.core.cycle;

import dev.stook.core.cluster.ClusterSnapshot;
import dev.stook.core.cluster.ClusterState;
import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.explain.PodExplanation;
import dev.stook.core.gang.GangMembership;
import dev.stook.core.model.Durations;
import dev.stook.core.model.Pod;
import dev.stook.core.model.PodId;
import dev.stook.core.model.Resources;
import dev.stook.core.plugins.PluginProfile;
import dev.stook.core.preempt.Preemptor;
import dev.stook.core.preempt.VictimGroup;
import dev.stook.core.preempt.VictimPool;
import dev.stook.core.queue.DominantShare;
import dev.stook.core.queue.FairShares;
import dev.stook.core.queue.QueueConfig;
import dev.stook.core.queue.QueueDefinition;
import dev.stook.core.queue.QueueLimits;
import dev.stook.core.queue.QueueOrder;
import dev.stook.core.queue.QueuePolicy;
import dev.stook.core.queue.QueueResolver;
import dev.stook.core.queue.ResourceCap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The scheduling engine shared by the Kubernetes adapter and the simulator. It holds the pending units
 * (lone pods and gangs) in their leaf queues and, on each {@link #runCycle()}, offers them in fair-share
 * order (see {@link QueueOrder}) to a snapshot of the cluster. A unit that does not fit does not block the
 * ones behind it, except that a unit waiting longer than the starvation timeout holds the nodes it could
 * use; a unit owed capacity (inside its queue's guarantee, or outranking pods of its own queue) has
 * victims evicted for it once it is proven to fit without them. Admitted pods are assumed in the cluster
 * state at once. Not thread-safe: call it from one scheduling thread.
 */
public final class Scheduler {
    public static final String GANG_WAITING = "GangWaiting";
    public static final String QUEUE_OVER_QUOTA = "QueueOverQuota";
    public static final String PREEMPTED = "Preempted";
    public static final String LOCALITY_WAIT = "LocalityWait";
    private static final int MAX_VICTIM_GROUPS_TRIED = 256;
    /** Preemption searches per cycle, for the first units in queue order that are owed room. */
    private static final int MAX_PREEMPTION_SEARCHES = 16;

    private final ClusterState cluster;
    private final SchedulerSettings settings;
    private final TimeSource clock;
    private final PodPlacer placer;
    private final SchedulingCycle cycle;
    private final Preemptor preemptor;
    private final LocalityDelay localityDelay;
    private final Map<String, PendingUnit> unitsByName = new HashMap<>();
    /** The gangs among {@link #unitsByName}, so per-cycle gang checks do not walk every lone pod. */
    private final Set<PendingUnit> gangUnits = new HashSet<>();
    private final Map<PodId, PendingUnit> unitByPod = new HashMap<>();
    private final Map<String, TreeSet<PendingUnit>> unitsByLeaf = new HashMap<>();
    private final Map<String, Resources> pendingByLeaf = new HashMap<>();
    private final Map<String, Resources> pendingNonPreemptibleByLeaf = new HashMap<>();
    private final Set<PendingUnit> withoutQueue = new LinkedHashSet<>();
    private final Set<PodId> evicting = new HashSet<>();
    private QueueConfig queues;
    private QueueResolver resolver;
    private ClusterSnapshot capacityOf;
    private Resources capacity = Resources.NONE;
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
        this.preemptor = new Preemptor(cycle, placer, MAX_VICTIM_GROUPS_TRIED);
        this.localityDelay = new LocalityDelay(settings, placer);
        this.queues = QueueConfig.singleDefaultQueue();
        this.resolver = new QueueResolver(queues);
    }

    /**
     * Replaces the queue tree at once. Pending units are re-filed under the new tree; running pods stay
     * accounted to the queue they were admitted to.
     */
    public void updateQueues(QueueConfig config) {
        this.queues = config;
        this.resolver = new QueueResolver(config);
        for (PendingUnit unit : List.copyOf(unitsByName.values())) {
            unfile(unit);
            file(unit);
        }
    }

    public QueueConfig queues() {
        return queues;
    }

    /**
     * The pod as Stook accounts it once bound: with its leaf queue filled in from the placement rules.
     * Adapters pass Stook's own bound pods through this before {@link ClusterState#podBound}.
     */
    public Pod accountable(Pod pod) {
        QueueResolver.Resolution resolution = resolver.resolve(pod);
        return resolution.resolved() && !resolution.queue().equals(pod.queue()) ? pod.inQueue(resolution.queue()) : pod;
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
            if (gang) {
                gangUnits.add(unit);
            }
        } else {
            unfile(unit);
        }
        unit.add(pod, clock.nowMillis());
        unitByPod.put(pod.id(), unit);
        file(unit);
    }

    /** Forgets a pending pod (deleted, or bound by someone else). True if it was pending. */
    public boolean withdraw(PodId id) {
        PendingUnit unit = unitByPod.remove(id);
        if (unit == null) {
            return false;
        }
        unfile(unit);
        unit.remove(id);
        if (unit.isEmpty()) {
            forget(unit);
        } else {
            file(unit);
        }
        return true;
    }

    public int pendingPods() {
        return unitByPod.size();
    }

    /** Pending pods per leaf queue; pods with no usable queue are not counted. */
    public Map<String, Integer> pendingPodsByQueue() {
        Map<String, Integer> counts = new HashMap<>();
        unitsByLeaf.forEach((leaf, units) -> counts.put(leaf, units.stream().mapToInt(u -> u.members().size()).sum()));
        return counts;
    }

    /** The gangs with members still pending, one membership (id and minimum) per gang. */
    public List<GangMembership> pendingGangs() {
        return gangUnits.stream()
                .map(unit -> unit.members().iterator().next().gang()).toList();
    }

    /** The tunables this scheduler runs with. */
    public SchedulerSettings settings() {
        return settings;
    }

    public ClusterState cluster() {
        return cluster;
    }

    /**
     * The adapter gave up evicting the pod (it may lack the permission): it no longer counts as going
     * away, so the unit that wanted its room may look for other victims.
     */
    public void evictionAbandoned(PodId id) {
        evicting.remove(id);
        for (PendingUnit unit : unitsByName.values()) {
            if (unit.awaitedVictims.contains(id)) {
                unit.searchedForVictimsAt = -1;
                unit.failedAtReleases = -1;
            }
        }
    }

    /** Each queue's fair share of the cluster given current demand (see {@link FairShares}). */
    public Map<String, Resources> fairShares() {
        return FairShares.compute(queues, capacity(cluster.snapshot()), demandByLeaf());
    }

    /**
     * Why the pod is where it is: pending (with its unit, queue standing, last attempt and what holds it
     * back), placed, or unknown. Reads the engine's state and changes nothing; the work is done on request.
     */
    public PodExplanation explain(PodId id) {
        PendingUnit unit = unitByPod.get(id);
        if (unit == null) {
            return cluster.placementOf(id)
                    .map(placed -> PodExplanation.placed(id, placed.nodeName(), placed.pod().queue(), placed.assumed()))
                    .orElseGet(() -> PodExplanation.unknown(id));
        }
        UnitExplainer explainer = new UnitExplainer(cluster, settings, queues, capacity(cluster.snapshot()),
                this::fairShares, evicting, clock.nowMillis());
        Set<PendingUnit> leafUnits = unit.queue == null ? Set.of() : unitsByLeaf.get(unit.queue);
        return PodExplanation.pending(id, explainer.explain(unit, leafUnits, localityDelay.waitEndsMillis(unit)));
    }

    /**
     * The earliest time at which the passing of time alone can change a decision (a gang settles, a
     * unit starts to starve, passes its gang timeout or stops waiting for locality), or {@link Long#MAX_VALUE}. Callers driving
     * cycles from events run one then too.
     */
    public long nextTimedChangeMillis() {
        long now = clock.nowMillis();
        long next = Long.MAX_VALUE;
        for (PendingUnit unit : unitsByName.values()) {
            next = earliestAfter(now, next, unit.firstSeenMillis + settings.starvationMillis());
            next = earliestAfter(now, next, localityDelay.waitEndsMillis(unit));
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
     * One pass over the pending units. Gangs left partly bound (a crash or failed bindings cut their
     * admission short) go first and hold the nodes they could use until they are whole; then the rest in
     * queue order. A unit is skipped when it already failed and nothing that could make room has happened
     * since. Waits are reported only when a unit's explanation changed.
     */
    public List<Decision> runCycle() {
        return new Pass().run();
    }

    /** One cycle's working state. */
    private final class Pass {
        private final long now = clock.nowMillis();
        private final long releases = cluster.capacityReleases();
        private final ScratchCluster scratch = new ScratchCluster(cluster.snapshot());
        private final List<Decision> decisions = new ArrayList<>();
        private final QueueOrder<PendingUnit> order = new QueueOrder<>(queues, capacity(scratch.snapshot()),
                unitsByLeaf, cluster::queueUsage, cluster::ownerUsage, admissiblePendingByLeaf(), PendingUnit::owner);
        private final Preemption preemption = new Preemption(order, releases);

        List<Decision> run() {
            evicting.removeIf(id -> cluster.placementOf(id).isEmpty());
            holdNominatedNodes();
            for (PendingUnit unit : withoutQueue) {
                report(unit, unit.members(), SchedulingCycle.UNSCHEDULABLE, unit.queueProblem, decisions);
            }
            Set<PendingUnit> unfinished = new LinkedHashSet<>();
            gangUnits.stream().filter(unit -> unit.queue != null && unit.isPartlyPlaced(cluster))
                    .sorted(Comparator.comparingLong(unit -> unit.sequence)).forEach(unfinished::add);
            for (PendingUnit unit : unfinished) {
                offer(unit, true);
            }
            for (QueueOrder.Entry<PendingUnit> entry = order.next(); entry != null; entry = order.next()) {
                if (!unfinished.contains(entry.unit())) {
                    offer(entry.unit(), false);
                }
            }
            return decisions;
        }

        /** Capacity being freed by evictions goes to the unit it was freed for, not to whoever comes first. */
        private void holdNominatedNodes() {
            for (PendingUnit unit : unitsByName.values()) {
                for (String node : unit.nominatedNodes) {
                    int index = scratch.snapshot().indexOf(node);
                    if (index >= 0) {
                        scratch.reserve(index, unit.reservationId);
                    }
                }
            }
        }

        private void offer(PendingUnit unit, boolean unfinishedGang) {
            scratch.actingFor(unit.reservationId);
            String notReady = unit.notReadyBecause(cluster, settings, now);
            if (notReady != null) {
                report(unit, unit.members(), GANG_WAITING, notReady, decisions);
                return;
            }
            boolean holdsCapacity = unfinishedGang || now - unit.firstSeenMillis >= settings.starvationMillis();
            boolean timedOut = unit.isGang() && now - unit.firstSeenMillis >= unit.gangTimeoutMillis();
            if (unit.failedAtReleases == releases && !holdsCapacity && timedOut == unit.timeoutReported) {
                return;
            }
            String overQuota = overQuota(unit, order);
            if (overQuota != null) {
                unit.failedAtReleases = releases;
                report(unit, unit.members(), QUEUE_OVER_QUOTA, overQuota, decisions);
                return;
            }
            SchedulingUnit schedulingUnit = unit.toSchedulingUnit(cluster);
            int mark = scratch.mark();
            SchedulingCycle.Outcome outcome = cycle.attempt(schedulingUnit, scratch);
            unit.lastPlaceable = outcome.placeable();
            String localityWait = localityDelay.holdBack(unit, outcome.binds(), scratch, now);
            if (localityWait != null) {
                scratch.rollbackTo(mark);
                report(unit, unit.members(), LOCALITY_WAIT, localityWait, decisions);
                return;
            }
            for (Decision.Bind bind : outcome.binds()) {
                cluster.assume(bind.pod(), bind.nodeName());
                order.admitted(unit.queue, unit.owner(), bind.pod().requests());
                decisions.add(bind);
            }
            if (outcome.waits().isEmpty()) {
                scratch.releaseReservations(unit.reservationId);
                admitted(unit, outcome.binds());
                return;
            }
            unit.failedAtReleases = releases;
            unit.timeoutReported = timedOut;
            String message = outcome.waits().get(0).message() + (timedOut
                    ? "; waiting longer than its " + Durations.format(unit.gangTimeoutMillis()) + " gang-timeout"
                    : "");
            if (!outcome.admitted()) {
                if (unit.awaitedVictims.stream().noneMatch(evicting::contains)) {
                    unit.nominatedNodes = Set.of();
                }
                message += preemption.makeRoomFor(unit, schedulingUnit, scratch, decisions);
                if (holdsCapacity) {
                    for (Pod pod : schedulingUnit.pending()) {
                        placer.reserveFor(pod, scratch, unit.reservationId);
                    }
                }
            }
            String reason = unit.isGang() ? GANG_WAITING : SchedulingCycle.UNSCHEDULABLE;
            report(unit, outcome.waits().stream().map(Decision::pod).toList(), reason, message, decisions);
            admitted(unit, outcome.binds());
        }
    }

    /** Null when the unit fits its queue's caps (and, for non-preemptible pods, its guarantee). */
    private String overQuota(PendingUnit unit, QueueOrder<PendingUnit> order) {
        for (String path = unit.queue; path != null; path = QueueConfig.parentOf(path)) {
            QueueDefinition queue = queues.queue(path);
            String excess = QueueLimits.excess(order.allocated(path), unit.requests(), queue.max());
            if (excess != null) {
                return "queue " + path + " is at its max (" + excess + ")";
            }
        }
        Resources nonPreemptible = unit.nonPreemptibleRequests();
        if (!nonPreemptible.isZero()) {
            String excess = QueueLimits.excess(cluster.nonPreemptibleUsage(unit.queue), nonPreemptible,
                    queues.guaranteeOf(unit.queue));
            if (excess != null) {
                return "non-preemptible pods run only inside queue " + unit.queue + "'s guarantee (" + excess + ")";
            }
        }
        return null;
    }

    /**
     * One cycle's evictions. A unit is owed room from pods of queues above their fair share when it fits
     * inside its own queue's guarantee, and from lower-priority pods of its own queue. What may be
     * evicted and the fair shares are worked out once per cycle, and only if some unit is owed room.
     */
    private final class Preemption {
        private final QueueOrder<PendingUnit> order;
        private final long releases;
        private VictimPool pool;
        private Map<String, Double> overShare;
        private int searchesLeft = MAX_PREEMPTION_SEARCHES;

        Preemption(QueueOrder<PendingUnit> order, long releases) {
            this.order = order;
            this.releases = releases;
        }

        /** Evicts for the unit if it is owed room; returns the note for the unit's explanation. */
        String makeRoomFor(PendingUnit unit, SchedulingUnit schedulingUnit, ScratchCluster scratch,
                           List<Decision> decisions) {
            long stillGoing = unit.awaitedVictims.stream().filter(evicting::contains).count();
            if (stillGoing > 0) {
                return "; waiting for " + stillGoing + " evicted pods to terminate";
            }
            boolean owedGuarantee = !queues.queue(unit.queue).guaranteed().isZero()
                    && QueueLimits.excess(order.allocated(unit.queue), unit.requests(), queues.guaranteeOf(unit.queue)) == null;
            if (searchesLeft == 0 || !owedGuarantee && !cluster.hasPreemptibleBelow(unit.queue, unit.priority())) {
                return "";
            }
            if (unit.searchedForVictimsAt == releases) {
                return "";
            }
            unit.searchedForVictimsAt = releases;
            searchesLeft--;
            int priority = unit.priority();
            Map<String, Double> over = overShare();
            Predicate<VictimGroup> eligible = group -> group.queue().equals(unit.queue)
                    ? group.priority() < priority
                    : owedGuarantee && over.getOrDefault(group.queue(), 0.0) > 1.0;
            Preemptor.Choice choice = preemptor.choose(schedulingUnit, scratch, pool(scratch), eligible, over, unit.gang);
            List<VictimGroup> victims = choice.victims();
            if (victims.isEmpty()) {
                return "";
            }
            Set<String> nominated = new HashSet<>();
            for (int node : choice.targetNodes()) {
                nominated.add(scratch.snapshot().node(node).name());
                scratch.reserve(node, unit.reservationId);
            }
            Set<PodId> awaited = new HashSet<>();
            for (VictimGroup victim : victims) {
                String why = victim.queue().equals(unit.queue)
                        ? "preempted by higher-priority " + describe(unit) + " in queue " + unit.queue
                        : "reclaimed for " + describe(unit) + ": queue " + unit.queue + " is below its guarantee and "
                                + victim.queue() + " is above its fair share";
                for (Pod pod : victim.pods()) {
                    decisions.add(new Decision.Evict(pod, PREEMPTED, why));
                    evicting.add(pod.id());
                    awaited.add(pod.id());
                }
            }
            unit.awaitedVictims = awaited;
            unit.nominatedNodes = nominated;
            return "; evicting " + awaited.size() + " pods from " + victims.stream().map(VictimGroup::queue).distinct()
                    .sorted().collect(Collectors.joining(", ")) + " to make room";
        }

        private VictimPool pool(ScratchCluster scratch) {
            if (pool == null) {
                pool = new VictimPool(cluster.placements(), scratch.snapshot(), evicting);
            }
            return pool;
        }

        /** Per leaf queue, its dominant share over its fair share; 0 when within it. */
        private Map<String, Double> overShare() {
            if (overShare == null) {
                Map<String, Resources> fairShares = FairShares.compute(queues, capacity, demandByLeaf());
                overShare = new HashMap<>();
                for (QueueDefinition queue : queues.all()) {
                    if (queue.isLeaf()) {
                        Resources used = cluster.queueUsage(queue.path());
                        Resources fair = fairShares.getOrDefault(queue.path(), Resources.NONE);
                        double fairShare = DominantShare.of(fair, capacity);
                        overShare.put(queue.path(), used.fitsWithin(fair) ? 0.0
                                : fairShare == 0 ? Double.MAX_VALUE : DominantShare.of(used, capacity) / fairShare);
                    }
                }
            }
            return overShare;
        }
    }

    private static String describe(PendingUnit unit) {
        return unit.isGang() ? "gang " + unit.name : "pod " + unit.name;
    }

    private void admitted(PendingUnit unit, List<Decision.Bind> binds) {
        if (binds.isEmpty()) {
            return;
        }
        unfile(unit);
        for (Decision.Bind bind : binds) {
            unitByPod.remove(bind.pod().id());
            unit.remove(bind.pod().id());
        }
        if (unit.isEmpty()) {
            forget(unit);
        } else {
            file(unit);
        }
    }

    private void forget(PendingUnit unit) {
        unitsByName.remove(unit.name);
        gangUnits.remove(unit);
    }

    private void report(PendingUnit unit, Iterable<Pod> pods, String reason, String message, List<Decision> decisions) {
        if (message.equals(unit.lastMessage)) {
            return;
        }
        unit.lastMessage = message;
        unit.lastReason = reason;
        for (Pod pod : pods) {
            decisions.add(new Decision.Wait(pod, reason, message));
        }
    }

    /** Puts the unit under its leaf queue, or among the units without one. */
    private void file(PendingUnit unit) {
        unit.queue = null;
        unit.queueProblem = null;
        try {
            String named = unit.namedQueue();
            Pod probe = unit.members().iterator().next().inQueue(named);
            QueueResolver.Resolution resolution = resolver.resolve(probe);
            unit.queue = resolution.queue();
            unit.queueProblem = resolution.problem();
        } catch (IllegalArgumentException e) {
            unit.queueProblem = e.getMessage();
        }
        if (unit.queue == null) {
            withoutQueue.add(unit);
            return;
        }
        unitsByLeaf.computeIfAbsent(unit.queue, leaf -> new TreeSet<>(orderFor(queues.queue(leaf).policy()))).add(unit);
        pendingByLeaf.merge(unit.queue, unit.requests(), Resources::plus);
        pendingNonPreemptibleByLeaf.merge(unit.queue, unit.nonPreemptibleRequests(), Resources::plus);
    }

    private void unfile(PendingUnit unit) {
        if (unit.queue == null) {
            withoutQueue.remove(unit);
            return;
        }
        TreeSet<PendingUnit> units = unitsByLeaf.get(unit.queue);
        units.remove(unit);
        if (units.isEmpty()) {
            unitsByLeaf.remove(unit.queue);
            pendingByLeaf.remove(unit.queue);
            pendingNonPreemptibleByLeaf.remove(unit.queue);
        } else {
            pendingByLeaf.computeIfPresent(unit.queue, (leaf, sum) -> sum.minusFloored(unit.requests()));
            pendingNonPreemptibleByLeaf.computeIfPresent(unit.queue,
                    (leaf, sum) -> sum.minusFloored(unit.nonPreemptibleRequests()));
        }
    }

    /**
     * What each leaf's pending units ask for that could be admitted: non-preemptible requests count only
     * up to what is left of the queue's guarantee, since beyond it they wait whatever the shares.
     */
    private Map<String, Resources> admissiblePendingByLeaf() {
        Map<String, Resources> admissible = new HashMap<>();
        pendingByLeaf.forEach((leaf, pending) -> {
            Resources nonPreemptible = pendingNonPreemptibleByLeaf.getOrDefault(leaf, Resources.NONE);
            if (nonPreemptible.isZero()) {
                admissible.put(leaf, pending);
                return;
            }
            ResourceCap guarantee = queues.guaranteeOf(leaf);
            Resources used = cluster.nonPreemptibleUsage(leaf);
            long[] slots = new long[pending.width()];
            for (int slot = 0; slot < slots.length; slot++) {
                long headroom = Math.max(0, guarantee.limit(slot) - used.get(slot));
                long excess = Math.max(0, nonPreemptible.get(slot) - headroom);
                slots[slot] = pending.get(slot) - excess;
            }
            admissible.put(leaf, Resources.ofSlots(slots));
        });
        return admissible;
    }

    private Map<String, Resources> demandByLeaf() {
        Map<String, Resources> demand = admissiblePendingByLeaf();
        for (QueueDefinition queue : queues.all()) {
            if (queue.isLeaf()) {
                demand.merge(queue.path(), cluster.queueUsage(queue.path()), Resources::plus);
            }
        }
        return demand;
    }

    private Resources capacity(ClusterSnapshot snapshot) {
        if (!snapshot.sameTopologyAs(capacityOf)) {
            Resources sum = Resources.NONE;
            for (int i = 0; i < snapshot.size(); i++) {
                if (!snapshot.node(i).unschedulable()) {
                    sum = sum.plus(snapshot.node(i).allocatable());
                }
            }
            capacity = sum;
            capacityOf = snapshot;
        }
        return capacity;
    }

    private static Comparator<PendingUnit> orderFor(QueuePolicy policy) {
        Comparator<PendingUnit> byAge = Comparator.comparingLong(PendingUnit::createdAtMillis)
                .thenComparingLong(u -> u.sequence);
        return policy == QueuePolicy.PRIORITY
                ? Comparator.comparingInt((PendingUnit u) -> -u.priority()).thenComparing(byAge)
                : byAge;
    }

}
