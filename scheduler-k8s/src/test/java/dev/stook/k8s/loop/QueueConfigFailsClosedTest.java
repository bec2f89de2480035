package dev.stook.k8s.loop;

import dev.stook.k8s.testing.real.RealCluster;
import io.fabric8.kubernetes.api.model.PodCondition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static dev.stook.k8s.testing.TestCluster.SYSTEM_NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Queue policy fails closed: neither deleting the queue ConfigMap nor a failover while it is invalid or
 * missing lifts a cap, and an invalid one with nothing good before it schedules nothing.
 */
class QueueConfigFailsClosedTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String CAPPED = """
            queues:
              - name: capped
                max: {cpu: "1"}
            placement:
              - {queue: capped}
            """;
    @RegisterExtension
    final RealCluster cluster = new RealCluster();

    @Test
    void deletingTheQueueConfigMapKeepsTheLastGoodConfig() {
        SchedulerProcess scheduler = cluster.startScheduler();
        cluster.writeQueueConfig(CAPPED);
        await().atMost(PATIENCE).until(() -> scheduler.activeQueues().current().queue("capped") != null);

        deleteQueueConfigMap();

        await().atMost(PATIENCE).until(() -> cluster.eventReasons(SYSTEM_NAMESPACE, "stook-queues")
                .contains("QueueConfigDeleted"));
        assertCapEnforced();
    }

    @Test
    void aNewLeaderStartsFromTheLastGoodConfigWhileTheConfigMapIsInvalid() {
        acceptCappedConfigThenStop();
        cluster.writeQueueConfig("""
                queues:
                  - name: capped
                    max: {cpu: "-1"}
                """);

        SchedulerProcess successor = cluster.startScheduler();

        await().atMost(PATIENCE).until(successor::isLeading);
        // The lease can be won before the caches have synced and the scheduling thread has read the last good copy.
        await().atMost(PATIENCE).until(() -> successor.activeQueues().current().queue("capped") != null);
        await().atMost(PATIENCE).until(() -> cluster.eventReasons(SYSTEM_NAMESPACE, "stook-queues")
                .contains("InvalidQueueConfig"));
        assertCapEnforced();
    }

    @Test
    void aNewLeaderStartsFromTheLastGoodConfigWhenTheConfigMapIsGone() {
        acceptCappedConfigThenStop();
        deleteQueueConfigMap();

        SchedulerProcess successor = cluster.startScheduler();

        await().atMost(PATIENCE).until(successor::isLeading);
        assertThat(successor.activeQueues().current().queue("capped")).isNotNull();
        assertCapEnforced();
    }

    @Test
    void anInvalidQueueConfigMapWithNoGoodConfigEverSchedulesNothing() {
        cluster.writeQueueConfig("""
                queues:
                  - name: capped
                    max: {cpu: "-1"}
                """);
        cluster.node("n1", "4", "16Gi");
        cluster.startScheduler();

        cluster.create("waits", "1");

        await().atMost(PATIENCE).until(() -> cluster.podScheduled("waits").map(PodCondition::getMessage)
                .filter(message -> message.contains("the queue config stook-system/stook-queues is invalid and no good"
                        + " one was ever accepted")).isPresent());
        assertThat(cluster.isBound("waits")).isFalse();
        assertThat(cluster.eventReasons(SYSTEM_NAMESPACE, "stook-queues")).contains("InvalidQueueConfig");
    }

    private void acceptCappedConfigThenStop() {
        SchedulerProcess leader = cluster.startScheduler();
        await().atMost(PATIENCE).until(leader::isLeading);
        cluster.writeQueueConfig(CAPPED);
        await().atMost(PATIENCE).until(() -> CAPPED.equals(lastGoodCopy()));
        leader.close();
    }

    private String lastGoodCopy() {
        var copy = cluster.client().configMaps().inNamespace(SYSTEM_NAMESPACE).withName("stook-queues-last-good").get();
        return copy == null ? null : copy.getData().get("queues.yaml");
    }

    private void deleteQueueConfigMap() {
        cluster.client().configMaps().inNamespace(SYSTEM_NAMESPACE).withName("stook-queues").delete();
    }

    /** Two pods of one cpu each on a node of four: the queue's max of one cpu admits one. */
    private void assertCapEnforced() {
        cluster.node("n1", "4", "16Gi");
        cluster.create("first", "1");
        await().atMost(PATIENCE).until(() -> cluster.isBound("first"));
        cluster.create("second", "1");
        await().atMost(PATIENCE).until(() -> cluster.podScheduled("second").map(PodCondition::getReason)
                .filter("QueueOverQuota"::equals).isPresent());
        assertThat(cluster.isBound("second")).isFalse();
    }
}
