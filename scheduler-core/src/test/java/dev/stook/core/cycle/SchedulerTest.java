package dev.stook.core.cycle;

import dev.stook.core.cluster.ClusterState;
import dev.stook.core.model.Pod;
import dev.stook.core.model.Taint;
import dev.stook.core.model.TaintEffect;
import dev.stook.core.plugins.PluginProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.stook.core.Fixtures.node;
import static dev.stook.core.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

class SchedulerTest {
    private final ClusterState cluster = new ClusterState();

    private Scheduler scheduler(Map<String, Integer> weights) {
        return new Scheduler(cluster, PluginProfile.standard(weights));
    }

    @Test
    void spreadingPutsEachPodOnTheEmptiestNode() {
        cluster.upsertNode(node("n1", "4", "16Gi"));
        cluster.upsertNode(node("n2", "4", "16Gi"));
        cluster.upsertNode(node("n3", "8", "32Gi"));
        Scheduler scheduler = scheduler(Map.of());
        for (String name : List.of("p1", "p2", "p3", "p4")) {
            scheduler.submit(pod(name, "2", "8Gi"));
        }

        assertThat(binds(scheduler.runCycle())).containsExactly(
                "default/p1->n3", "default/p2->n1", "default/p3->n2", "default/p4->n3");
        assertThat(scheduler.pendingPods()).isZero();
    }

    @Test
    void binPackingFillsOneNodeFirst() {
        cluster.upsertNode(node("n1", "4", "16Gi"));
        cluster.upsertNode(node("n2", "4", "16Gi"));
        Scheduler scheduler = scheduler(Map.of("MostAllocated", 1, "LeastAllocated", 0, "BalancedAllocation", 0));
        for (String name : List.of("p1", "p2", "p3")) {
            scheduler.submit(pod(name, "1", "1Gi"));
        }

        assertThat(binds(scheduler.runCycle())).containsExactly(
                "default/p1->n1", "default/p2->n1", "default/p3->n1");
    }

    @Test
    void higherPriorityGoesFirstAndOlderBeforeYounger() {
        cluster.upsertNode(node("n1", "2", "8Gi"));
        Scheduler scheduler = scheduler(Map.of());
        scheduler.submit(pod("young", "1", "1Gi").createdAt(20));
        scheduler.submit(pod("old", "1", "1Gi").createdAt(10));
        scheduler.submit(pod("urgent", "1", "1Gi").createdAt(30).withPriority(100));

        List<Decision> decisions = scheduler.runCycle();

        assertThat(binds(decisions)).containsExactly("default/urgent->n1", "default/old->n1");
        assertThat(waits(decisions)).containsExactly("default/young: 0/1 node fits: 1 Insufficient cpu");
    }

    @Test
    void aPodThatDoesNotFitDoesNotBlockSmallerOnesBehindIt() {
        cluster.upsertNode(node("n1", "4", "8Gi"));
        Scheduler scheduler = scheduler(Map.of());
        scheduler.submit(pod("huge", "16", "1Gi").createdAt(1));
        scheduler.submit(pod("small", "1", "1Gi").createdAt(2));

        List<Decision> decisions = scheduler.runCycle();

        assertThat(binds(decisions)).containsExactly("default/small->n1");
        assertThat(waits(decisions)).containsExactly("default/huge: 0/1 node fits: 1 Insufficient cpu");
    }

    @Test
    void theExplanationCountsEveryReasonOverAllNodes() {
        for (int i = 0; i < 3; i++) {
            cluster.upsertNode(node("small" + i, "1", "8Gi"));
        }
        for (int i = 0; i < 2; i++) {
            cluster.upsertNode(node("gpu" + i, "64", "256Gi")
                    .withTaints(List.of(new Taint("gpu", "", TaintEffect.NO_SCHEDULE))));
        }
        cluster.upsertNode(node("off", "64", "256Gi").cordoned());
        Scheduler scheduler = scheduler(Map.of());
        scheduler.submit(pod("big", "8", "1Gi"));

        assertThat(waits(scheduler.runCycle())).containsExactly(
                "default/big: 0/6 nodes fit: 3 Insufficient cpu, 2 untolerated taint, 1 node is cordoned");
    }

    @Test
    void podsWaitUntilCapacityIsReleasedAndAreNotRetriedBefore() {
        cluster.upsertNode(node("n1", "2", "8Gi"));
        Pod running = pod("running", "2", "1Gi");
        cluster.podBound(running, "n1");
        Scheduler scheduler = scheduler(Map.of());
        scheduler.submit(pod("next", "2", "1Gi"));

        assertThat(waits(scheduler.runCycle())).hasSize(1);
        assertThat(scheduler.runCycle()).as("nothing changed: no retry, no repeated wait").isEmpty();

        cluster.removePod(running.id());
        assertThat(binds(scheduler.runCycle())).containsExactly("default/next->n1");
    }

    @Test
    void bindsAreAssumedSoTheNextCycleSeesThem() {
        cluster.upsertNode(node("n1", "2", "8Gi"));
        Scheduler scheduler = scheduler(Map.of());
        scheduler.submit(pod("first", "2", "1Gi"));
        scheduler.runCycle();
        scheduler.submit(pod("second", "2", "1Gi"));

        assertThat(binds(scheduler.runCycle())).isEmpty();
        assertThat(cluster.placementOf(pod("first", "2", "1Gi").id())).get()
                .extracting(ClusterState.Placement::assumed).isEqualTo(true);
    }

    @Test
    void aForgottenBindFreesTheNodeForOthers() {
        cluster.upsertNode(node("n1", "2", "8Gi"));
        Scheduler scheduler = scheduler(Map.of());
        Pod first = pod("first", "2", "1Gi");
        scheduler.submit(first);
        scheduler.runCycle();
        scheduler.submit(pod("second", "2", "1Gi"));
        scheduler.runCycle();

        cluster.forget(first.id());

        assertThat(binds(scheduler.runCycle())).containsExactly("default/second->n1");
    }

    @Test
    void withdrawnPodsAreNotScheduled() {
        cluster.upsertNode(node("n1", "2", "8Gi"));
        Scheduler scheduler = scheduler(Map.of());
        Pod gone = pod("gone", "1", "1Gi");
        scheduler.submit(gone);

        assertThat(scheduler.withdraw(gone.id())).isTrue();
        assertThat(scheduler.runCycle()).isEmpty();
        assertThat(scheduler.withdraw(gone.id())).isFalse();
    }

    static List<String> binds(List<Decision> decisions) {
        return decisions.stream().filter(d -> d instanceof Decision.Bind).map(d -> (Decision.Bind) d)
                .map(b -> b.pod().id() + "->" + b.nodeName()).toList();
    }

    static List<String> waits(List<Decision> decisions) {
        return decisions.stream().filter(d -> d instanceof Decision.Wait).map(d -> (Decision.Wait) d)
                .map(w -> w.pod().id() + ": " + w.message()).toList();
    }
}
