package dev.stook.core.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Namespaces chosen by their labels, as a Kubernetes label selector: every {@code matchLabels} entry and
 * every requirement must hold; a selector with neither matches every namespace.
 */
public record NamespaceSelector(Map<String, String> matchLabels, List<LabelRequirement> matchExpressions) {
    public NamespaceSelector {
        matchLabels = Map.copyOf(matchLabels);
        matchExpressions = List.copyOf(matchExpressions);
    }

    public boolean matches(Map<String, String> labels) {
        return matchLabels.entrySet().stream().allMatch(label -> label.getValue().equals(labels.get(label.getKey())))
                && matchExpressions.stream().allMatch(requirement -> requirement.matches(labels));
    }

    /** As {@code kubectl get -l} would take it: {@code team=ml,tier in (batch)}. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        new TreeMap<>(matchLabels).forEach((key, value) -> parts.add(key + "=" + value));
        matchExpressions.forEach(requirement -> parts.add(requirement.toString()));
        return parts.isEmpty() ? "every namespace" : String.join(",", parts);
    }
}
