package dev.stook.sim;

import dev.stook.core.cluster.ClusterState;
import dev.stook.core.cycle.Decision;
import dev.stook.core.cycle.Scheduler;
import dev.stook.core.cycle.SchedulerSettings;
import dev.stook.core.cycle.SchedulingObserver;
import dev.stook.core.locality.ChunkIndex;
import dev.stook.core.locality.ChunkIndexSettings;
import dev.stook.core.model.Node;
import dev.stook.core.model.Pod;
import dev.stook.core.model.Resources;
import dev.stook.core.plugins.PluginProfile;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Drives the real {@link Scheduler} through a scenario in virtual time; the engine reads the same virtual
 * clock, so a run depends only on the scenario, its seed and the scheduler settings.
 *
 * <p>The scheduler wakes on a fixed grid of {@code cycleInterval} ticks, like a periodic scheduling loop.
 * At a tick it applies every event due by then (pods that finished give back their resources, then newly
 * arrived jobs are submitted) and runs one cycle if pods are pending. Ticks at which nothing happened are
 * skipped, except the first tick at or after {@link Scheduler#nextTimedChangeMillis()}, when time alone
 * changes a decision. The simulated API server accepts every binding. Node caches start with the node
 * groups' {@link CachedData}; every pod that finishes teaches the index that its chunks are cached on its
 * node, expiring on the virtual clock. How bound pods work and finish is
 * {@link JobTracker}'s model. The run ends when every job finished, when nothing can change any more
 * (see {@link RunEnding.Reason}), or at the scenario's {@code maxVirtualTime}.
 *
 * <p>An evicted pod stops working at once and holds its place for the scenario's {@code evictionGrace},
 * then is gone, and a replacement pod is submitted (a Job controller's {@code podReplacementPolicy:
 * Failed}: the replacement waits for the victim so a gang never counts both). {@link QueueMeter} follows
 * the scenario's queues throughout, whichever {@link QueueSetup} the engine runs with.
 */
public final class Simulator {
    private static final int UTILISATION_BUCKETS = 10;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Scenario scenario;
    private final SchedulerSettings settings;
    private final SchedulingObserver observer;
    private final VirtualClock clock = new VirtualClock();
    private final ClusterState cluster = new ClusterState(
            new ChunkIndex(ChunkIndexSettings.DEFAULTS, () -> clock.nowMillis() * 1_000_000));
    private final SimVolumes volumes = new SimVolumes(cluster);
    private final LocalityMeter locality = new LocalityMeter();
    private final Scheduler scheduler;
    private final UtilisationTimeline timeline;
    private final JobTracker jobs;
    private final QueueSetup queueSetup;
    private final QueueMeter queueMeter;
    private final GangPlacementMeter gangPlacement;
    private final PriorityQueue<Termination> terminations = new PriorityQueue<>(
            Comparator.comparingLong(Termination::atMillis).thenComparingLong(Termination::sequence));
    private long[] waits = new long[1024];
    private int scheduled;
    private long makespanMillis;
    private long cycles;
    private long decisions;
    private long engineNanos;
    private long engineCpuNanos;
    private long[] cycleDurations = new long[1024];
    private long[] cycleCpuDurations = new long[1024];
    private final HeapMeter heap = new HeapMeter();
    private int submitted;
    private int evictions;
    private int nonPreemptibleEvictions;

    private record Termination(long atMillis, long sequence, Pod victim) {}

    private Simulator(Scenario scenario, SchedulerSettings settings, QueueSetup queueSetup,
                      SchedulingObserver observer) {
        this.scenario = scenario;
        this.settings = settings;
        this.queueSetup = queueSetup;
        this.observer = observer;
        Resources capacity = Resources.NONE;
        Map<String, Resources> allocatableByNode = new HashMap<>();
        List<Node> nodes = new ArrayList<>();
        for (NodeGroup group : scenario.nodeGroups()) {
            volumes.addDisks(group);
            for (Node node : group.nodes()) {
                nodes.add(node);
                cluster.upsertNode(node);
                allocatableByNode.put(node.name(), node.allocatable());
                capacity = capacity.plus(node.allocatable());
            }
        }
        CachePlacement.place(scenario).forEach(cluster::reportCachedChunks);
        this.scheduler = new Scheduler(cluster, PluginProfile.standard(scenario.scorerWeights()), settings, clock);
        scheduler.updateQueues(queueSetup.config(scenario));
        this.timeline = new UtilisationTimeline(capacity.cpuMillis(), capacity.memoryBytes());
        this.jobs = new JobTracker(allocatableByNode);
        this.queueMeter = new QueueMeter(scenario.queues(), capacity, settings.gangAdmission());
        this.gangPlacement = new GangPlacementMeter(scenario, nodes);
    }

