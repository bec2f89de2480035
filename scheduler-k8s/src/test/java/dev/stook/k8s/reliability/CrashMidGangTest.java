package dev.stook.k8s.reliability;

import dev.stook.k8s.loop.SchedulerProcess;
import dev.stook.k8s.testing.ClusterInvariants;
import dev.stook.k8s.testing.FaultyApi.AcceptedBinding;
import dev.stook.k8s.testing.TestCluster;
import dev.stook.k8s.testing.real.RealCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static dev.stook.k8s.testing.TestCluster.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A scheduler dies with a 48-member gang 12 members bound; a fresh one, facing new work from a queue with a
 * lower share that would otherwise go first, finishes the gang before anything else gets its capacity.
 */
class CrashMidGangTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final int GANG = 48;
    private static final int BOUND_BEFORE_CRASH = 12;
    private static final int NEW_WORK = 30;
    @RegisterExtension
    final RealCluster cluster = new RealCluster();

    @Test
    void aFreshInstanceFinishesThePartlyBoundGangFirstWithCapacityHeldForIt() {
        cluster.writeQueueConfig(MixedWorkloadUnderFaultsTest.QUEUES);
        IntStream.range(0, 4).forEach(i -> cluster.node("n" + i, "16", "64Gi"));
        SchedulerProcess first = cluster.startScheduler();
        await().atMost(PATIENCE).until(first::isLeading);
        cluster.api().stallBindingsAfter(BOUND_BEFORE_CRASH);
        IntStream.range(0, GANG).forEach(i -> cluster.create(TestCluster.pod("big-" + i, "1").editMetadata()
                .addToAnnotations(Map.of("stook.dev/queue", "a", "stook.dev/gang", "big",
                        "stook.dev/gang-min-members", String.valueOf(GANG))).endMetadata()));
        // Sent is not carried out: over a real connection the last bindings before the stall may still be
        // on their way when the next one arrives.
        await().atMost(PATIENCE).until(() -> cluster.api().bindingRequests() > BOUND_BEFORE_CRASH
                && cluster.api().bindingLog().size() == BOUND_BEFORE_CRASH);

        cluster.crash(first);
        long crashedAt = System.currentTimeMillis();
        assertThat(boundGangMembers()).isEqualTo(BOUND_BEFORE_CRASH);
        IntStream.range(0, NEW_WORK).forEach(i -> cluster.create(TestCluster.pod("new-" + i, "1").editMetadata()
                .addToAnnotations("stook.dev/queue", "b").endMetadata()));
        cluster.api().resumeBindings();
        SchedulerProcess second = cluster.startScheduler();
        await().atMost(PATIENCE).until(second::isLeading);
        long ledAt = System.currentTimeMillis();

        await().atMost(PATIENCE).until(() -> boundGangMembers() == GANG);
        long gangWholeAt = System.currentTimeMillis();
        int freeAfterGang = 4 * 16 - GANG;
        await().atMost(PATIENCE).until(() -> boundNewWork() == freeAfterGang);
        await().during(Duration.ofSeconds(1)).atMost(PATIENCE).until(() -> boundNewWork() == freeAfterGang);

        ClusterInvariants invariants = new ClusterInvariants(cluster);
        String firstIdentity = cluster.identityOf(first);
        List<AcceptedBinding> afterCrash = cluster.api().bindingLog().stream()
                .filter(binding -> binding.atMillis() >= crashedAt).toList();
        System.out.printf("""
                RELIABILITY crash mid-gang: gang of %d, %d bound at the crash; %d new pods of a lower-share queue
                  new instance led %d ms after the crash; gang whole %d ms after it led (%d ms after the crash);
                  new work bound %d/%d (the capacity left); double binds %d, partial gangs %d, over-committed nodes %d
                """, GANG, BOUND_BEFORE_CRASH, NEW_WORK, ledAt - crashedAt, gangWholeAt - ledAt, gangWholeAt - crashedAt,
                boundNewWork(), NEW_WORK, invariants.doubleBinds().size(), invariants.partialGangs().size(),
                invariants.overCommittedNodes().size());
        assertThat(afterCrash).noneMatch(binding -> firstIdentity.equals(binding.client()));
        assertThat(afterCrash.stream().limit(GANG - BOUND_BEFORE_CRASH - 16)).allMatch(b -> b.pod().contains("/big-"));
        assertThat(invariants.doubleBinds()).isEmpty();
        assertThat(invariants.partialGangs()).isEmpty();
        assertThat(invariants.overCommittedNodes()).isEmpty();
    }

    private long boundGangMembers() {
        return IntStream.range(0, GANG).filter(i -> cluster.isBound("big-" + i)).count();
    }

    private long boundNewWork() {
        return IntStream.range(0, NEW_WORK).filter(i -> cluster.isBound("new-" + i)).count();
    }
}
