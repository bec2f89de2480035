package dev.stook.k8s.loop;

import dev.stook.k8s.testing.TestCluster;
import dev.stook.k8s.testing.real.RealCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.stream.IntStream;

import static dev.stook.k8s.testing.TestCluster.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class BindingFaultsTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    @RegisterExtension
    final RealCluster cluster = new RealCluster();

    @Test
    void failedBindingsAreRetriedWithoutDoubleBindsOrLostPods() {
        cluster.node("n1", "8", "32Gi");
        cluster.api().failNextBindings(6);
        SchedulerProcess scheduler = cluster.startScheduler();
        IntStream.range(0, 10).forEach(i -> cluster.create("p" + i, "500m"));

        await().atMost(PATIENCE).until(() -> IntStream.range(0, 10).allMatch(i -> cluster.isBound("p" + i)));
        IntStream.range(0, 10).forEach(i -> assertThat(cluster.api().acceptedBindings(NAMESPACE, "p" + i)).isOne());
        assertThat(cluster.api().bindingRequests()).isGreaterThanOrEqualTo(16);
        await().atMost(PATIENCE).until(() -> scheduler.cluster().placedPodCount() == 10
                && scheduler.cluster().placements().stream().noneMatch(p -> p.assumed()));
    }

    @Test
    void conflictsAreNotRetriedAndTheWatchConfirmsWherePodsAre() {
        cluster.node("n1", "8", "32Gi");
        cluster.api().loseNextBindingAnswers(4);
        SchedulerProcess scheduler = cluster.startScheduler();
        IntStream.range(0, 8).forEach(i -> cluster.create("p" + i, "500m"));

        await().atMost(PATIENCE).until(() -> IntStream.range(0, 8).allMatch(i -> cluster.isBound("p" + i)));
        await().atMost(PATIENCE).until(() -> scheduler.cluster().placedPodCount() == 8
                && scheduler.cluster().placements().stream().noneMatch(p -> p.assumed()));
        assertThat(cluster.api().bindingRequests()).isEqualTo(8);
        IntStream.range(0, 8).forEach(i -> assertThat(cluster.api().acceptedBindings(NAMESPACE, "p" + i)).isOne());
    }

    @Test
    void aPodDeletedBeforeItsBindingIsNotAnError() {
        cluster.node("n1", "1", "4Gi");
        SchedulerProcess scheduler = cluster.startScheduler();
        cluster.create("first", "1");
        await().atMost(PATIENCE).until(() -> cluster.isBound("first"));
        cluster.create("waiting", "1");
        await().atMost(PATIENCE).until(() -> cluster.podScheduled("waiting").isPresent());
        cluster.delete("first");

        await().atMost(PATIENCE).until(() -> cluster.isBound("waiting"));
        await().atMost(PATIENCE).until(() -> scheduler.cluster().placedPodCount() == 1);
    }
}
