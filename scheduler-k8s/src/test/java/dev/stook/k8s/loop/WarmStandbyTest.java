package dev.stook.k8s.loop;

import dev.stook.k8s.testing.TestCluster;
import dev.stook.k8s.testing.real.RealCluster;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class WarmStandbyTest {
    private static final Duration PATIENCE = Duration.ofSeconds(40);
    /** Long enough for a standby that wrongly decided to have bound or written something. */
    private static final Duration QUIET = Duration.ofSeconds(3);
    private static final String OTHER_LEADER = "another-instance";

    @RegisterExtension
    final RealCluster cluster = new RealCluster();

    @Test
    void aStandbyFollowsTheClusterButBindsAndWritesNothingUntilItLeads() {
        String leaseName = TestCluster.testConfig().leaseName();
        cluster.client().leases().inNamespace(TestCluster.SYSTEM_NAMESPACE).resource(new LeaseBuilder()
                .withNewMetadata().withName(leaseName).endMetadata().withNewSpec().withHolderIdentity(OTHER_LEADER)
                .withLeaseDurationSeconds(3_600).withAcquireTime(now()).withRenewTime(now()).withLeaseTransitions(0)
                .endSpec().build()).create();
        cluster.node("n1", "16", "64Gi");
        cluster.create(TestCluster.pod("elsewhere", "2").editSpec().withSchedulerName("other").withNodeName("n1")
                .endSpec());
        SchedulerProcess standby = cluster.startScheduler();
        cluster.create(TestCluster.pod("bad", "1").editMetadata()
                .withAnnotations(Map.of("stook.dev/gang", "g", "stook.dev/gang-min-members", "lots")).endMetadata());
        IntStream.range(0, 5).forEach(i -> cluster.create("p" + i, "1"));

        await().atMost(PATIENCE).until(() -> standby.cluster().nodeCount() == 1
                && standby.cluster().placedPodCount() == 1);
        await().during(QUIET).atMost(QUIET.multipliedBy(2)).until(() -> !standby.isLeading()
                && IntStream.range(0, 5).noneMatch(i -> cluster.isBound("p" + i))
                && cluster.podScheduled("bad").isEmpty());

        cluster.client().leases().inNamespace(TestCluster.SYSTEM_NAMESPACE).withName(leaseName)
                .edit(lease -> new LeaseBuilder(lease).editSpec().withLeaseDurationSeconds(1).withRenewTime(now())
                        .endSpec().build());
        await().atMost(PATIENCE).until(standby::isLeading);
        await().atMost(PATIENCE).until(() -> IntStream.range(0, 5).allMatch(i -> cluster.isBound("p" + i)));
        await().atMost(PATIENCE).until(() -> cluster.podScheduled("bad").isPresent());
        assertThat(cluster.podScheduled("bad").orElseThrow().getReason()).isEqualTo("InvalidSchedulingRequest");
    }

    private static ZonedDateTime now() {
        return ZonedDateTime.now(ZoneOffset.UTC);
    }
}
