package dev.stook.core.cluster;

import dev.stook.core.model.Node;

import java.util.Map;

/**
 * An immutable view of the cluster for one scheduling cycle. Node indexes are stable for as long as
 * {@link #topologyGeneration()} is unchanged, so per-node caches may be kept across cycles under it.
 */
public final class ClusterSnapshot {
    private final NodeView[] nodes;
    private final Map<String, Integer> indexByName;
    private final long topologyGeneration;

    ClusterSnapshot(NodeView[] nodes, Map<String, Integer> indexByName, long topologyGeneration) {
        this.nodes = nodes;
        this.indexByName = indexByName;
        this.topologyGeneration = topologyGeneration;
    }

    public int size() {
        return nodes.length;
    }

    public Node node(int index) {
        return nodes[index].node();
    }

    /** The node's index, or -1 when the snapshot has no such node. */
    public int indexOf(String nodeName) {
        Integer index = indexByName.get(nodeName);
        return index == null ? -1 : index;
    }

    public long used(int index, int slot) {
        long[] used = nodes[index].used();
        return slot < used.length ? used[slot] : 0;
    }

    public int podCount(int index) {
        return nodes[index].podCount();
    }

    public long topologyGeneration() {
        return topologyGeneration;
    }

    /** Shared with later snapshots of the same topology; never modified. */
    Map<String, Integer> indexByName() {
        return indexByName;
    }

    NodeView view(int index) {
        return nodes[index];
    }
}
