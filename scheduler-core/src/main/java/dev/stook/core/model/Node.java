package dev.stook.core.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A node as the scheduler sees it: what it offers and who may run there. */
public record Node(String name, Resources allocatable, Map<String, String> labels, List<Taint> taints,
                   boolean unschedulable) {
    public Node {
        Objects.requireNonNull(name, "node name");
        Objects.requireNonNull(allocatable, "allocatable");
        labels = Map.copyOf(labels);
        taints = List.copyOf(taints);
    }

    public static Node of(String name, Resources allocatable) {
        return new Node(name, allocatable, Map.of(), List.of(), false);
    }

    public Node withLabels(Map<String, String> newLabels) {
        return new Node(name, allocatable, newLabels, taints, unschedulable);
    }

    public Node withTaints(List<Taint> newTaints) {
        return new Node(name, allocatable, labels, newTaints, unschedulable);
    }

    public Node cordoned() {
        return new Node(name, allocatable, labels, taints, true);
    }
}
