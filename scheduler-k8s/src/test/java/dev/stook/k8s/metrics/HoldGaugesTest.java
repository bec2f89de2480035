package dev.stook.k8s.metrics;

import dev.stook.core.cluster.ClusterState;
import dev.stook.core.cycle.Scheduler;
import dev.stook.core.cycle.SchedulerSettings;
import dev.stook.core.model.Node;
import dev.stook.core.model.Pod;
import dev.stook.core.model.Resources;
import dev.stook.core.plugins.PluginProfile;
import dev.stook.core.spark.SparkRole;
import dev.stook.k8s.version.BuildInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HoldGaugesTest {
    private final StookMetrics metrics = new StookMetrics(BuildInfo.current());
    private final ClusterState cluster = new ClusterState();
    private long now;
    private final Scheduler scheduler = new Scheduler(cluster, PluginProfile.standard(Map.of()),
            SchedulerSettings.DEFAULTS.withSparkHoldMillis(1_000), () -> now);

    @AfterEach
    void close() {
        metrics.close();
    }

    @Test
    void exportsTheHoldsNotYetTakenWhatTheyHoldAndHowManyExpired() {
        cluster.upsertNode(Node.of("n1", Resources.parseRegistering(Map.of("cpu", "16", "memory", "64Gi"))));
        scheduler.submit(Pod.of("work", "driver", Resources.parse(Map.of("cpu", "1")))
                .withSpark(new SparkRole.Driver(null, 3, Resources.parse(Map.of("cpu", "2", "memory", "4Gi")))));
        scheduler.runCycle();

        metrics.cycles().stateChanged(scheduler, now);
        String held = metrics.scrape();
        now = 1_000;
        scheduler.runCycle();
        metrics.cycles().stateChanged(scheduler, now);
        String expired = metrics.scrape();

        assertThat(Scrape.value(held, "stook_spark_executor_holds")).isEqualTo(3);
        assertThat(Scrape.value(held, "stook_spark_held_capacity{resource=\"cpu\"}")).isEqualTo(6);
        assertThat(Scrape.value(held, "stook_spark_held_capacity{resource=\"memory\"}")).isEqualTo(12L << 30);
        assertThat(Scrape.value(held, "stook_spark_executor_holds_expired_total")).isZero();
        assertThat(Scrape.value(expired, "stook_spark_executor_holds")).isZero();
        assertThat(Scrape.value(expired, "stook_spark_held_capacity{resource=\"cpu\"}")).isZero();
        assertThat(Scrape.value(expired, "stook_spark_executor_holds_expired_total")).isEqualTo(3);
    }
}
