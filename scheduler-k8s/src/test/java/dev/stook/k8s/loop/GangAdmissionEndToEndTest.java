package dev.stook.k8s.loop;

import dev.stook.k8s.testing.ClusterInvariants;
import dev.stook.k8s.testing.TestCluster;
import dev.stook.k8s.testing.real.RealCluster;
import io.fabric8.kubernetes.api.model.Quantity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Gangs admitted whole or not at all, against a real API server. */
class GangAdmissionEndToEndTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String GPU = "nvidia.com/gpu";
    @RegisterExtension
    final RealCluster cluster = new RealCluster();

    @Test
    void twoInterleavedGangsThatCannotBothFitStartOneAfterTheOther() {
        cluster.node("n1", "4", "16Gi");
        cluster.node("n2", "4", "16Gi");
        for (int i = 0; i < 6; i++) {
            cluster.createGangMember("a-" + i, "1", "a", 6);
            cluster.createGangMember("b-" + i, "1", "b", 6);
        }
        cluster.startScheduler();

        await().atMost(PATIENCE).until(() -> bound("a") + bound("b") == 6);
        await().during(Duration.ofSeconds(2)).atMost(PATIENCE).until(() -> bound("a") + bound("b") == 6);
        String first = bound("a") == 6 ? "a" : "b";
        String second = first.equals("a") ? "b" : "a";
        assertThat(bound(second)).isZero();
        await().atMost(PATIENCE).until(() -> cluster.podScheduled(second + "-0")
                .filter(c -> "False".equals(c.getStatus())).isPresent());

        IntStream.range(0, 6).forEach(i -> cluster.delete(first + "-" + i));
        await().atMost(PATIENCE).until(() -> bound(second) == 6);
    }

    @Test
    void mixedGpuGangsOnFewNodesAreNeverPartlyStartedNorOverCommitted() {
        cluster.node("gpu-1", "16", "64Gi");
        cluster.node("gpu-2", "16", "64Gi");
        cluster.client().nodes().list().getItems().forEach(node -> cluster.client().nodes().resource(node)
                .editStatus(n -> {
                    n.getStatus().getAllocatable().put(GPU, new Quantity("4"));
                    n.getStatus().getCapacity().put(GPU, new Quantity("4"));
                    return n;
                }));
        record Gang(String name, int members, String gpusEach) {}
        List<Gang> gangs = List.of(new Gang("wide", 4, "1"), new Gang("tall", 2, "3"), new Gang("pair", 2, "2"),
                new Gang("solo", 1, "4"));
        cluster.startScheduler();
        gangs.forEach(gang -> IntStream.range(0, gang.members()).forEach(i -> cluster.create(
                TestCluster.pod(gang.name() + "-" + i, "1").editMetadata().addToAnnotations(Map.of(
                        "stook.dev/gang", gang.name(), "stook.dev/gang-min-members", String.valueOf(gang.members())))
                        .endMetadata().editSpec().editFirstContainer().editResources()
                        .addToRequests(GPU, new Quantity(gang.gpusEach())).addToLimits(GPU, new Quantity(gang.gpusEach()))
                        .endResources().endContainer().endSpec())));

        await().atMost(PATIENCE).until(() -> cluster.client().pods().inNamespace(TestCluster.NAMESPACE).list().getItems()
                .stream().allMatch(p -> ClusterInvariants.isBound(p) || cluster.podScheduled(p.getMetadata().getName())
                        .filter(c -> "False".equals(c.getStatus())).isPresent()));
        assertThat(gangs.stream().mapToInt(g -> bound(g.name()) * Integer.parseInt(g.gpusEach())).sum())
                .as("GPUs in use once every gang was tried").isGreaterThanOrEqualTo(6);
        ClusterInvariants invariants = new ClusterInvariants(cluster);
        assertThat(invariants.partialGangs()).isEmpty();
        assertThat(invariants.overCommittedNodes()).isEmpty();
    }

    private int bound(String gang) {
        return (int) cluster.client().pods().inNamespace(TestCluster.NAMESPACE).list().getItems().stream()
                .filter(p -> p.getMetadata().getName().startsWith(gang + "-") && ClusterInvariants.isBound(p)).count();
    }
}