    /** Runs the scenario with Stook's default settings (gang admission on). */
    public static SimulationReport run(Scenario scenario) {
        return run(scenario, SchedulerSettings.DEFAULTS);
    }

    public static SimulationReport run(Scenario scenario, SchedulerSettings settings) {
        return run(scenario, settings, QueueSetup.SCENARIO, SchedulingObserver.NONE);
    }

    public static SimulationReport run(Scenario scenario, SchedulerSettings settings, QueueSetup queueSetup) {
        return run(scenario, settings, queueSetup, SchedulingObserver.NONE);
    }

    /** Runs the scenario and tells the observer about every cycle, in virtual time. */
    public static SimulationReport run(Scenario scenario, SchedulerSettings settings, QueueSetup queueSetup,
                                       SchedulingObserver observer) {
        return new Simulator(scenario, settings, queueSetup, observer).execute();
    }

    private SimulationReport execute() {
        List<SimJob> arrivals = WorkloadGenerator.jobs(scenario);
        int nextJob = 0;
        RunEnding.Reason reason;
        while (true) {
            long nextEvent = Math.min(Math.min(
                    nextJob < arrivals.size() ? arrivals.get(nextJob).arrivalMillis() : Long.MAX_VALUE,
                    jobs.nextFinishMillis()),
                    Math.min(terminations.isEmpty() ? Long.MAX_VALUE : terminations.peek().atMillis(),
                            scheduler.pendingPods() > 0 ? scheduler.nextTimedChangeMillis() : Long.MAX_VALUE));
            if (nextEvent == Long.MAX_VALUE) {
                reason = jobs.allFinished() ? RunEnding.Reason.COMPLETED : RunEnding.Reason.NO_PROGRESS;
                break;
            }
            long now = nextTick(nextEvent);
            if (now > scenario.maxVirtualTimeMillis()) {
                reason = RunEnding.Reason.HORIZON;
                break;
            }
            clock.advanceTo(now);
            observer.timeAdvanced(scheduler, now);
            finishPodsDueBy(now);
            terminateVictimsDueBy(now);
            while (nextJob < arrivals.size() && arrivals.get(nextJob).arrivalMillis() <= now) {
                submit(arrivals.get(nextJob++));
            }
            queueMeter.beforeCycle(now);
            if (scheduler.pendingPods() > 0) {
                runCycle(now);
            }
            queueMeter.afterTick(now);
        }
        long endMillis = switch (reason) {
            case COMPLETED -> makespanMillis;
            case NO_PROGRESS -> clock.nowMillis();
            case HORIZON -> scenario.maxVirtualTimeMillis();
        };
        observer.stateChanged(scheduler, clock.nowMillis());
        RunEnding ending = new RunEnding(reason, endMillis, jobs.stuckJobs(),
                reason == RunEnding.Reason.NO_PROGRESS && jobs.idlePodsHeld());
        return new SimulationReport(scenario.name(), scenario.seed(), cluster.nodeCount(), settings.gangAdmission(),
                queueSetup, submitted, scheduled, jobs.jobsSubmitted(), jobs.jobsCompleted(), makespanMillis,
                DurationStats.of(Arrays.copyOf(waits, scheduled)), jobs.completionTimes(),
                jobs.gangOutcome(endMillis), ending, timeline.summarise(endMillis, UTILISATION_BUCKETS),
                cycles, decisions, engineNanos, engineCpuNanos, CycleTimes.of(Arrays.copyOf(cycleDurations, (int) cycles)),
                CycleTimes.of(Arrays.copyOf(cycleCpuDurations, (int) cycles)),
                heap.peakAfterGcBytes(), Runtime.getRuntime().maxMemory(), queueMeter.outcomes(endMillis), evictions, nonPreemptibleEvictions,
                locality.total(), gangPlacement.outcome());
    }

