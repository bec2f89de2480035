package dev.stook.core.preempt;

import dev.stook.core.model.Pod;

import java.util.List;

/** Pods that are evicted together or not at all: every placed member of a gang, or a lone pod. */
public record VictimGroup(String name, String queue, List<Pod> pods, List<String> nodes, int priority,
                          long createdAtMillis) {
    public VictimGroup {
        pods = List.copyOf(pods);
        nodes = List.copyOf(nodes);
    }
}
