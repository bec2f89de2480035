package dev.stook.k8s.tenancy;

import dev.stook.k8s.config.SchedulerConfig;
import dev.stook.k8s.config.SchedulerConfigLoader;
import dev.stook.k8s.testing.TestCluster;
import dev.stook.k8s.testing.real.RealCluster;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** One namespace's flood of unschedulable pods does not silence another namespace's pod. */
class NamespaceFloodTest {
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final String FLOOD = "flood";
    private static final int FLOOD_PODS = 1_500;
    /** A flood on a shared 2-core machine can hold up lease renewals past the usual test config's 4 s. */
    private static final SchedulerConfig PATIENT_LEASE = SchedulerConfigLoader.parse(TestCluster.TEST_CONFIG
            .replace("leaseDuration: 6s", "leaseDuration: 40s").replace("renewDeadline: 4s", "renewDeadline: 30s"),
            "test config with a patient lease");
    @RegisterExtension
    final RealCluster cluster = new RealCluster();

    @Test
    void anotherNamespacesPodGetsItsConditionAndEventBeforeTheFloodIsWorkedOff() throws Exception {
        cluster.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(FLOOD).endMetadata()
                .build()).createOr(existing -> existing.update());
        createFlood();
        // Created last, so the first cycle decides it last: a shared first-come budget serves it after the flood.
        cluster.create("quiet", "1");

        cluster.startScheduler(PATIENT_LEASE);

        await().atMost(PATIENCE).until(() -> cluster.podScheduled("quiet").isPresent());
        long floodConditions = cluster.client().pods().inNamespace(FLOOD).list().getItems().stream()
                .filter(NamespaceFloodTest::hasPodScheduled).count();
        assertThat(floodConditions).as("flood pods with a condition when the quiet pod got its own")
                .isLessThan(FLOOD_PODS / 2);
        await().atMost(PATIENCE).until(() -> cluster.eventReasons(TestCluster.NAMESPACE, "quiet")
                .contains("FailedScheduling"));
    }

    /** No node: every flood pod is unschedulable. */
    private void createFlood() throws InterruptedException {
        ExecutorService creators = Executors.newFixedThreadPool(4);
        IntStream.range(0, FLOOD_PODS).forEach(i -> creators.execute(() -> cluster.client().pods().inNamespace(FLOOD)
                .resource(TestCluster.pod("p-" + i, "1").editMetadata().withNamespace(FLOOD).endMetadata().build())
                .create()));
        creators.shutdown();
        assertThat(creators.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
    }

    private static boolean hasPodScheduled(Pod pod) {
        return pod.getStatus() != null && pod.getStatus().getConditions() != null
                && pod.getStatus().getConditions().stream().anyMatch(c -> "PodScheduled".equals(c.getType()));
    }
}
