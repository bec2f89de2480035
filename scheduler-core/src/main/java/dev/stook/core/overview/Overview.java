package dev.stook.core.overview;

import dev.stook.core.explain.UnitExplanation;

import java.util.List;

/**
 * What the scheduler shows at a glance: the queue tree, the pending units with their explanations, and its
 * recent evictions and cycles.
 *
 * @param asOfMillis  the scheduler's time (virtual in a simulation)
 * @param namespaces  the visible namespaces that have pending units, for filtering
 * @param unitsTotal  how many units matched the query; {@code units} holds at most the query's limit of them
 */
public record Overview(long asOfMillis, List<QueueRow> queues, List<String> namespaces, int unitsTotal,
                       List<UnitExplanation> units, List<RecentActivity.Eviction> evictions,
                       List<RecentActivity.CycleTiming> cycles) {
    public Overview {
        queues = List.copyOf(queues);
        namespaces = List.copyOf(namespaces);
        units = List.copyOf(units);
        evictions = List.copyOf(evictions);
        cycles = List.copyOf(cycles);
    }
}
