package dev.stook.core.explain;

import dev.stook.core.queue.QueuePolicy;

/**
 * Where a unit is in its leaf queue's order by the leaf's policy (priority, then age; a {@code fair} leaf
 * then serves the owner holding least first, which this position does not show).
 *
 * @param position 1 for the first unit
 */
public record QueuePlace(String leaf, QueuePolicy policy, int position, int units) {}
