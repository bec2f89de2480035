package dev.stook.core.explain;

import java.util.List;

/**
 * One pending unit as an overview lists it: its namespace, its pending pods, and its explanation as
 * {@code stook explain} gives it for any of them.
 */
public record UnitExplanation(String namespace, List<String> pods, PendingExplanation explanation) {
    public UnitExplanation {
        pods = List.copyOf(pods);
    }
}
