package dev.stook.k8s.tenancy;

import dev.stook.k8s.config.SchedulerConfigLoader;
import dev.stook.k8s.testing.TestCluster;
import dev.stook.k8s.testing.real.RealCluster;
import io.fabric8.kubernetes.api.model.PodCondition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** One tenant's pod that can never fit must not stop everyone else's pods once it starts to starve. */
class ImpossiblePodTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    @RegisterExtension
    final RealCluster cluster = new RealCluster();

    @Test
    void aPodAskingForMoreThanAnyNodeHasDoesNotHoldTheClusterOnceItStarves() throws Exception {
        cluster.node("n1", "4", "16Gi");
        cluster.node("n2", "4", "16Gi");
        cluster.create("huge", "1000");
        cluster.startScheduler(SchedulerConfigLoader.parse(TestCluster.TEST_CONFIG + "starvationTimeout: 1s\n",
                "test config"));
        await().atMost(PATIENCE).until(() -> cluster.podScheduled("huge").map(PodCondition::getReason)
                .filter("Unschedulable"::equals).isPresent());
        Thread.sleep(1_500);

        IntStream.range(0, 6).forEach(i -> cluster.create("small-" + i, "1"));

        await().atMost(PATIENCE).until(() -> IntStream.range(0, 6).allMatch(i -> cluster.isBound("small-" + i)));
        assertThat(cluster.isBound("huge")).isFalse();
    }
}
