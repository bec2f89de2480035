package dev.stook.core.plugins;

import dev.stook.core.model.Node;
import dev.stook.core.model.NodeSelectorRequirement;
import dev.stook.core.model.NodeSelectorTerm;
import dev.stook.core.model.Pod;
import dev.stook.core.model.PreferredTerm;
import dev.stook.core.model.Resources;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.stook.core.Fixtures.pod;
import static dev.stook.core.Fixtures.slotOf;
import static org.assertj.core.api.Assertions.assertThat;

class PreferredNodeAffinityScorerTest {
    private final PreferredNodeAffinityScorer scorer = new PreferredNodeAffinityScorer();

    private static NodeSelectorTerm labelled(String key, String value) {
        return new NodeSelectorTerm(List.of(new NodeSelectorRequirement(key, NodeSelectorRequirement.Operator.IN,
                List.of(value))));
    }

    private static Node node(Map<String, String> labels) {
        return Node.of("n1", Resources.parse(Map.of("cpu", "4", "memory", "8Gi"))).withLabels(labels);
    }

    @Test
    void aNodeScoresTheShareOfThePreferenceWeightsItMatches() {
        Pod base = pod("p", "1", "1Gi");
        Pod pod = base.withConstraints(base.constraints().withPreferredAffinity(List.of(
                new PreferredTerm(80, labelled("disk", "ssd")), new PreferredTerm(20, labelled("zone", "a")))));

        assertThat(scorer.score(pod, slotOf(node(Map.of("disk", "ssd", "zone", "a"))))).isEqualTo(100);
        assertThat(scorer.score(pod, slotOf(node(Map.of("disk", "ssd", "zone", "b"))))).isEqualTo(80);
        assertThat(scorer.score(pod, slotOf(node(Map.of("zone", "a"))))).isEqualTo(20);
        assertThat(scorer.score(pod, slotOf(node(Map.of())))).isZero();
    }

    @Test
    void aPodWithoutPreferencesScoresZeroEverywhere() {
        assertThat(scorer.score(pod("p", "1", "1Gi"), slotOf(node(Map.of("disk", "ssd"))))).isZero();
    }
}
