package dev.stook.k8s.loop;

import dev.stook.k8s.testing.TestCluster;
import dev.stook.k8s.testing.real.RealCluster;
import io.fabric8.kubernetes.api.model.PodCondition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Another scheduler's pods use capacity and nothing else, whatever Stook annotations they carry: they are
 * charged to no queue and never evicted.
 */
class OtherSchedulersPodsTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    @RegisterExtension
    final RealCluster cluster = new RealCluster();

    @Test
    void anotherSchedulersPodNamingAQueueIsNotChargedToIt() {
        cluster.writeQueueConfig("""
                queues:
                  - name: a
                    max: {cpu: "2"}
                  - name: b
                """);
        cluster.node("n1", "8", "32Gi");
        cluster.create(inQueue("theirs", "2", "a").editSpec().withSchedulerName("other").withNodeName("n1").endSpec());
        SchedulerProcess scheduler = cluster.startScheduler();
        await().atMost(PATIENCE).until(() -> scheduler.cluster().placedPodCount() == 1);

        cluster.create(inQueue("mine", "1", "a"));

        await().atMost(PATIENCE).until(() -> cluster.isBound("mine"));
    }

    @Test
    void anotherSchedulersPodIsNeverAVictim() {
        cluster.writeQueueConfig("""
                queues:
                  - name: a
                    guaranteed: {cpu: "1"}
                  - name: b
                """);
        cluster.node("n1", "1", "4Gi");
        cluster.create(inQueue("theirs", "1", "b").editSpec().withSchedulerName("other").withNodeName("n1").endSpec());
        SchedulerProcess scheduler = cluster.startScheduler();
        await().atMost(PATIENCE).until(() -> scheduler.cluster().placedPodCount() == 1);

        cluster.create(inQueue("mine", "1", "a"));

        await().atMost(PATIENCE).until(() -> cluster.podScheduled("mine").map(PodCondition::getReason)
                .filter("Unschedulable"::equals).isPresent());
        assertThat(cluster.api().evictionRequests(TestCluster.NAMESPACE, "theirs")).isZero();
        assertThat(cluster.get("theirs").getMetadata().getDeletionTimestamp()).isNull();
    }

    private static io.fabric8.kubernetes.api.model.PodBuilder inQueue(String name, String cpu, String queue) {
        return TestCluster.pod(name, cpu).editMetadata().addToAnnotations("stook.dev/queue", queue).endMetadata();
    }
}
