package dev.stook.core.plugins;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The filters a node must pass and the weighted scorers that rank the survivors. A new filter or scorer is
 * registered with one line in {@link #standardFilters()} or {@link #standardScorers}. Filters that read
 * only the node's spec run first, so an explanation names the most permanent reason a node was refused.
 */
public final class PluginProfile {
    /**
     * Every known scorer, with its weight when configuration names none: spread load, keep cpu and memory
     * balanced, go where the pod's preferred node and pod affinity point, spread as its ScheduleAnyway
     * constraints ask, and above all run where the data is. Locality's weight makes a node holding all of a
     * pod's data (10 x 100) outrank any node without it, whose other scores add up to at most 9 x 100.
     */
    private static List<WeightedScorer> standardScorers(DefaultSpreadConstraints defaultSpread) {
        return List.of(
                new WeightedScorer(new LeastAllocatedScorer(), 1),
                new WeightedScorer(new MostAllocatedScorer(), 0),
                new WeightedScorer(new BalancedAllocationScorer(), 1),
                new WeightedScorer(new PreferNoScheduleScorer(), 1),
                new WeightedScorer(new PreferredNodeAffinityScorer(), 2),
                new WeightedScorer(new InterPodAffinityScorer(), 2),
                new WeightedScorer(new PodTopologySpreadScorer(defaultSpread), 2),
                new WeightedScorer(new LocalityScorer(), 10));
    }

    /** Scorer weights by name in registration order, used when configuration names none. */
    public static final Map<String, Integer> DEFAULT_WEIGHTS = defaultWeights();

    private final List<FilterPlugin> filters;
    private final List<WeightedScorer> scorers;

    public PluginProfile(List<? extends FilterPlugin> filters, List<WeightedScorer> scorers) {
        this.filters = List.copyOf(filters);
        this.scorers = scorers.stream().filter(s -> s.weight() > 0).toList();
    }

    /** The standard filters and scorers, with weights by scorer name; names not given keep their default. */
    public static PluginProfile standard(Map<String, Integer> weights) {
        return standard(weights, DefaultSpreadConstraints.SYSTEM);
    }

    /**
     * The standard filters and scorers, with weights by scorer name (names not given keep their default) and
     * the spread constraints given to pods that set none.
     */
    public static PluginProfile standard(Map<String, Integer> weights, DefaultSpreadConstraints defaultSpread) {
        for (String name : weights.keySet()) {
            if (!DEFAULT_WEIGHTS.containsKey(name)) {
                throw new IllegalArgumentException("unknown scorer \"" + name + "\"; known scorers: "
                        + String.join(", ", DEFAULT_WEIGHTS.keySet()));
            }
        }
        List<WeightedScorer> scorers = new ArrayList<>();
        for (WeightedScorer standard : standardScorers(defaultSpread)) {
            ScorerPlugin scorer = standard.scorer();
            scorers.add(new WeightedScorer(scorer, weights.getOrDefault(scorer.name(), standard.weight())));
        }
        return new PluginProfile(standardFilters(), scorers);
    }

    public static PluginProfile standard() {
        return standard(Map.of());
    }

    public static List<FilterPlugin> standardFilters() {
        return List.of(new CordonedNodeFilter(), new NodeAffinityFilter(), new TaintTolerationFilter(),
                new MaxPodsFilter(), new ResourceFitFilter(), new HostPortsFilter(), new VolumeBindingFilter(),
                new VolumeZoneFilter(), new VolumeRestrictionsFilter(), new NodeVolumeLimitsFilter(),
                new InterPodAffinityFilter(),
                new PodTopologySpreadFilter());
    }

    public List<FilterPlugin> filters() {
        return filters;
    }

    public List<WeightedScorer> scorers() {
        return scorers;
    }

    private static Map<String, Integer> defaultWeights() {
        Map<String, Integer> weights = new LinkedHashMap<>();
        for (WeightedScorer standard : standardScorers(DefaultSpreadConstraints.SYSTEM)) {
            weights.put(standard.scorer().name(), standard.weight());
        }
        return Collections.unmodifiableMap(weights);
    }
}
