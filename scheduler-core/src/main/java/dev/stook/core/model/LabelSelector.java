package dev.stook.core.model;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which pods a pod affinity term or a spread constraint counts: every {@code matchLabels} pair and every
 * requirement must hold. An empty selector matches every pod; {@link #NOTHING} (a term whose selector is
 * unset) matches none, as in Kubernetes.
 */
public record LabelSelector(Map<String, String> matchLabels, List<NodeSelectorRequirement> requirements,
                            boolean matchesNothing) {
    public static final LabelSelector EVERYTHING = new LabelSelector(Map.of(), List.of(), false);
    public static final LabelSelector NOTHING = new LabelSelector(Map.of(), List.of(), true);

    public LabelSelector {
        matchLabels = Map.copyOf(matchLabels);
        requirements = List.copyOf(requirements);
        for (NodeSelectorRequirement requirement : requirements) {
            if (requirement.operator() == NodeSelectorRequirement.Operator.GT
                    || requirement.operator() == NodeSelectorRequirement.Operator.LT) {
                throw new IllegalArgumentException("label selector on " + InputText.quote(requirement.key())
                        + ": Gt and Lt are for node selectors only");
            }
        }
    }

    public LabelSelector(Map<String, String> matchLabels, List<NodeSelectorRequirement> requirements) {
        this(matchLabels, requirements, false);
    }

    public boolean matches(Map<String, String> labels) {
        if (matchesNothing) {
            return false;
        }
        for (Map.Entry<String, String> wanted : matchLabels.entrySet()) {
            if (!wanted.getValue().equals(labels.get(wanted.getKey()))) {
                return false;
            }
        }
        for (NodeSelectorRequirement requirement : requirements) {
            if (!requirement.matches(labels)) {
                return false;
            }
        }
        return true;
    }

    /** Whether a pod must carry some label to match: false when a pod with none of the selector's keys may. */
    public boolean requiresALabel() {
        if (matchesNothing || !matchLabels.isEmpty()) {
            return true;
        }
        for (NodeSelectorRequirement requirement : requirements) {
            if (requirement.operator() == NodeSelectorRequirement.Operator.IN
                    || requirement.operator() == NodeSelectorRequirement.Operator.EXISTS) {
                return true;
            }
        }
        return false;
    }

    /** Every label key the selector looks at: pods equal on these keys are matched alike. */
    public Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>(matchLabels.keySet());
        requirements.forEach(requirement -> keys.add(requirement.key()));
        return keys;
    }

    /** This selector also requiring each pair, as {@code matchLabelKeys} adds the pod's own values. */
    public LabelSelector requiring(Map<String, String> pairs) {
        if (matchesNothing || pairs.isEmpty()) {
            return this;
        }
        Map<String, String> merged = new HashMap<>(matchLabels);
        for (Map.Entry<String, String> pair : pairs.entrySet()) {
            String earlier = merged.putIfAbsent(pair.getKey(), pair.getValue());
            if (earlier != null && !earlier.equals(pair.getValue())) {
                return NOTHING;
            }
        }
        return new LabelSelector(merged, requirements, false);
    }
}
