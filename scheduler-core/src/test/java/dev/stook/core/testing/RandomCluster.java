package dev.stook.core.testing;

import dev.stook.core.cluster.ClusterState;
import dev.stook.core.model.Node;

import java.util.HashMap;
import java.util.Map;

/**
 * A fresh cluster of nodes named n0, n1, … drawn one after another, and the same nodes by name, against
 * which a test checks placements; a test that changes a node updates both.
 */
public record RandomCluster(ClusterState state, Map<String, Node> nodes) {
    public static RandomCluster of(RandomNodes drawn, int nodeCount) {
        ClusterState state = new ClusterState();
        Map<String, Node> nodes = new HashMap<>();
        for (int i = 0; i < nodeCount; i++) {
            Node node = drawn.next("n" + i);
            nodes.put(node.name(), node);
            state.upsertNode(node);
        }
        return new RandomCluster(state, nodes);
    }
}
