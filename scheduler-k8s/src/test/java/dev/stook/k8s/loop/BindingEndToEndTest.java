package dev.stook.k8s.loop;

import dev.stook.k8s.testing.TestCluster;
import dev.stook.k8s.testing.SecurePortClient;
import dev.stook.k8s.testing.real.RealCluster;
import io.fabric8.kubernetes.api.model.PodCondition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Map;
import java.util.stream.IntStream;

import static dev.stook.k8s.testing.TestCluster.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class BindingEndToEndTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    @RegisterExtension
    final RealCluster cluster = new RealCluster();

    @Test
    void pendingPodsAreBoundAndConfirmedThroughTheWatch() throws Exception {
        cluster.node("n1", "4", "16Gi");
        cluster.node("n2", "4", "16Gi");
        IntStream.range(0, 12).forEach(i -> cluster.create("p" + i, "500m"));
        SchedulerProcess scheduler = cluster.startScheduler();

        await().atMost(PATIENCE).until(() -> IntStream.range(0, 12).allMatch(i -> cluster.isBound("p" + i)));
        await().atMost(PATIENCE).until(() -> scheduler.cluster().placements().stream().noneMatch(p -> p.assumed())
                && scheduler.cluster().placedPodCount() == 12);
        IntStream.range(0, 12).forEach(i -> assertThat(cluster.api().acceptedBindings(NAMESPACE, "p" + i)).isOne());
        await().atMost(PATIENCE).until(() -> cluster.eventReasons(NAMESPACE, "p0").contains("Scheduled"));
        assertThat(get(scheduler.healthPort(), "/healthz")).isEqualTo(200);
        assertThat(get(scheduler.healthPort(), "/readyz")).isEqualTo(200);

        cluster.create("late", "1");
        await().atMost(PATIENCE).until(() -> cluster.isBound("late"));
    }

    @Test
    void aGangOfEightIsBoundOnlyOnceAllEightExist() {
        cluster.node("n1", "16", "64Gi");
        SchedulerProcess scheduler = cluster.startScheduler();
        IntStream.range(0, 7).forEach(i -> cluster.createGangMember("train-" + i, "1", "train", 8));

        await().atMost(PATIENCE).until(() -> cluster.podScheduled("train-0").map(PodCondition::getReason)
                .filter("GangWaiting"::equals).isPresent());
        assertThat(IntStream.range(0, 7).noneMatch(i -> cluster.isBound("train-" + i))).isTrue();
        assertThat(cluster.api().bindingRequests()).isZero();

        cluster.createGangMember("train-7", "1", "train", 8);
        await().atMost(PATIENCE).until(() -> IntStream.range(0, 8).allMatch(i -> cluster.isBound("train-" + i)));
        assertThat(scheduler.cluster().placedPodCount()).isEqualTo(8);
    }

    @Test
    void podsOfOtherSchedulersUseCapacity() {
        cluster.node("n1", "4", "16Gi");
        cluster.create(TestCluster.pod("foreign", "3").editSpec().withSchedulerName("default-scheduler")
                .withNodeName("n1").endSpec());
        cluster.create(TestCluster.pod("unbound-foreign", "3").editSpec().withSchedulerName("default-scheduler")
                .endSpec());
        cluster.startScheduler();
        cluster.create("mine", "2");

        await().atMost(PATIENCE).until(() -> cluster.podScheduled("mine")
                .filter(c -> "False".equals(c.getStatus()) && "Unschedulable".equals(c.getReason())).isPresent());
        assertThat(cluster.podScheduled("mine").orElseThrow().getMessage()).contains("Insufficient cpu");
        assertThat(cluster.isBound("mine")).isFalse();
        assertThat(cluster.isBound("unbound-foreign")).isFalse();

        cluster.node("n2", "4", "16Gi");
        await().atMost(PATIENCE).until(() -> "n2".equals(cluster.nodeOf("mine")));
        assertThat(cluster.isBound("unbound-foreign")).isFalse();
    }

    @Test
    void aPodWithAMalformedAnnotationIsReportedAndOthersStillSchedule() {
        cluster.node("n1", "4", "16Gi");
        cluster.startScheduler();
        cluster.create(TestCluster.pod("bad", "1").editMetadata()
                .withAnnotations(Map.of("stook.dev/gang", "g", "stook.dev/gang-min-members", "lots")).endMetadata());
        IntStream.range(0, 3).forEach(i -> cluster.create("good" + i, "1"));

        await().atMost(PATIENCE).until(() -> IntStream.range(0, 3).allMatch(i -> cluster.isBound("good" + i)));
        await().atMost(PATIENCE).until(() -> cluster.podScheduled("bad").isPresent());
        PodCondition condition = cluster.podScheduled("bad").orElseThrow();
        assertThat(condition.getStatus()).isEqualTo("False");
        assertThat(condition.getReason()).isEqualTo("InvalidSchedulingRequest");
        assertThat(condition.getMessage()).contains("stook.dev/gang-min-members \"lots\" is not a positive integer");
        await().atMost(PATIENCE).until(() -> cluster.eventReasons(NAMESPACE, "bad").contains("FailedScheduling"));
        assertThat(cluster.isBound("bad")).isFalse();
    }

    private static int get(int port, String path) throws Exception {
        return SecurePortClient.get(port, path, null).statusCode();
    }
}
