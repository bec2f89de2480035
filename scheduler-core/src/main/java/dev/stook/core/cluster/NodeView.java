package dev.stook.core.cluster;

import dev.stook.core.locality.ChunkSet;
import dev.stook.core.model.Node;

/**
 * A node, what is in use on it and the chunks cached there, frozen at snapshot time. The array is never
 * written after creation.
 */
record NodeView(Node node, long[] used, int podCount, long usageVersion, ChunkSet cachedChunks) {
}
