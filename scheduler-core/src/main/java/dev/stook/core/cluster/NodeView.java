package dev.stook.core.cluster;

import dev.stook.core.locality.ChunkSet;
import dev.stook.core.model.Node;
import dev.stook.core.model.Pod;

import java.util.List;

/**
 * A node, the pods holding a place on it, what they use and the chunks cached there, frozen at snapshot
 * time. The array and the list are never written after creation.
 */
record NodeView(Node node, long[] used, List<Pod> pods, long usageVersion, ChunkSet cachedChunks) {
    int podCount() {
        return pods.size();
    }
}
