package dev.stook.core.model;

import java.util.List;
import java.util.Map;

/** Requirements that must all hold. As in Kubernetes, a term with no requirements matches no node. */
public record NodeSelectorTerm(List<NodeSelectorRequirement> requirements) {
    public NodeSelectorTerm {
        requirements = List.copyOf(requirements);
    }

    public boolean matches(Map<String, String> labels) {
        if (requirements.isEmpty()) {
            return false;
        }
        for (NodeSelectorRequirement requirement : requirements) {
            if (!requirement.matches(labels)) {
                return false;
            }
        }
        return true;
    }
}
