package dev.stook.bench;

import dev.stook.core.cluster.ClusterState;
import dev.stook.core.model.Node;
import dev.stook.core.model.Pod;

import java.util.List;

/** A cluster to start from (nodes, pods already bound to them) and the pods waiting for a place. */
public record Workload(List<Node> nodes, List<BoundPod> preBound, List<Pod> pending) {
    public record BoundPod(Pod pod, String nodeName) {}

    public Workload {
        nodes = List.copyOf(nodes);
        preBound = List.copyOf(preBound);
        pending = List.copyOf(pending);
    }

    /** A new cluster state holding the nodes and the pre-bound pods; every call gives an independent one. */
    public ClusterState newClusterState() {
        ClusterState state = new ClusterState();
        for (Node node : nodes) {
            state.upsertNode(node);
        }
        for (BoundPod bound : preBound) {
            state.podBound(bound.pod(), bound.nodeName());
        }
        return state;
    }
}
