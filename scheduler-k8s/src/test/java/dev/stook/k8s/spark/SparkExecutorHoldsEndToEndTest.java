package dev.stook.k8s.spark;

import dev.stook.k8s.admit.AdmissionRecord;
import dev.stook.k8s.loop.SchedulerProcess;
import dev.stook.k8s.testing.ClusterInvariants;
import dev.stook.k8s.testing.TestCluster;
import dev.stook.k8s.testing.real.ControlPlane;
import dev.stook.k8s.testing.real.RealCluster;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Spark driver asking Stook to hold its executors' capacity keeps it while another tenant floods the cluster:
 * the executors, created later as Spark creates them (owned by the driver pod), still bind on the held nodes,
 * and the flood never takes the held capacity.
 */
class SparkExecutorHoldsEndToEndTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String FLOOD = "flood";
    private static final int FLOOD_PODS = 8;
    @RegisterExtension
    final RealCluster cluster = new RealCluster(ControlPlane.Options.API_ONLY);

    @Test
    void executorsCreatedAfterAFloodStillBindOnTheCapacityHeldForThem() {
        cluster.node("n1", "4", "16Gi");
        cluster.node("n2", "4", "16Gi");
        cluster.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(FLOOD).endMetadata()
                .build()).createOr(existing -> existing.update());
        cluster.startScheduler();

        Pod driver = cluster.create(sparkPod("driver", "1", "driver").editMetadata()
                .addToAnnotations("stook.dev/spark-executors", "2")
                .addToAnnotations("stook.dev/spark-executor-resources", "cpu=3,memory=1Gi").endMetadata());
        await().atMost(PATIENCE).until(() -> cluster.isBound("driver"));
        List<String> heldNodes = Arrays.asList(cluster.get("driver").getMetadata().getAnnotations()
                .get(AdmissionRecord.HOLDS).split(","));
        assertThat(heldNodes).hasSize(2).allMatch(node -> node.equals("n1") || node.equals("n2"));

        for (int i = 0; i < FLOOD_PODS; i++) {
            PodBuilder flood = TestCluster.pod("flood-" + i, "1").editMetadata().withNamespace(FLOOD).endMetadata();
            cluster.client().pods().inNamespace(FLOOD).resource(flood.build()).create();
        }
        await().atMost(PATIENCE).until(() -> floodPods().stream().filter(ClusterInvariants::isBound).count() == 1
                && floodPods().stream().filter(pod -> !ClusterInvariants.isBound(pod)).allMatch(this::toldWhy));

        for (int i = 1; i <= 2; i++) {
            cluster.create(sparkPod("exec-" + i, "3", "executor").editMetadata().addNewOwnerReference()
                    .withApiVersion("v1").withKind("Pod").withName("driver").withUid(driver.getMetadata().getUid())
                    .withController(true).endOwnerReference().endMetadata());
        }
        await().atMost(PATIENCE).until(() -> cluster.isBound("exec-1") && cluster.isBound("exec-2"));

        assertThat(List.of(cluster.nodeOf("exec-1"), cluster.nodeOf("exec-2")))
                .containsExactlyInAnyOrderElementsOf(heldNodes);
        assertThat(cluster.get("exec-1").getMetadata().getAnnotations())
                .containsEntry(AdmissionRecord.TOOK_HOLD_OF, "driver");
        assertThat(floodPods().stream().filter(ClusterInvariants::isBound).count()).isEqualTo(1);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(cluster.events(TestCluster.NAMESPACE, "exec-1"))
                .anyMatch(event -> "Scheduled".equals(event.getReason())
                        && event.getNote().endsWith("; took an executor hold of driver driver, found by its owner reference")));
    }

    @Test
    void aNewLeaderKeepsTheHoldsTheOldOneAdmittedWithoutDecidingAgain() {
        cluster.node("n1", "4", "16Gi");
        cluster.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(FLOOD).endMetadata()
                .build()).createOr(existing -> existing.update());
        SchedulerProcess first = cluster.startScheduler();
        Pod driver = cluster.create(sparkPod("driver", "1", "driver").editMetadata()
                .addToAnnotations("stook.dev/spark-executors", "1")
                .addToAnnotations("stook.dev/spark-executor-resources", "cpu=2,memory=1Gi").endMetadata());
        await().atMost(PATIENCE).until(() -> cluster.isBound("driver"));

        cluster.crash(first);
        for (int i = 0; i < 3; i++) {
            PodBuilder flood = TestCluster.pod("flood-" + i, "1").editMetadata().withNamespace(FLOOD).endMetadata();
            cluster.client().pods().inNamespace(FLOOD).resource(flood.build()).create();
        }
        cluster.create(sparkPod("exec-1", "2", "executor").editMetadata().addNewOwnerReference()
                .withApiVersion("v1").withKind("Pod").withName("driver").withUid(driver.getMetadata().getUid())
                .withController(true).endOwnerReference().endMetadata());
        cluster.startScheduler();

        await().atMost(PATIENCE).until(() -> cluster.isBound("exec-1")
                && floodPods().stream().filter(pod -> !ClusterInvariants.isBound(pod)).allMatch(this::toldWhy));
        assertThat(floodPods().stream().filter(ClusterInvariants::isBound).count()).isEqualTo(1);
        assertThat(cluster.get("exec-1").getMetadata().getAnnotations())
                .containsEntry(AdmissionRecord.TOOK_HOLD_OF, "driver");
    }

    private static PodBuilder sparkPod(String name, String cpu, String role) {
        return TestCluster.pod(name, cpu).editMetadata().withLabels(Map.of("spark-role", role,
                "spark-app-selector", "spark-0001")).endMetadata();
    }

    private List<Pod> floodPods() {
        return cluster.client().pods().inNamespace(FLOOD).list().getItems();
    }

    private boolean toldWhy(Pod pod) {
        return pod.getStatus() != null && pod.getStatus().getConditions() != null && pod.getStatus().getConditions()
                .stream().anyMatch(condition -> "PodScheduled".equals(condition.getType())
                        && "Unschedulable".equals(condition.getReason()));
    }
}
