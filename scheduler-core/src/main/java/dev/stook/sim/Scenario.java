package dev.stook.sim;

import java.util.List;
import java.util.Map;

/**
 * A simulated cluster and the work submitted to it, as read from a scenario file. A run stops at
 * {@code maxVirtualTimeMillis} even if work is left.
 */
public record Scenario(String name, long seed, long cycleIntervalMillis, long maxVirtualTimeMillis,
                       Map<String, Integer> scorerWeights, List<NodeGroup> nodeGroups, List<Workload> workloads) {
    public Scenario {
        scorerWeights = Map.copyOf(scorerWeights);
        nodeGroups = List.copyOf(nodeGroups);
        workloads = List.copyOf(workloads);
    }

    public Scenario withScorerWeights(Map<String, Integer> weights) {
        return new Scenario(name, seed, cycleIntervalMillis, maxVirtualTimeMillis, weights, nodeGroups, workloads);
    }

    public Scenario withSeed(long newSeed) {
        return new Scenario(name, newSeed, cycleIntervalMillis, maxVirtualTimeMillis, scorerWeights, nodeGroups, workloads);
    }
}
