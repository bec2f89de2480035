package dev.stook.sim;

import dev.stook.core.gang.GangTopology;
import dev.stook.core.model.PlacementConstraints;
import dev.stook.core.model.Resources;

import java.util.List;
import java.util.Optional;

/**
 * A stream of {@code jobs} identical jobs of {@code podsPerJob} pods each, created in {@code namespace}.
 * With {@code gangMinMembers} each job is one gang that works only while that many of its pods run;
 * without it the pods are independent. Pods name {@code queue} if given (else the placement rules pick
 * one) and may be evicted unless {@code preemptible} is false. Pods read {@code dataChunks}; with
 * {@code shardChunks} above 0 each job reads one random shard of that many chunks instead, its pods
 * consecutive shards. {@code podRules} place each pod relative to the others of its job or workload. A
 * gang keeps to its {@code gangTopology} ({@code stook.dev/gang-topology}). With {@code claims} each pod
 * claims a local disk holding its job's dataset shard.
 */
public record Workload(String name, int jobs, Arrival arrival, long startMillis, int podsPerJob, Resources requests,
                       RunTime runTime, int priority, PlacementConstraints constraints,
                       Optional<String> queue, Optional<Integer> gangMinMembers, Optional<String> dataChunks,
                       boolean preemptible, String namespace, long shardChunks, List<PodRule> podRules,
                       GangTopology gangTopology, Optional<ShardClaims> claims) {
    public Workload {
        podRules = List.copyOf(podRules);
    }

    /** The same workload with gangs keeping to no topology. */
    Workload withoutGangTopology() {
        return new Workload(name, jobs, arrival, startMillis, podsPerJob, requests, runTime, priority, constraints, queue,
                gangMinMembers, dataChunks, preemptible, namespace, shardChunks, podRules, GangTopology.NONE, claims);
    }
}
