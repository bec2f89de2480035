package dev.stook.k8s.translate;

import dev.stook.core.model.LabelSelector;
import dev.stook.core.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads a Kubernetes label selector; a refusal names the field and the expression. */
final class LabelSelectors {
    private LabelSelectors() {
    }

    /** A selector that is unset matches nothing; an empty one matches everything. */
    static LabelSelector of(io.fabric8.kubernetes.api.model.LabelSelector given, String field) {
        if (given == null) {
            return LabelSelector.NOTHING;
        }
        List<NodeSelectorRequirement> requirements = new ArrayList<>();
        List<LabelSelectorRequirement> expressions = given.getMatchExpressions() == null ? List.of()
                : given.getMatchExpressions();
        for (int e = 0; e < expressions.size(); e++) {
            LabelSelectorRequirement expression = expressions.get(e);
            requirements.add(FieldPath.read(field + ".matchExpressions[" + e + "]",
                    () -> new NodeSelectorRequirement(expression.getKey(),
                            NodeSelectorRequirement.parseOperator(expression.getOperator()), expression.getValues())));
        }
        Map<String, String> matchLabels = given.getMatchLabels() == null ? Map.of() : given.getMatchLabels();
        return FieldPath.read(field, () -> new LabelSelector(matchLabels, requirements));
    }
}
