package dev.stook.core.model;

import dev.stook.core.model.NodeSelectorRequirement.Operator;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConstraintsTest {
    private static final Map<String, String> LABELS = Map.of("zone", "a", "cores", "64", "ssd", "true");

    @Test
    void everyAffinityOperatorMatchesAsInKubernetes() {
        assertThat(req("zone", Operator.IN, "a", "b").matches(LABELS)).isTrue();
        assertThat(req("zone", Operator.IN, "b").matches(LABELS)).isFalse();
        assertThat(req("zone", Operator.NOT_IN, "b").matches(LABELS)).isTrue();
        assertThat(req("missing", Operator.NOT_IN, "b").matches(LABELS)).isTrue();
        assertThat(req("ssd", Operator.EXISTS).matches(LABELS)).isTrue();
        assertThat(req("gpu", Operator.DOES_NOT_EXIST).matches(LABELS)).isTrue();
        assertThat(req("cores", Operator.GT, "32").matches(LABELS)).isTrue();
        assertThat(req("cores", Operator.LT, "32").matches(LABELS)).isFalse();
        assertThat(req("zone", Operator.GT, "1").matches(LABELS)).as("non-integer label never matches Gt").isFalse();
    }

    @Test
    void termsAreOredAndRequirementsAnded() {
        NodeSelectorTerm wrongZone = new NodeSelectorTerm(List.of(req("zone", Operator.IN, "b")));
        NodeSelectorTerm bigSsd = new NodeSelectorTerm(List.of(req("ssd", Operator.EXISTS), req("cores", Operator.GT, "32")));
        NodeSelectorTerm empty = new NodeSelectorTerm(List.of());

        assertThat(constraints(List.of(wrongZone, bigSsd)).matchesLabels(LABELS)).isTrue();
        assertThat(constraints(List.of(wrongZone)).matchesLabels(LABELS)).isFalse();
        assertThat(constraints(List.of(empty)).matchesLabels(LABELS)).as("an empty term matches nothing").isFalse();
        assertThat(PlacementConstraints.NONE.matchesLabels(LABELS)).isTrue();
    }

    @Test
    void nodeSelectorMustMatchExactly() {
        assertThat(PlacementConstraints.NONE.withNodeSelector(Map.of("zone", "a")).matchesLabels(LABELS)).isTrue();
        assertThat(PlacementConstraints.NONE.withNodeSelector(Map.of("zone", "b")).matchesLabels(LABELS)).isFalse();
    }

    @Test
    void malformedRequirementsAreRejectedClearly() {
        assertThatThrownBy(() -> req("zone", Operator.IN)).hasMessageContaining("needs at least one value");
        assertThatThrownBy(() -> req("zone", Operator.EXISTS, "x")).hasMessageContaining("takes no values");
        assertThatThrownBy(() -> req("cores", Operator.GT, "many")).hasMessageContaining("not an integer");
        assertThatThrownBy(() -> NodeSelectorRequirement.parseOperator("Near")).hasMessageContaining("unknown node selector operator");
    }

    @Test
    void tolerationsMatchTaints() {
        Taint gpu = new Taint("gpu", "true", TaintEffect.NO_SCHEDULE);

        assertThat(new Toleration("gpu", Toleration.Operator.EQUAL, "true", null).tolerates(gpu)).isTrue();
        assertThat(new Toleration("gpu", Toleration.Operator.EQUAL, "false", null).tolerates(gpu)).isFalse();
        assertThat(new Toleration("gpu", Toleration.Operator.EXISTS, null, TaintEffect.NO_SCHEDULE).tolerates(gpu)).isTrue();
        assertThat(new Toleration("gpu", Toleration.Operator.EXISTS, null, TaintEffect.NO_EXECUTE).tolerates(gpu)).isFalse();
        assertThat(new Toleration("", Toleration.Operator.EXISTS, null, null).tolerates(gpu)).as("wildcard").isTrue();
        assertThatThrownBy(() -> new Toleration("", Toleration.Operator.EQUAL, "x", null)).hasMessageContaining("empty key");
        assertThatThrownBy(() -> TaintEffect.parse("Sometimes")).hasMessageContaining("unknown taint effect");
    }

    private static NodeSelectorRequirement req(String key, Operator op, String... values) {
        return new NodeSelectorRequirement(key, op, List.of(values));
    }

    private static PlacementConstraints constraints(List<NodeSelectorTerm> terms) {
        return PlacementConstraints.NONE.withRequiredAffinity(terms);
    }
}
