package dev.stook.k8s.loop;

import dev.stook.core.queue.QueueConfig;
import dev.stook.k8s.testing.TestCluster;
import dev.stook.k8s.testing.real.RealCluster;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Map;

import static dev.stook.k8s.testing.TestCluster.SYSTEM_NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class QueueConfigMapTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    @RegisterExtension
    final RealCluster cluster = new RealCluster();

    @Test
    void aGoodUpdateIsAppliedAndABadOneRejectedKeepingTheLastGood() {
        SchedulerProcess scheduler = cluster.startScheduler();
        await().atMost(PATIENCE).until(() -> scheduler.activeQueues().current().queue(QueueConfig.DEFAULT_QUEUE) != null);

        write("""
                queues:
                  - name: research
                    weight: 2
                  - name: prod
                    weight: 3
                placement:
                  - {queue: prod}
                """);
        await().atMost(PATIENCE).until(() -> scheduler.activeQueues().current().queue("research") != null);

        write("""
                queues:
                  - name: research
                    wieght: 2
                """);
        await().atMost(PATIENCE).until(() -> cluster.eventReasons(SYSTEM_NAMESPACE, "stook-queues")
                .contains("InvalidQueueConfig"));
        assertThat(scheduler.activeQueues().current().queue("research")).isNotNull();
        assertThat(scheduler.activeQueues().current().queue("prod")).isNotNull();

        cluster.node("n1", "2", "8Gi");
        cluster.create("still-scheduling", "1");
        await().atMost(PATIENCE).until(() -> cluster.isBound("still-scheduling"));
    }

    private void write(String yaml) {
        cluster.client().configMaps().inNamespace(SYSTEM_NAMESPACE).resource(new ConfigMapBuilder()
                .withNewMetadata().withNamespace(SYSTEM_NAMESPACE).withName("stook-queues").endMetadata()
                .withData(Map.of("queues.yaml", yaml)).build()).createOr(op -> op.update());
    }
}
