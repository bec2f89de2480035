package dev.stook.core.plugins;

import dev.stook.core.model.Node;
import dev.stook.core.model.Pod;
import dev.stook.core.model.Taint;
import dev.stook.core.model.TaintEffect;
import dev.stook.core.model.Toleration;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.stook.core.Fixtures.node;
import static dev.stook.core.Fixtures.pod;
import static dev.stook.core.Fixtures.slotOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScorersTest {
    private final Node node = node("n1", "10", "10Gi");
    private final Pod pod = pod("p", "1", "1Gi");

    @Test
    void leastAllocatedScoresTheFreeShareAfterPlacing() {
        Scorer least = new LeastAllocatedScorer();

        assertThat(least.score(pod, slotOf(node))).isEqualTo(90);
        assertThat(least.score(pod, slotOf(node, pod("busy", "4", "4Gi")))).isEqualTo(50);
    }

    @Test
    void mostAllocatedScoresTheUsedShareAfterPlacing() {
        Scorer most = new MostAllocatedScorer();

        assertThat(most.score(pod, slotOf(node))).isEqualTo(10);
        assertThat(most.score(pod, slotOf(node, pod("busy", "8", "8Gi")))).isEqualTo(90);
    }

    @Test
    void balancedAllocationPenalisesLopsidedUse() {
        Scorer balanced = new BalancedAllocationScorer();

        assertThat(balanced.score(pod, slotOf(node))).isEqualTo(100);
        assertThat(balanced.score(pod("cpuHeavy", "9", "1Gi"), slotOf(node))).isEqualTo(60);
    }

    @Test
    void preferNoScheduleTaintsOnlyLowerTheScore() {
        Scorer prefer = new PreferNoScheduleScorer();
        Node spot = node.withTaints(List.of(new Taint("spot", "", TaintEffect.PREFER_NO_SCHEDULE),
                new Taint("old", "", TaintEffect.PREFER_NO_SCHEDULE)));
        Pod spotTolerant = pod.withConstraints(pod.constraints().withTolerations(
                List.of(new Toleration("spot", Toleration.Operator.EXISTS, null, null))));

        assertThat(prefer.score(pod, slotOf(node))).isEqualTo(100);
        assertThat(prefer.score(pod, slotOf(spot))).isEqualTo(25);
        assertThat(prefer.score(spotTolerant, slotOf(spot))).isEqualTo(50);
    }

    @Test
    void weightsComeFromConfigurationByName() {
        PluginProfile binPack = PluginProfile.standard(Map.of("MostAllocated", 3, "LeastAllocated", 0));

        assertThat(binPack.scorers()).extracting(s -> s.scorer().name() + "=" + s.weight())
                .containsExactly("MostAllocated=3", "BalancedAllocation=1", "PreferNoSchedule=1", "PreferredNodeAffinity=2",
                        "InterPodAffinity=2", "PodTopologySpread=2", "Locality=10");
        assertThatThrownBy(() -> PluginProfile.standard(Map.of("Nearest", 1)))
                .hasMessageContaining("unknown scorer \"Nearest\"");
    }
}
