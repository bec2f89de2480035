package dev.stook.core.spark;

import dev.stook.core.model.Resources;

import java.util.List;
import java.util.Objects;

/**
 * What was decided when a driver was admitted with its executor holds, written on the driver so that a new
 * leader rebuilds the same holds without deciding again: what one hold asks for, the node of each hold, and
 * when holds not taken by then are released.
 */
public record HoldRecord(Resources perHold, List<String> nodes, long untilMillis) {
    public HoldRecord {
        Objects.requireNonNull(perHold, "perHold");
        nodes = List.copyOf(nodes);
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("a hold record names at least one node");
        }
    }
}
