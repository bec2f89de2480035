package dev.stook.core.cluster;

import dev.stook.core.model.Node;

/** A node and what is in use on it, frozen at snapshot time. The array is never written after creation. */
record NodeView(Node node, long[] used, int podCount, long usageVersion) {
}
