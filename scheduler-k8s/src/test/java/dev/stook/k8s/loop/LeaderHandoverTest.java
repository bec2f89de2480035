package dev.stook.k8s.loop;

import dev.stook.k8s.testing.real.RealCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class LeaderHandoverTest {
    private static final Duration PATIENCE = Duration.ofSeconds(40);
    @RegisterExtension
    final RealCluster cluster = new RealCluster();

    @Test
    void onlyTheLeaderSchedulesAndAStandbyTakesOverWithoutDoubleBinds() {
        cluster.node("n1", "16", "64Gi");
        SchedulerProcess first = cluster.startScheduler();
        await().atMost(PATIENCE).until(first::isLeading);
        SchedulerProcess second = cluster.startScheduler();
        await().atMost(PATIENCE).until(second::isReady);
        assertThat(second.isLeading()).isFalse();

        IntStream.range(0, 10).forEach(i -> cluster.create("a" + i, "500m"));
        await().atMost(PATIENCE).until(() -> IntStream.range(0, 10).allMatch(i -> cluster.isBound("a" + i)));
        await().atMost(PATIENCE).until(() -> second.cluster().placedPodCount() == 10);
        assertThat(second.isLeading()).isFalse();

        IntStream.range(0, 10).forEach(i -> cluster.create("b" + i, "500m"));
        first.close();
        assertThat(first.exit()).isCompletedWithValue(SchedulerProcess.EXIT_OK);

        await().atMost(PATIENCE).until(second::isLeading);
        IntStream.range(0, 10).forEach(i -> cluster.create("c" + i, "500m"));
        await().atMost(PATIENCE).until(() -> IntStream.range(0, 10)
                .allMatch(i -> cluster.isBound("b" + i) && cluster.isBound("c" + i)));
        await().atMost(PATIENCE).until(() -> second.cluster().placedPodCount() == 30);
        cluster.api().acceptedBindings().values().forEach(count -> assertThat(count.get()).isOne());
        assertThat(cluster.api().acceptedBindings()).hasSize(30);
    }
}
