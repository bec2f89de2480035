package dev.stook.sim;

import dev.stook.core.cluster.ClusterState;
import dev.stook.core.cycle.Decision;
import dev.stook.core.cycle.Scheduler;
import dev.stook.core.model.Node;
import dev.stook.core.model.Pod;
import dev.stook.core.model.PodId;
import dev.stook.core.plugins.PluginProfile;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Drives the real {@link Scheduler} through a scenario in virtual time.
 *
 * <p>The scheduler wakes on a fixed grid of {@code cycleInterval} ticks, like a periodic scheduling loop.
 * At a tick it applies every event due by then (pods that finished give back their resources, then newly
 * arrived jobs are submitted) and runs one cycle if pods are pending. Ticks at which nothing happened are
 * skipped: the engine would do nothing at them. A bound pod starts at the tick of its bind and runs for
 * its job's duration; the simulated API server accepts every binding. The run ends when nothing is left
 * to arrive or finish; pods still pending then are never scheduled.
 */
public final class Simulator {
    private static final int UTILISATION_BUCKETS = 10;

    private final Scenario scenario;
    private final ClusterState cluster = new ClusterState();
    private final Scheduler scheduler;
    private final UtilisationTimeline timeline;
    private final Map<PodId, SimJob> pendingJobOf = new HashMap<>();
    private final PriorityQueue<RunningPod> running = new PriorityQueue<>(
            Comparator.comparingLong(RunningPod::endMillis).thenComparingLong(RunningPod::sequence));
    private long[] waits = new long[1024];
    private int scheduled;
    private long startedSequence;
    private long makespanMillis;
    private long cycles;
    private long decisions;
    private long engineNanos;

    private record RunningPod(long endMillis, long sequence, Pod pod) {}

    private Simulator(Scenario scenario) {
        this.scenario = scenario;
        long cpu = 0;
        long memory = 0;
        for (NodeGroup group : scenario.nodeGroups()) {
            for (Node node : group.nodes()) {
                cluster.upsertNode(node);
                cpu += node.allocatable().cpuMillis();
                memory += node.allocatable().memoryBytes();
            }
        }
        this.scheduler = new Scheduler(cluster, PluginProfile.standard(scenario.scorerWeights()));
        this.timeline = new UtilisationTimeline(cpu, memory);
    }

    public static SimulationReport run(Scenario scenario) {
        return new Simulator(scenario).execute();
    }

    private SimulationReport execute() {
        List<SimJob> jobs = WorkloadGenerator.jobs(scenario);
        int submitted = 0;
        int nextJob = 0;
        while (nextJob < jobs.size() || !running.isEmpty()) {
            long nextEvent = Math.min(nextJob < jobs.size() ? jobs.get(nextJob).arrivalMillis() : Long.MAX_VALUE,
                    running.isEmpty() ? Long.MAX_VALUE : running.peek().endMillis());
            long now = nextTick(nextEvent);
            finishPodsDueBy(now);
            while (nextJob < jobs.size() && jobs.get(nextJob).arrivalMillis() <= now) {
                submitted += submit(jobs.get(nextJob++));
            }
            if (scheduler.pendingPods() > 0) {
                runCycle(now);
            }
        }
        return new SimulationReport(scenario.name(), scenario.seed(), cluster.nodeCount(), submitted, scheduled,
                makespanMillis, WaitTimes.of(Arrays.copyOf(waits, scheduled)),
                timeline.summarise(makespanMillis, UTILISATION_BUCKETS), cycles, decisions, engineNanos);
    }

    /** The first tick of the cycle grid at or after the time. */
    private long nextTick(long millis) {
        long interval = scenario.cycleIntervalMillis();
        return (millis + interval - 1) / interval * interval;
    }

    private void finishPodsDueBy(long now) {
        while (!running.isEmpty() && running.peek().endMillis() <= now) {
            RunningPod done = running.poll();
            cluster.removePod(done.pod().id());
            timeline.released(done.endMillis(), done.pod().requests());
            makespanMillis = Math.max(makespanMillis, done.endMillis());
        }
    }

    private int submit(SimJob job) {
        for (Pod pod : job.pods()) {
            pendingJobOf.put(pod.id(), job);
            scheduler.submit(pod);
        }
        return job.pods().size();
    }

    private void runCycle(long now) {
        long start = System.nanoTime();
        List<Decision> cycleDecisions = scheduler.runCycle();
        engineNanos += System.nanoTime() - start;
        cycles++;
        decisions += cycleDecisions.size();
        for (Decision decision : cycleDecisions) {
            if (decision instanceof Decision.Bind bind) {
                start(bind.pod(), bind.nodeName(), now);
            }
        }
    }

    private void start(Pod pod, String nodeName, long now) {
        cluster.podBound(pod, nodeName);
        SimJob job = pendingJobOf.remove(pod.id());
        running.add(new RunningPod(now + job.runMillis(), startedSequence++, pod));
        timeline.taken(now, pod.requests());
        if (scheduled == waits.length) {
            waits = Arrays.copyOf(waits, waits.length * 2);
        }
        waits[scheduled++] = now - job.arrivalMillis();
    }
}
