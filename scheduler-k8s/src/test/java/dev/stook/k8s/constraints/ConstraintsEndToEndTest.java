package dev.stook.k8s.constraints;

import dev.stook.k8s.testing.TestCluster;
import dev.stook.k8s.testing.real.ControlPlane;
import dev.stook.k8s.testing.real.RealCluster;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Pod-spec constraints on the real API server, with the stock kube-scheduler placing its own copy of the pods
 * beside Stook's as the reference.
 */
class ConstraintsEndToEndTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    @RegisterExtension
    final RealCluster cluster = new RealCluster(ControlPlane.Options.WITH_KUBE_SCHEDULER);

    private static PodBuilder takingHostPort(String name, int port, String scheduler) {
        return TestCluster.pod(name, "1").editSpec().withSchedulerName(scheduler).editFirstContainer()
                .addNewPort().withContainerPort(8080).withHostPort(port).endPort().endContainer().endSpec();
    }

    @Test
    void podsAskingForTheSameHostPortGetANodeEachAsWithKubeScheduler() {
        cluster.node("big", "16", "64Gi");
        cluster.node("small", "4", "64Gi");
        cluster.startScheduler();
        for (int i = 0; i < 2; i++) {
            cluster.create(takingHostPort("kube-" + i, 9200, "default-scheduler"));
            cluster.create(takingHostPort("stook-" + i, 9100, "stook"));
        }

        await().atMost(PATIENCE).until(() -> List.of("kube-0", "kube-1", "stook-0", "stook-1").stream()
                .allMatch(cluster::isBound));
        assertThat(cluster.nodeOf("kube-0")).as("the reference").isNotEqualTo(cluster.nodeOf("kube-1"));
        assertThat(cluster.nodeOf("stook-0")).isNotEqualTo(cluster.nodeOf("stook-1"));

        cluster.create(takingHostPort("stook-2", 9100, "stook"));
        await().atMost(PATIENCE).until(() -> cluster.podScheduled("stook-2").map(PodCondition::getMessage)
                .filter(message -> message.contains("2 node(s) didn't have free ports for the requested pod ports"))
                .isPresent());
        assertThat(cluster.isBound("stook-2")).isFalse();
    }
}
