package dev.stook.core.cycle;

import dev.stook.core.cluster.ClusterSnapshot;
import dev.stook.core.cluster.ClusterState;
import dev.stook.core.cluster.SchedulableCapacity;
import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.explain.ExplainedUnits;
import dev.stook.core.explain.HoldsExplanation;
import dev.stook.core.explain.PendingExplanation;
import dev.stook.core.explain.PodExplanation;
import dev.stook.core.explain.UnitExplanation;
import dev.stook.core.gang.GangMembership;
import dev.stook.core.model.Pod;
import dev.stook.core.model.PodId;
import dev.stook.core.plugins.PluginProfile;
import dev.stook.core.queue.QueueConfig;
import dev.stook.core.queue.QueueDefinition;
import dev.stook.core.queue.QueueResolver;
import dev.stook.core.queue.QueueView;
import dev.stook.core.spark.ExecutorHolds;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The scheduling engine shared by the Kubernetes adapter and the simulator. It keeps the pending units
 * (lone pods and gangs) filed under their leaf queues and, on each {@link #runCycle()}, runs one
 * {@link SchedulingCycle} over them: the unit rules ({@link UnitRules}) decide which units are tried and
 * what happens when one fails; the placer ({@link PodPlacer}) finds nodes with the node filters and
 * scorers. Admitted pods are assumed in the cluster state at once. Not thread-safe: call it from one
 * scheduling thread.
 */
public final class Scheduler {
    public static final String GANG_WAITING = "GangWaiting";
    public static final String QUEUE_OVER_QUOTA = "QueueOverQuota";
    public static final String PREEMPTED = "Preempted";
    public static final String LOCALITY_WAIT = "LocalityWait";

    private final ClusterState cluster;
    private final SchedulerSettings settings;
    private final TimeSource clock;
    private final PodPlacer placer;
    private final UnitTrial trial;
    private final UnitRules rules;
    private final PendingUnits pending = new PendingUnits();
    private final SchedulableCapacity capacity = new SchedulableCapacity();
    private final ExecutorHolds executorHolds = new ExecutorHolds();

    public Scheduler(ClusterState cluster, PluginProfile profile) {
        this(cluster, profile, SchedulerSettings.DEFAULTS, TimeSource.SYSTEM);
    }

    public Scheduler(ClusterState cluster, PluginProfile profile, SchedulerSettings settings, TimeSource clock) {
        this.cluster = cluster;
        this.settings = settings;
        this.clock = clock;
        this.placer = new PodPlacer(profile);
        this.trial = new UnitTrial(placer);
        this.rules = UnitRules.standard(placer, trial);
    }

    /**
     * Replaces the queue tree at once. Pending units are re-filed under the new tree; running pods stay
     * accounted to the queue they were admitted to.
     */
    public void updateQueues(QueueConfig config) {
        pending.useQueues(config);
    }

    public QueueConfig queues() {
        return pending.queues();
    }

    /**
     * The namespace's labels as they are now (empty once it is gone): queues may choose their submitters by
     * them, and pod affinity terms the namespaces whose pods they count. Its pending units are filed again at
     * once; running pods stay where they were admitted.
     */
    public void updateNamespaceLabels(String namespace, Map<String, String> labels) {
        pending.useNamespaceLabels(namespace, labels);
        cluster.updateNamespaceLabels(namespace, labels);
    }

    /**
     * A bound pod of Stook's whose admission is not known, as Stook may account it: charged only to a queue its
     * namespace may submit to, the one it names if allowed, else the placement rules' one, else none (it then
     * only uses capacity). Adapters pass such pods through this before {@link ClusterState#podBound}.
     */
    public Pod accountable(Pod pod) {
        QueueResolver.Resolution resolution = pending.resolver().resolve(pod);
        if (!resolution.resolved() && pod.queue() != null) {
            resolution = pending.resolver().resolve(pod.inQueue(null));
        }
        return pod.inQueue(resolution.queue());
    }

    /**
     * Adds a pending pod, or replaces the pending copy of it. A Spark executor naming no queue goes to its
     * driver's, if its driver holds executors.
     */
    public void submit(Pod pod) {
        withdraw(pod.id());
        if (pod.queue() == null) {
            pod = executorHolds.driverQueue(pod).map(pod::inQueue).orElse(pod);
        }
        pending.add(pod, settings.gangAdmission() && pod.gang() != null, clock.nowMillis());
    }

    /** Forgets a pending pod (deleted, or bound by someone else). True if it was pending. */
    public boolean withdraw(PodId id) {
        return pending.remove(id);
    }

    public int pendingPods() {
        return pending.podCount();
    }

    /** Pending pods per leaf queue; pods with no usable queue are not counted. */
    public Map<String, Integer> pendingPodsByQueue() {
        return pending.podCountByLeaf();
    }

    /** The gangs with members still pending, one membership (id and minimum) per gang. */
    public List<GangMembership> pendingGangs() {
        return pending.gangMemberships();
    }

    /** The scheduler's time: the system's, or the simulator's virtual time. */
    public long nowMillis() {
        return clock.nowMillis();
    }

    /** The tunables this scheduler runs with. */
    public SchedulerSettings settings() {
        return settings;
    }

    public ClusterState cluster() {
        return cluster;
    }

    /** The Spark drivers' executor holds; adapters read back recorded holds into it and write its decisions. */
    public ExecutorHolds executorHolds() {
        return executorHolds;
    }

    /**
     * The adapter gave up evicting the pod (it may lack the permission): it no longer counts as going
     * away, so the unit that wanted its room may look for other victims.
     */
    public void evictionAbandoned(PodId id) {
        rules.reclaim().evictionAbandoned(id, pending.all());
    }

    /**
     * The adapter could not evict the pod yet and will try again ({@code why} says what refused it, for
     * example a disruption budget): the units waiting for it say so in their conditions.
     */
    public void evictionRefused(PodId id, String why) {
        rules.reclaim().evictionRefused(id, why, pending.all());
    }

    /** The queues as they stand now: what each holds, its fair share given current demand, its limits. */
    public QueueView queueView() {
        return queueView(cluster.snapshot());
    }

    /**
     * Why the pod is where it is: pending (with its unit, queue standing, last attempt and what holds it
     * back), placed, or unknown. Reads the engine's state and changes nothing; the work is done on request.
     */
    public PodExplanation explain(PodId id) {
        PendingUnit unit = pending.unitOf(id);
        if (unit == null) {
            return cluster.placementOf(id)
                    .map(placed -> PodExplanation.placed(id, placed.nodeName(), placed.pod().queue(), placed.assumed())
                            .withExecutorHolds(HoldsExplanation.of(id, executorHolds)))
                    .orElseGet(() -> PodExplanation.unknown(id));
        }
        long now = clock.nowMillis();
        UnitContext context = new UnitContext(now, cluster.capacityReleases(), cluster, settings, queueView());
        return PodExplanation.pending(id, new UnitExplainer(rules, context).explain(unit, pending.inLeaf(unit.queue())));
    }

    /** The namespaces that have pending units. */
    public Set<String> pendingNamespaces() {
        Set<String> namespaces = new TreeSet<>();
        for (PendingUnit unit : pending.all()) {
            namespaces.add(unit.namespace());
        }
        return namespaces;
    }

    /**
     * Explains the pending units whose namespace {@code namespaces} accepts and whose leaf is {@code queue} or
     * below it (any unit, those without a queue too, when {@code queue} is null): leaf by leaf in the tree's
     * order, each leaf's units in its policy's order, then the units without a queue. Only the first
     * {@code limit} are explained; all are counted.
     */
    public ExplainedUnits explainPending(Predicate<String> namespaces, String queue, int limit) {
        UnitContext context = new UnitContext(clock.nowMillis(), cluster.capacityReleases(), cluster, settings,
                queueView());
        UnitExplainer explainer = new UnitExplainer(rules, context);
        List<UnitExplanation> explained = new ArrayList<>();
        int matching = 0;
        for (QueueDefinition leaf : pending.queues().all()) {
            if (!leaf.isLeaf() || queue != null && !QueueConfig.isWithin(leaf.path(), queue)) {
                continue;
            }
            Set<PendingUnit> leafUnits = pending.inLeaf(leaf.path());
            for (PendingUnit unit : leafUnits) {
                if (namespaces.test(unit.namespace()) && matching++ < limit) {
                    explained.add(describe(unit, explainer.explain(unit, leafUnits)));
                }
            }
        }
        for (PendingUnit unit : queue == null ? pending.withoutQueue() : List.<PendingUnit>of()) {
            if (namespaces.test(unit.namespace()) && matching++ < limit) {
                explained.add(describe(unit, explainer.explain(unit, List.of())));
            }
        }
        return new ExplainedUnits(explained, matching);
    }

    private static UnitExplanation describe(PendingUnit unit, PendingExplanation explanation) {
        return new UnitExplanation(unit.namespace(),
                unit.members().stream().map(pod -> pod.id().name()).sorted().toList(), explanation);
    }

    /**
     * The earliest time at which the passing of time alone can change a decision (a gang settles, a
     * unit starts to starve, passes its gang timeout or stops waiting for locality), or {@link Long#MAX_VALUE}.
     * Callers driving cycles from events run one then too.
     */
    public long nextTimedChangeMillis() {
        long now = clock.nowMillis();
        long next = executorHolds.nextExpiryMillis();
        for (PendingUnit unit : pending.all()) {
            next = Math.min(next, rules.nextChangeMillis(unit, settings, now));
        }
        return next;
    }

    /** Runs one scheduling cycle; returns its binds, evictions and the waits whose message changed. */
    public List<Decision> runCycle() {
        long now = clock.nowMillis();
        executorHolds.settle(cluster, now);
        // read before the snapshot, so that a release racing with it makes failed units try again, not sleep
        long releases = cluster.capacityReleases();
        ScratchCluster scratch = new ScratchCluster(cluster.snapshot());
        UnitContext context = new UnitContext(now, releases, cluster, settings, queueView(scratch.snapshot()));
        return new SchedulingCycle(pending, rules, context, scratch, placer, trial, executorHolds).run();
    }

    private QueueView queueView(ClusterSnapshot snapshot) {
        return new QueueView(pending.queues(), capacity.of(snapshot), cluster::queueUsage,
                pending.admissibleByLeaf(cluster));
    }
}
