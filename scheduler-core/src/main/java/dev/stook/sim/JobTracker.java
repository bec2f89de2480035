package dev.stook.sim;

import dev.stook.core.model.Pod;
import dev.stook.core.model.PodId;
import dev.stook.core.model.Resources;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Follows every job from arrival to its last pod finishing. A bound pod of a job whose gang has fewer
 * than its minimum running waits idle, holding its resources; once the minimum is running all of them
 * start working and each finishes {@code runMillis} later. Later members work from their bind.
 *
 * <p>An evicted pod's work is lost, and the job gets a replacement pod, as a Job controller would. A gang
 * left with fewer than its minimum running stops: its remaining members hold their places idle and
 * start their work over once the minimum runs again (no checkpoints).
 */
final class JobTracker {
    private final Map<String, Resources> allocatableByNode;
    private final Map<PodId, Progress> progressByPod = new HashMap<>();
    private final Map<PodId, Progress> awaitingReplacement = new HashMap<>();
    private final Map<SimJob, Progress> unfinished = new LinkedHashMap<>();
    private final PriorityQueue<WorkingPod> working = new PriorityQueue<>(
            Comparator.comparingLong(WorkingPod::endMillis).thenComparingLong(WorkingPod::sequence));
    private final Set<Progress> boundThisCycle = new LinkedHashSet<>();
    private final Set<String> partiallyStarted = new HashSet<>();
    private final IdleHoldMeter idleHold = new IdleHoldMeter();
    private final List<Long> completionTimes = new ArrayList<>();
    private int jobsSubmitted;
    private long sequence;

    record WorkingPod(long endMillis, long sequence, Pod pod, Resources nodeAllocatable) {}

    private record BoundPod(Pod pod, Resources nodeAllocatable) {}

    private static final class Progress {
        final SimJob job;
        final List<BoundPod> idle = new ArrayList<>();
        int running;
        int finished;
        int replacements;
        boolean working;

        Progress(SimJob job) {
            this.job = job;
        }
    }

    JobTracker(Map<String, Resources> allocatableByNode) {
        this.allocatableByNode = Map.copyOf(allocatableByNode);
    }

    void arrived(SimJob job) {
        Progress progress = new Progress(job);
        unfinished.put(job, progress);
        for (Pod pod : job.pods()) {
            progressByPod.put(pod.id(), progress);
        }
        jobsSubmitted++;
    }

    void bound(Pod pod, String nodeName, long nowMillis) {
        Progress progress = progressByPod.get(pod.id());
        progress.running++;
        Resources allocatable = allocatableByNode.get(nodeName);
        if (progress.working) {
            startWork(pod, allocatable, nowMillis, progress.job);
        } else {
            progress.idle.add(new BoundPod(pod, allocatable));
            idleHold.hold(nowMillis, pod.requests(), allocatable);
            boundThisCycle.add(progress);
        }
    }

    /** After a cycle's binds: gangs that reached their minimum start working, the others are partial. */
    void cycleEnded(long nowMillis) {
        for (Progress progress : boundThisCycle) {
            if (progress.running >= progress.job.membersToWork()) {
                progress.working = true;
                for (BoundPod bound : progress.idle) {
                    idleHold.release(nowMillis, bound.pod().requests(), bound.nodeAllocatable());
                    startWork(bound.pod(), bound.nodeAllocatable(), nowMillis, progress.job);
                }
                progress.idle.clear();
            } else {
                partiallyStarted.add(progress.job.name());
            }
        }
        boundThisCycle.clear();
    }

    private void startWork(Pod pod, Resources nodeAllocatable, long nowMillis, SimJob job) {
        working.add(new WorkingPod(nowMillis + job.runMillis(), sequence++, pod, nodeAllocatable));
    }

    /** The pod was evicted: it stops working at once, though it holds its place until it is gone. */
    void evicted(Pod victim, long nowMillis) {
        Progress progress = progressByPod.remove(victim.id());
        awaitingReplacement.put(victim.id(), progress);
        progress.running--;
        if (!working.removeIf(pod -> pod.pod().id().equals(victim.id()))) {
            progress.idle.removeIf(bound -> {
                boolean match = bound.pod().id().equals(victim.id());
                if (match) {
                    idleHold.release(nowMillis, bound.pod().requests(), bound.nodeAllocatable());
                }
                return match;
            });
        }
        if (progress.working && progress.running < progress.job.membersToWork()) {
            stop(progress, nowMillis);
        }
    }

    /**
     * The evicted pod is gone: a new pod with the same spec, reading the same data, and a new name takes
     * its place in the job.
     */
    Pod replacementFor(Pod victim, long nowMillis) {
        Progress progress = awaitingReplacement.remove(victim.id());
        String jobName = progress.job.name();
        Pod replacement = WorkloadGenerator.pod(progress.job.workload(), jobName,
                jobName + "-r" + progress.replacements++, nowMillis, victim.dataReads());
        progressByPod.put(replacement.id(), progress);
        return replacement;
    }

    /** The job's working pods go idle, holding their places; their work so far is lost. */
    private void stop(Progress progress, long nowMillis) {
        progress.working = false;
        List<WorkingPod> stopped = working.stream().filter(pod -> progressByPod.get(pod.pod().id()) == progress)
                .toList();
        working.removeAll(stopped);
        for (WorkingPod pod : stopped) {
            progress.idle.add(new BoundPod(pod.pod(), pod.nodeAllocatable()));
            idleHold.hold(nowMillis, pod.pod().requests(), pod.nodeAllocatable());
        }
    }

    /** When the next working pod finishes, or {@link Long#MAX_VALUE} if none works. */
    long nextFinishMillis() {
        return working.isEmpty() ? Long.MAX_VALUE : working.peek().endMillis();
    }

    /** Removes and returns the pods whose work ends by the time, in finishing order. */
    List<WorkingPod> finishDueBy(long nowMillis) {
        List<WorkingPod> done = new ArrayList<>();
        while (!working.isEmpty() && working.peek().endMillis() <= nowMillis) {
            WorkingPod pod = working.poll();
            done.add(pod);
            Progress progress = progressByPod.remove(pod.pod().id());
            progress.running--;
            if (++progress.finished == progress.job.pods().size()) {
                unfinished.remove(progress.job);
                completionTimes.add(pod.endMillis() - progress.job.arrivalMillis());
            }
        }
        return done;
    }

    boolean allFinished() {
        return unfinished.isEmpty();
    }

    /** True when some bound pods wait idle for gang members. */
    boolean idlePodsHeld() {
        return unfinished.values().stream().anyMatch(progress -> !progress.idle.isEmpty());
    }

    int jobsSubmitted() {
        return jobsSubmitted;
    }

    int jobsCompleted() {
        return completionTimes.size();
    }

    DurationStats completionTimes() {
        return DurationStats.of(completionTimes.stream().mapToLong(Long::longValue).toArray());
    }

    GangOutcome gangOutcome(long endMillis) {
        return new GangOutcome(partiallyStarted.size(), idleHold.totalUntil(endMillis));
    }

    List<RunEnding.StuckJob> stuckJobs() {
        return unfinished.values().stream()
                .map(p -> new RunEnding.StuckJob(p.job.name(), p.running,
                        p.job.pods().size() - p.running - p.finished, p.job.membersToWork()))
                .toList();
    }
}
