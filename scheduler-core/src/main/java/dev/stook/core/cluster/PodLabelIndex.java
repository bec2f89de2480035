package dev.stook.core.cluster;

import dev.stook.core.model.LabelSelector;
import dev.stook.core.model.NodeSelectorRequirement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pods of a snapshot by label: for each key and value, the pods carrying that pair. Lets a selector find
 * the few pods it may match without looking at every pod.
 */
public final class PodLabelIndex {
    private final Map<String, Map<String, List<PodOnNode>>> byPair = new HashMap<>();

    static PodLabelIndex of(ClusterSnapshot snapshot) {
        PodLabelIndex index = new PodLabelIndex();
        for (int node = 0; node < snapshot.size(); node++) {
            for (var pod : snapshot.pods(node)) {
                PodOnNode placed = new PodOnNode(pod, node);
                pod.labels().forEach((key, value) -> index.byPair.computeIfAbsent(key, k -> new HashMap<>())
                        .computeIfAbsent(value, v -> new ArrayList<>()).add(placed));
            }
        }
        return index;
    }

    /**
     * Pods that include every pod the selector matches, each once, in no fixed order; null when the selector
     * names no label it requires (it may match pods without labels), so every pod must be looked at.
     */
    public List<PodOnNode> candidates(LabelSelector selector) {
        if (selector.matchesNothing()) {
            return List.of();
        }
        List<PodOnNode> narrowest = null;
        for (Map.Entry<String, String> pair : selector.matchLabels().entrySet()) {
            narrowest = narrower(narrowest, withPair(pair.getKey(), pair.getValue()));
        }
        for (NodeSelectorRequirement requirement : selector.requirements()) {
            Map<String, List<PodOnNode>> byValue = byPair.getOrDefault(requirement.key(), Map.of());
            if (requirement.operator() == NodeSelectorRequirement.Operator.IN) {
                narrowest = narrower(narrowest, union(byValue, requirement.values()));
            } else if (requirement.operator() == NodeSelectorRequirement.Operator.EXISTS) {
                narrowest = narrower(narrowest, union(byValue, byValue.keySet()));
            }
        }
        return narrowest;
    }

    private List<PodOnNode> withPair(String key, String value) {
        return byPair.getOrDefault(key, Map.of()).getOrDefault(value, List.of());
    }

    private static List<PodOnNode> union(Map<String, List<PodOnNode>> byValue, Iterable<String> values) {
        List<PodOnNode> all = new ArrayList<>();
        for (String value : values) {
            all.addAll(byValue.getOrDefault(value, List.of()));
        }
        return all;
    }

    private static List<PodOnNode> narrower(List<PodOnNode> current, List<PodOnNode> candidate) {
        return current == null || candidate.size() < current.size() ? candidate : current;
    }
}
