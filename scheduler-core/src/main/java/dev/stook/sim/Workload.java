package dev.stook.sim;

import dev.stook.core.model.PlacementConstraints;
import dev.stook.core.model.Resources;

import java.util.Optional;

/**
 * A stream of {@code jobs} identical jobs of {@code podsPerJob} pods each. With {@code gangMinMembers}
 * each job is one gang that works only while that many of its pods run; without it the pods are
 * independent. Pods read {@code dataChunks}; with {@code shardChunks} above 0 each job reads one random shard
 * of that many chunks instead, its pods consecutive shards. {@code queue} and {@code preemptible} are
 * carried for the queue and preemption features; the simulator does not act on them yet.
 */
public record Workload(String name, int jobs, Arrival arrival, long startMillis, int podsPerJob, Resources requests,
                       RunTime runTime, int priority, PlacementConstraints constraints,
                       Optional<String> queue, Optional<Integer> gangMinMembers, Optional<String> dataChunks,
                       boolean preemptible, long shardChunks) {
    public Workload(String name, int jobs, Arrival arrival, long startMillis, int podsPerJob, Resources requests,
                    RunTime runTime, int priority, PlacementConstraints constraints, Optional<String> queue,
                    Optional<Integer> gangMinMembers, Optional<String> dataChunks, boolean preemptible) {
        this(name, jobs, arrival, startMillis, podsPerJob, requests, runTime, priority, constraints, queue,
                gangMinMembers, dataChunks, preemptible, 0);
    }
}
