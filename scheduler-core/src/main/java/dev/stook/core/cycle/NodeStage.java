package dev.stook.core.cycle;

import dev.stook.core.plugins.FilterPlugin;
import dev.stook.core.plugins.Input;
import dev.stook.core.plugins.WeightedScorer;

import java.util.List;

/**
 * The filters and scorers that judge a class node by node, after the filters reading only node specs, and
 * whether any of them reads cached chunks or other pods (which decides when their preparation goes stale).
 */
record NodeStage(List<FilterPlugin> filters, List<WeightedScorer> scorers, boolean readsChunks,
                 boolean readsOtherPods) {

    static NodeStage of(List<FilterPlugin> filters, List<WeightedScorer> scorers) {
        return new NodeStage(List.copyOf(filters), List.copyOf(scorers), anyReads(filters, scorers, Input.CACHED_CHUNKS),
                anyReads(filters, scorers, Input.OTHER_PODS));
    }

    private static boolean anyReads(List<FilterPlugin> filters, List<WeightedScorer> scorers, Input input) {
        return filters.stream().anyMatch(f -> f.reads().contains(input))
                || scorers.stream().anyMatch(s -> s.scorer().reads().contains(input));
    }
}
