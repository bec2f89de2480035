package dev.stook.k8s.loop;

import dev.stook.k8s.testing.FaultyApi.AcceptedBinding;
import dev.stook.k8s.testing.TestCluster;
import dev.stook.k8s.testing.real.RealCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A leader whose Lease renewals fail while its other requests still succeed: a partition only the lease sees. */
class LeaseFenceEndToEndTest {
    private static final Duration PATIENCE = Duration.ofSeconds(40);
    /** A binding sent just before the renew deadline may be answered a little after it. */
    private static final long IN_FLIGHT_ALLOWANCE_MILLIS = 1_500;
    @RegisterExtension
    final RealCluster cluster = new RealCluster();

    @Test
    void aLeaderThatCannotRenewItsLeaseBindsNothingAfterTheRenewDeadline() throws InterruptedException {
        cluster.node("n1", "64", "256Gi");
        SchedulerProcess first = cluster.startScheduler();
        await().atMost(PATIENCE).until(first::isLeading);
        SchedulerProcess second = cluster.startScheduler();
        await().atMost(PATIENCE).until(second::isReady);
        cluster.create("before", "100m");
        await().atMost(PATIENCE).until(() -> cluster.isBound("before"));

        String cutOff = cluster.identityOf(first);
        long cutAt = System.currentTimeMillis();
        cluster.api().cutOffLeases(cutOff);
        // Pods keep coming through the renew deadline and the standby's takeover, so a leader that went on
        // believing it leads would bind some of them.
        for (int i = 0; i < 40; i++) {
            cluster.create("p" + i, "100m");
            Thread.sleep(250);
        }

        await().atMost(PATIENCE).until(() -> IntStream.range(0, 40).allMatch(i -> cluster.isBound("p" + i)));
        long fenceClosedBy = cutAt + TestCluster.testConfig().renewDeadlineMillis() + IN_FLIGHT_ALLOWANCE_MILLIS;
        assertThat(cluster.api().bindingLog())
                .filteredOn(binding -> binding.client().equals(cutOff) && binding.atMillis() > fenceClosedBy)
                .extracting(AcceptedBinding::pod).isEmpty();
        assertThat(first.exit()).isCompletedWithValue(SchedulerProcess.EXIT_LEADERSHIP_LOST);
        assertThat(first.isLeading()).isFalse();
        assertThat(second.isLeading()).isTrue();
        cluster.api().acceptedBindings().values().forEach(count -> assertThat(count.get()).isOne());
    }
}
