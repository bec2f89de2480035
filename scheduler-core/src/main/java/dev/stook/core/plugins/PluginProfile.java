package dev.stook.core.plugins;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The filters a node must pass and the weighted scorers that rank the survivors. Filters that read only
 * the node's spec run first, so an explanation names the most permanent reason a node was refused.
 */
public final class PluginProfile {
    /**
     * Scorer weights used when configuration names none: spread load, keep cpu and memory balanced, and
     * above all run where the data is. Locality's weight makes a node holding all of a pod's data
     * (10 x 100) outrank any node without it, whose other scores add up to at most 3 x 100.
     */
    public static final Map<String, Integer> DEFAULT_WEIGHTS = defaultWeights();

    private final List<Filter> filters;
    private final List<WeightedScorer> scorers;

    public PluginProfile(List<Filter> filters, List<WeightedScorer> scorers) {
        this.filters = List.copyOf(filters);
        this.scorers = scorers.stream().filter(s -> s.weight() > 0).toList();
    }

    /** The standard filters and scorers, with weights by scorer name; names not given keep their default. */
    public static PluginProfile standard(Map<String, Integer> weights) {
        Map<String, Scorer> known = new LinkedHashMap<>();
        for (Scorer scorer : List.of(new LeastAllocatedScorer(), new MostAllocatedScorer(),
                new BalancedAllocationScorer(), new PreferNoScheduleScorer(), new LocalityScorer())) {
            known.put(scorer.name(), scorer);
        }
        for (String name : weights.keySet()) {
            if (!known.containsKey(name)) {
                throw new IllegalArgumentException("unknown scorer \"" + name + "\"; known scorers: "
                        + String.join(", ", known.keySet()));
            }
        }
        List<WeightedScorer> scorers = new ArrayList<>();
        for (Scorer scorer : known.values()) {
            Integer weight = weights.getOrDefault(scorer.name(), DEFAULT_WEIGHTS.getOrDefault(scorer.name(), 0));
            scorers.add(new WeightedScorer(scorer, weight));
        }
        return new PluginProfile(standardFilters(), scorers);
    }

    public static PluginProfile standard() {
        return standard(Map.of());
    }

    public static List<Filter> standardFilters() {
        return List.of(new CordonedNodeFilter(), new NodeAffinityFilter(), new TaintTolerationFilter(),
                new MaxPodsFilter(), new ResourceFitFilter());
    }

    public List<Filter> filters() {
        return filters;
    }

    public List<WeightedScorer> scorers() {
        return scorers;
    }

    private static Map<String, Integer> defaultWeights() {
        Map<String, Integer> weights = new TreeMap<>();
        weights.put("LeastAllocated", 1);
        weights.put("MostAllocated", 0);
        weights.put("BalancedAllocation", 1);
        weights.put("PreferNoSchedule", 1);
        weights.put(LocalityScorer.NAME, 10);
        return Map.copyOf(weights);
    }
}
