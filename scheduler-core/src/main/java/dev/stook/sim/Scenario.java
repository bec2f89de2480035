package dev.stook.sim;

import dev.stook.core.queue.QueueConfig;

import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /** The same scenario with every gang keeping to no topology: the baseline of a topology comparison. */
    public Scenario withoutGangTopology() {
        return new Scenario(name, seed, cycleIntervalMillis, maxVirtualTimeMillis, scorerWeights, nodeGroups,
                workloads.stream().map(Workload::withoutGangTopology).toList(), queues, evictionGraceMillis);
    }

    /** The label key of the tightest topology level of the first node group that has a topology (racks, say). */
    public Optional<String> tightestTopologyKey() {
        return nodeGroups.stream().filter(group -> !group.topology().isEmpty()).findFirst()
                .map(group -> group.topology().get(group.topology().size() - 1).key());
    }

    public Scenario withSeed(long newSeed) {
        return new Scenario(name, newSeed, cycleIntervalMillis, maxVirtualTimeMillis, scorerWeights, nodeGroups,
                workloads, queues, evictionGraceMillis);
    }
}