    /** The first tick of the cycle grid at or after the time. */
    private long nextTick(long millis) {
        long interval = scenario.cycleIntervalMillis();
        return (millis + interval - 1) / interval * interval;
    }

    private void finishPodsDueBy(long now) {
        for (JobTracker.WorkingPod done : jobs.finishDueBy(now)) {
            cluster.placementOf(done.pod().id()).ifPresent(p -> cluster.podSucceeded(p.pod(), p.nodeName()));
            cluster.removePod(done.pod().id());
            volumes.gone(done.pod());
            queueMeter.gone(done.pod());
            timeline.released(done.endMillis(), done.pod().requests());
            makespanMillis = Math.max(makespanMillis, done.endMillis());
        }
    }

    private void terminateVictimsDueBy(long now) {
        while (!terminations.isEmpty() && terminations.peek().atMillis() <= now) {
            Termination gone = terminations.poll();
            cluster.removePod(gone.victim().id());
            Pod replacement = jobs.replacementFor(gone.victim(), now);
            volumes.replaced(gone.victim(), replacement);
            volumes.gone(gone.victim());
            queueMeter.gone(gone.victim());
            timeline.released(gone.atMillis(), gone.victim().requests());
            submit(replacement);
        }
    }

    private void submit(SimJob job) {
        jobs.arrived(job);
        volumes.claim(job);
        for (Pod pod : job.pods()) {
            submit(pod);
        }
    }

    private void submit(Pod pod) {
        scheduler.submit(queueSetup.submitted(pod));
        queueMeter.submitted(pod);
        submitted++;
    }

    private void runCycle(long now) {
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        List<Decision> cycleDecisions = scheduler.runCycle();
        long cycleNanos = System.nanoTime() - start;
        long cycleCpuNanos = THREADS.getCurrentThreadCpuTime() - cpuStart;
        engineCpuNanos += cycleCpuNanos;
        engineNanos += cycleNanos;
        if (cycles == cycleDurations.length) {
            cycleDurations = Arrays.copyOf(cycleDurations, cycleDurations.length * 2);
            cycleCpuDurations = Arrays.copyOf(cycleCpuDurations, cycleCpuDurations.length * 2);
        }
        cycleCpuDurations[(int) cycles] = cycleCpuNanos;
        cycleDurations[(int) cycles++] = cycleNanos;
        decisions += cycleDecisions.size();
        for (Decision decision : cycleDecisions) {
            if (decision instanceof Decision.Bind bind) {
                locality.bound(bind);
                bind(bind.pod(), bind.nodeName(), now);
            } else if (decision instanceof Decision.Evict evict) {
                evict(evict.pod(), now);
            }
        }
        jobs.cycleEnded(now);
        heap.sample();
        observer.cycleFinished(scheduler, cycleDecisions, now, cycleNanos);
    }

    /** The victim is gone at the earliest by the next tick: the cycle that chose it has already run. */
    private void evict(Pod victim, long now) {
        evictions++;
        if (!victim.preemptible()) {
            nonPreemptibleEvictions++;
        }
        queueMeter.evicted(victim);
        jobs.evicted(victim, now);
        terminations.add(new Termination(now + Math.max(1, scenario.evictionGraceMillis()), evictions, victim));
    }

    private void bind(Pod pod, String nodeName, long now) {
        volumes.bind(pod);
        cluster.podBound(pod, nodeName);
        jobs.bound(pod, nodeName, now);
        gangPlacement.bound(pod, nodeName, now);
        queueMeter.bound(pod);
        timeline.taken(now, pod.requests());
        if (scheduled == waits.length) {
            waits = Arrays.copyOf(waits, waits.length * 2);
        }
        waits[scheduled++] = now - pod.createdAtMillis();
    }
}
