package dev.stook.k8s.loop;

import dev.stook.core.cluster.ClusterState;
import dev.stook.core.model.PodId;
import dev.stook.k8s.config.SchedulerConfigLoader;
import dev.stook.k8s.testing.FaultPlan;
import dev.stook.k8s.testing.TestCluster;
import dev.stook.k8s.testing.real.RealCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static dev.stook.k8s.testing.TestCluster.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A pod deleted and recreated under the same name between Stook's decision and its write. */
class RecreatedPodTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final PodId P = new PodId(NAMESPACE, "p");
    @RegisterExtension
    final RealCluster cluster = new RealCluster();

    @Test
    void aBindingDecidedForTheOldPodIsNotAppliedToItsReplacement() {
        zonedNode("n1", "a");
        zonedNode("n2", "b");
        SchedulerProcess scheduler = cluster.startScheduler(
                SchedulerConfigLoader.parse(TestCluster.TEST_CONFIG + "bindConcurrency: 1\n", "test config"));
        cluster.api().stallBindingsAfter(0);
        cluster.create("blocker", "100m");
        await().atMost(PATIENCE).until(() -> cluster.api().bindingRequests() == 1);
        // The only binder thread waits on the blocker's binding, so p's binding to n1 waits behind it.
        cluster.create(TestCluster.pod("p", "100m").editSpec().withNodeSelector(Map.of("zone", "a")).endSpec());
        await().atMost(PATIENCE).until(() -> placedOn(scheduler).equals(Optional.of("n1")));

        cluster.delete("p");
        cluster.create(TestCluster.pod("p", "100m").editSpec().withNodeSelector(Map.of("zone", "b")).endSpec());
        await().atMost(PATIENCE).until(() -> placedOn(scheduler).equals(Optional.of("n2")));
        cluster.api().resumeBindings();

        await().atMost(PATIENCE).until(() -> cluster.isBound("p") && cluster.isBound("blocker"));
        assertThat(cluster.nodeOf("p")).isEqualTo("n2");
        assertThat(cluster.api().acceptedBindings(NAMESPACE, "p")).isOne();
        await().atMost(PATIENCE).until(() -> scheduler.cluster().placements().stream()
                .noneMatch(ClusterState.Placement::assumed));
    }

    @Test
    void aConditionDecidedForTheOldPodIsNotWrittenOnItsReplacement() {
        cluster.node("n1", "8", "32Gi");
        FaultPlan statusWritesFail = new FaultPlan(1, Map.of(FaultPlan.Target.POD_STATUS,
                new FaultPlan.Rates(1, 0, 0, 0, 0)), 0);
        cluster.api().injectFaults(statusWritesFail);
        // Retries of the failed write come seconds apart, time enough to replace the pod in between.
        cluster.startScheduler(SchedulerConfigLoader.parse(TestCluster.TEST_CONFIG
                .replace("bindBackoffInitial: 50ms", "bindBackoffInitial: 2s")
                .replace("bindBackoffMax: 500ms", "bindBackoffMax: 4s"), "test config"));
        cluster.create("p", "100");
        await().atMost(PATIENCE).until(() -> statusWritesFail.requests(FaultPlan.Target.POD_STATUS) >= 1);

        // The write of p's Unschedulable condition waits for its retry; meanwhile p is replaced by a pod of
        // another scheduler, which Stook has nothing to say about.
        cluster.delete("p");
        cluster.create(TestCluster.pod("p", "1").editSpec().withSchedulerName("other").endSpec());
        cluster.api().injectFaults(new FaultPlan(1, Map.of(), 0));

        await().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(10))
                .until(() -> cluster.podScheduled("p").isEmpty());
    }

    private Optional<String> placedOn(SchedulerProcess scheduler) {
        return scheduler.cluster().placementOf(P).map(ClusterState.Placement::nodeName);
    }

    private void zonedNode(String name, String zone) {
        cluster.node(name, "8", "32Gi");
        cluster.client().nodes().withName(name).edit(node -> {
            node.getMetadata().setLabels(Map.of("zone", zone));
            return node;
        });
    }
}
