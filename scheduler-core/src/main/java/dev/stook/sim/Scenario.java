package dev.stook.sim;

import java.util.List;
import java.util.Map;

/** A simulated cluster and the work submitted to it, as read from a scenario file. */
public record Scenario(String name, long seed, long cycleIntervalMillis, Map<String, Integer> scorerWeights,
                       List<NodeGroup> nodeGroups, List<Workload> workloads) {
    public Scenario {
        scorerWeights = Map.copyOf(scorerWeights);
        nodeGroups = List.copyOf(nodeGroups);
        workloads = List.copyOf(workloads);
    }

    public Scenario withSeed(long newSeed) {
        return new Scenario(name, newSeed, cycleIntervalMillis, scorerWeights, nodeGroups, workloads);
    }
}
