package dev.stook.k8s.metrics;

import dev.stook.core.cluster.ClusterState;
import dev.stook.core.cycle.Scheduler;
import dev.stook.core.cycle.SchedulerSettings;
import dev.stook.core.model.Node;
import dev.stook.core.model.Pod;
import dev.stook.core.model.Resources;
import dev.stook.core.plugins.PluginProfile;
import dev.stook.core.queue.QueueConfigParser;
import dev.stook.k8s.version.BuildInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class QueueGaugesTest {
    private static final String TWO_QUEUES = """
            queues:
              - name: team-a
                guaranteed: {cpu: "4", nvidia.com/gpu: "1"}
                max: {cpu: "6"}
              - name: team-b
            placement:
              - {queue: team-b}
            """;
    private static final String ONLY_A = """
            queues:
              - name: team-a
                guaranteed: {cpu: "4"}
            placement:
              - {queue: team-a}
            """;

    private final StookMetrics metrics = new StookMetrics(BuildInfo.current());
    private final ClusterState cluster = new ClusterState();
    private final Scheduler scheduler = new Scheduler(cluster, PluginProfile.standard(Map.of()), SchedulerSettings.DEFAULTS,
            () -> 0L);

    @AfterEach
    void close() {
        metrics.close();
    }

    @Test
    void exportsEachQueuesAllocationShareGuaranteeCapAndPendingPods() {
        cluster.upsertNode(Node.of("n1", Resources.parseRegistering(Map.of("cpu", "8", "memory", "32Gi", "nvidia.com/gpu", "2"))));
        scheduler.updateQueues(QueueConfigParser.parse(TWO_QUEUES));
        cluster.podBound(pod("running", "2").inQueue("team-b"), "n1");
        scheduler.submit(pod("waiting-1", "100").inQueue("team-a"));
        scheduler.submit(pod("waiting-2", "100").inQueue("team-a"));

        metrics.cycles().stateChanged(scheduler, 0);
        String scrape = metrics.scrape();

        assertThat(Scrape.value(scrape, "stook_pending_pods{queue=\"team-a\"}")).isEqualTo(2);
        assertThat(Scrape.value(scrape, "stook_pending_pods{queue=\"team-b\"}")).isZero();
        assertThat(Scrape.value(scrape, "stook_queue_allocated{queue=\"team-b\",resource=\"cpu\"}")).isEqualTo(2);
        assertThat(Scrape.value(scrape, "stook_queue_allocated{queue=\"team-a\",resource=\"cpu\"}")).isZero();
        assertThat(Scrape.value(scrape, "stook_queue_guaranteed{queue=\"team-a\",resource=\"cpu\"}")).isEqualTo(4);
        assertThat(Scrape.value(scrape, "stook_queue_guaranteed{queue=\"team-a\",resource=\"nvidia.com/gpu\"}"))
                .isEqualTo(1);
        assertThat(Scrape.value(scrape, "stook_queue_max{queue=\"team-a\",resource=\"cpu\"}")).isEqualTo(6);
        assertThat(Scrape.value(scrape, "stook_queue_max{queue=\"team-b\",resource=\"cpu\"}")).isEqualTo(8);
        assertThat(Scrape.value(scrape, "stook_queue_max{queue=\"team-a\",resource=\"nvidia.com/gpu\"}"))
                .isEqualTo(2);
        assertThat(Scrape.value(scrape, "stook_queue_fair_share{queue=\"team-a\",resource=\"cpu\"}")).isPositive();
        assertThat(Scrape.value(scrape, "stook_queue_allocated{queue=\"team-b\",resource=\"memory\"}"))
                .isEqualTo(1024.0 * 1024 * 1024);
    }

    @Test
    void aQueueRemovedFromTheConfigLosesItsSeries() {
        cluster.upsertNode(Node.of("n1", Resources.parse(Map.of("cpu", "8", "memory", "32Gi"))));
        scheduler.updateQueues(QueueConfigParser.parse(TWO_QUEUES));
        metrics.cycles().stateChanged(scheduler, 0);
        assertThat(metrics.scrape()).contains("queue=\"team-b\"");

        scheduler.updateQueues(QueueConfigParser.parse(ONLY_A));
        metrics.cycles().stateChanged(scheduler, 1);

        String scrape = metrics.scrape();
        assertThat(scrape).doesNotContain("stook_queue_allocated{queue=\"team-b\"")
                .doesNotContain("stook_pending_pods{queue=\"team-b\"")
                .doesNotContain("stook_queue_max{queue=\"team-b\"");
        assertThat(Scrape.value(scrape, "stook_queue_guaranteed{queue=\"team-a\",resource=\"cpu\"}")).isEqualTo(4);
    }

    private static Pod pod(String name, String cpu) {
        return Pod.of("work", name, Resources.parse(Map.of("cpu", cpu, "memory", "1Gi")));
    }
}
