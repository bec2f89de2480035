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
 */
final class JobTracker {
    private final Map<String, Resources> allocatableByNode;
    private final Map<PodId, Progress> progressByPod = new HashMap<>();
    private final Map<SimJob, Progress> unfinished = new LinkedHashMap<>();
    private final PriorityQueue<WorkingPod> working = new PriorityQueue<>(
            Comparator.comparingLong(WorkingPod::endMillis).thenComparingLong(WorkingPod::sequence));
    private final Set<Progress> boundThisCycle = new LinkedHashSet<>();
    private final Set<String> partiallyStarted = new HashSet<>();
    private final IdleHoldMeter idleHold = new IdleHoldMeter();
    private final List<Long> completionTimes = new ArrayList<>();
    private int jobsSubmitted;
    private long sequence;

    record WorkingPod(long endMillis, long sequence, Pod pod) {}

    private record BoundPod(Pod pod, Resources nodeAllocatable) {}

    private static final class Progress {
        final SimJob job;
        final List<BoundPod> idle = new ArrayList<>();
        int running;
        int finished;
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

    SimJob jobOf(PodId pod) {
        return progressByPod.get(pod).job;
    }

    void bound(Pod pod, String nodeName, long nowMillis) {
        Progress progress = progressByPod.get(pod.id());
        progress.running++;
        if (progress.working) {
            startWork(pod, nowMillis, progress.job);
        } else {
            Resources allocatable = allocatableByNode.get(nodeName);
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
                    startWork(bound.pod(), nowMillis, progress.job);
                }
                progress.idle.clear();
            } else {
                partiallyStarted.add(progress.job.name());
            }
        }
        boundThisCycle.clear();
    }

    private void startWork(Pod pod, long nowMillis, SimJob job) {
        working.add(new WorkingPod(nowMillis + job.runMillis(), sequence++, pod));
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
