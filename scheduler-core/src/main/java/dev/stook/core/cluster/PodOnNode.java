package dev.stook.core.cluster;

import dev.stook.core.model.Pod;

/** A pod holding a place on the node of the given index. */
public record PodOnNode(Pod pod, int node) {}
