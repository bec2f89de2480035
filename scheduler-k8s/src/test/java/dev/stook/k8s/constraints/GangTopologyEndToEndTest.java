package dev.stook.k8s.constraints;

import dev.stook.k8s.testing.TestCluster;
import dev.stook.k8s.testing.real.RealCluster;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Gangs kept to one topology domain ({@code stook.dev/gang-topology}) on the real API server: nodes labelled
 * with their rack and zone, the gang's pods annotated, and the bindings read back from the server.
 */
class GangTopologyEndToEndTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String RACK = "example.com/rack";
    private static final String ZONE = "topology.kubernetes.io/zone";
    @RegisterExtension
    final RealCluster cluster = new RealCluster();

    private static PodBuilder member(String gang, int index, int size, String cpu, String topology) {
        PodBuilder pod = TestCluster.pod(gang + "-" + index, cpu).editMetadata()
                .addToAnnotations("stook.dev/gang", gang)
                .addToAnnotations("stook.dev/gang-min-members", String.valueOf(size)).endMetadata();
        return topology == null ? pod
                : pod.editMetadata().addToAnnotations("stook.dev/gang-topology", topology).endMetadata();
    }

    private static List<String> names(String gang, int size) {
        return IntStream.range(0, size).mapToObj(i -> gang + "-" + i).toList();
    }

    private List<String> racksOf(List<String> pods) {
        return pods.stream().map(pod -> cluster.client().nodes().withName(cluster.nodeOf(pod)).get()
                .getMetadata().getLabels().get(RACK)).distinct().toList();
    }

    /** Four 4-cpu nodes, alternately in racks r1 and r2, in one zone. */
    private void twoRacks() {
        for (int i = 0; i < 4; i++) {
            cluster.node("n" + i, "4", "16Gi", Map.of(RACK, i % 2 == 0 ? "r1" : "r2", ZONE, "z1"));
        }
    }

    private void awaitMessage(String pod, String part) {
        await().atMost(PATIENCE).until(() -> cluster.podScheduled(pod).map(PodCondition::getMessage)
                .filter(message -> message.contains(part)).isPresent());
    }

    @Test
    void aGangRequiringOneRackIsBoundIntoOneRackWhereAGangWithoutItSpreads() {
        twoRacks();
        cluster.startScheduler();
        for (int i = 0; i < 4; i++) {
            cluster.create(member("racked", i, 4, "1", "required:" + RACK + ",required:" + ZONE));
        }
        awaitMessage("racked-0", "comes after required:example.com/rack");
        assertThat(names("racked", 4).stream().noneMatch(cluster::isBound)).as("malformed: nothing bound").isTrue();

        for (int i = 0; i < 4; i++) {
            cluster.create(member("spread", i, 4, "1", null));
            cluster.create(member("kept", i, 4, "1", "required:" + RACK));
        }

        await().atMost(PATIENCE).until(() -> names("kept", 4).stream().allMatch(cluster::isBound)
                && names("spread", 4).stream().allMatch(cluster::isBound));
        assertThat(racksOf(names("kept", 4))).hasSize(1);
        assertThat(racksOf(names("spread", 4))).as("control: least-allocated spreads over both racks").hasSize(2);
    }

    @Test
    void aGangNoRackCanHoldWaitsWithTheLevelInItsConditionWhileTheClusterCouldHoldIt() {
        twoRacks();
        cluster.startScheduler();
        for (int i = 0; i < 3; i++) {
            cluster.create(member("big", i, 3, "3", "required:" + RACK));
        }

        awaitMessage("big-0", "no single example.com/rack domain holds the gang (required by stook.dev/gang-topology)");
        assertThat(cluster.podScheduled("big-0").orElseThrow().getReason()).isEqualTo("Unschedulable");
        assertThat(names("big", 3).stream().noneMatch(cluster::isBound)).isTrue();

        for (int i = 0; i < 3; i++) {
            cluster.create(member("loose", i, 3, "3", "preferred:" + RACK));
        }
        await().atMost(PATIENCE).until(() -> names("loose", 3).stream().allMatch(cluster::isBound));
        assertThat(racksOf(names("loose", 3))).as("preferred: spills over racks").hasSize(2);
    }
}
