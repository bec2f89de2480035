package dev.stook.sim;

import dev.stook.core.queue.QueueConfig;

import java.util.List;
import java.util.Map;

/**
 * A simulated cluster and the work submitted to it, as read from a scenario file. A run stops at
 * {@code maxVirtualTimeMillis} even if work is left. {@code queues} is the queue tree the engine runs
 * with; an evicted pod holds its place for {@code evictionGraceMillis} before it is gone.
 */
public record Scenario(String name, long seed, long cycleIntervalMillis, long maxVirtualTimeMillis,
                       Map<String, Integer> scorerWeights, List<NodeGroup> nodeGroups, List<Workload> workloads,
                       QueueConfig queues, long evictionGraceMillis) {
    public Scenario {
        scorerWeights = Map.copyOf(scorerWeights);
        nodeGroups = List.copyOf(nodeGroups);
        workloads = List.copyOf(workloads);
    }

    public Scenario withScorerWeights(Map<String, Integer> weights) {
        return new Scenario(name, seed, cycleIntervalMillis, maxVirtualTimeMillis, weights, nodeGroups, workloads,
                queues, evictionGraceMillis);
    }

    public Scenario withSeed(long newSeed) {
        return new Scenario(name, newSeed, cycleIntervalMillis, maxVirtualTimeMillis, scorerWeights, nodeGroups,
                workloads, queues, evictionGraceMillis);
    }
}
