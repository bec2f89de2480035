package dev.stook.core.cluster;

import dev.stook.core.model.Node;
import dev.stook.core.model.Pod;
import dev.stook.core.model.ResourceNames;
import org.junit.jupiter.api.Test;

import static dev.stook.core.Fixtures.node;
import static dev.stook.core.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterStateTest {
    private final ClusterState state = new ClusterState();
    private final Pod a = pod("a", "1", "1Gi");
    private final Pod b = pod("b", "2", "2Gi");

    @Test
    void assumedPodsUseCapacityUntilForgotten() {
        state.upsertNode(node("n1", "8", "8Gi"));
        state.assume(a, "n1");

        assertThat(state.snapshot().used(0, ResourceNames.CPU)).isEqualTo(1000);
        assertThat(state.placementOf(a.id())).get().extracting(ClusterState.Placement::assumed).isEqualTo(true);

        assertThat(state.forget(a.id())).isTrue();
        assertThat(state.snapshot().used(0, ResourceNames.CPU)).isZero();
        assertThat(state.placementOf(a.id())).isEmpty();
    }

    @Test
    void aBindingSeenOnTheWatchConfirmsTheAssumption() {
        state.upsertNode(node("n1", "8", "8Gi"));
        state.assume(a, "n1");
        state.podBound(a, "n1");

        assertThat(state.placementOf(a.id())).get().extracting(ClusterState.Placement::assumed).isEqualTo(false);
        assertThat(state.forget(a.id())).as("a confirmed pod is not forgotten").isFalse();
        assertThat(state.snapshot().used(0, ResourceNames.CPU)).as("counted once").isEqualTo(1000);
    }

    @Test
    void aPodBoundElsewhereThanAssumedMoves() {
        state.upsertNode(node("n1", "8", "8Gi"));
        state.upsertNode(node("n2", "8", "8Gi"));
        state.assume(a, "n1");
        state.podBound(a, "n2");

        ClusterSnapshot snapshot = state.snapshot();
        assertThat(snapshot.used(snapshot.indexOf("n1"), ResourceNames.CPU)).isZero();
        assertThat(snapshot.used(snapshot.indexOf("n2"), ResourceNames.CPU)).isEqualTo(1000);
    }

    @Test
    void assumingAPodTwiceIsABug() {
        state.upsertNode(node("n1", "8", "8Gi"));
        state.assume(a, "n1");

        assertThatThrownBy(() -> state.assume(a, "n1")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void podsSeenBeforeTheirNodeCountWhenItArrives() {
        state.podBound(a, "late");
        state.upsertNode(node("late", "8", "8Gi"));

        assertThat(state.snapshot().used(0, ResourceNames.CPU)).isEqualTo(1000);
        assertThat(state.snapshot().podCount(0)).isEqualTo(1);
    }

    @Test
    void removedPodsFreeCapacityAndCountAsReleases() {
        state.upsertNode(node("n1", "8", "8Gi"));
        state.podBound(a, "n1");
        state.podBound(b, "n1");
        long before = state.capacityReleases();

        state.removePod(a.id());

        assertThat(state.snapshot().used(0, ResourceNames.CPU)).isEqualTo(2000);
        assertThat(state.capacityReleases()).isGreaterThan(before);
    }

    @Test
    void snapshotsAreFrozenAndShareUnchangedNodes() {
        state.upsertNode(node("n1", "8", "8Gi"));
        state.upsertNode(node("n2", "8", "8Gi"));
        ClusterSnapshot first = state.snapshot();

        state.podBound(a, "n2");
        ClusterSnapshot second = state.snapshot();

        assertThat(first.used(1, ResourceNames.CPU)).as("old snapshot unchanged").isZero();
        assertThat(second.used(1, ResourceNames.CPU)).isEqualTo(1000);
        assertThat(second.view(0)).as("unchanged node not copied").isSameAs(first.view(0));
        assertThat(second.topologyGeneration()).isEqualTo(first.topologyGeneration());
        assertThat(state.snapshot()).as("nothing changed: same snapshot").isSameAs(second);
    }

    @Test
    void everySnapshotShowsEachNodeChangedSinceTheLastOneInItsOwnPlace() {
        state.upsertNode(node("n1", "8", "8Gi"));
        state.upsertNode(node("n2", "8", "8Gi"));
        state.upsertNode(node("n3", "8", "8Gi"));
        ClusterSnapshot first = state.snapshot();

        state.podBound(b, "n3");
        state.podBound(a, "n1");
        ClusterSnapshot second = state.snapshot();
        state.podBound(pod("c", "4", "1Gi"), "n3");
        ClusterSnapshot third = state.snapshot();

        assertThat(second.used(first.indexOf("n1"), ResourceNames.CPU)).isEqualTo(1000);
        assertThat(second.used(first.indexOf("n3"), ResourceNames.CPU)).isEqualTo(2000);
        assertThat(second.view(first.indexOf("n2"))).isSameAs(first.view(first.indexOf("n2")));
        assertThat(third.used(first.indexOf("n3"), ResourceNames.CPU)).as("changed again after a snapshot")
                .isEqualTo(6000);
        assertThat(third.changedSince(second)).containsExactly(first.indexOf("n3"));
    }

    @Test
    void nodeChangesBumpTheTopologyButIdenticalUpdatesDoNot() {
        Node n1 = node("n1", "8", "8Gi");
        state.upsertNode(n1);
        long generation = state.snapshot().topologyGeneration();

        state.upsertNode(node("n1", "8", "8Gi"));
        assertThat(state.snapshot().topologyGeneration()).isEqualTo(generation);

        state.upsertNode(n1.cordoned());
        assertThat(state.snapshot().topologyGeneration()).isGreaterThan(generation);
        assertThat(state.snapshot().node(0).unschedulable()).isTrue();

        state.removeNode("n1");
        assertThat(state.snapshot().size()).isZero();
    }

    @Test
    void scratchPlacementsRollBackExactly() {
        state.upsertNode(node("n1", "8", "8Gi"));
        ScratchCluster scratch = new ScratchCluster(state.snapshot());
        long versionBefore = scratch.slot(0).usageVersion();
        int mark = scratch.mark();

        scratch.place(a, 0);
        scratch.place(b, 0);
        assertThat(scratch.slot(0).used(ResourceNames.CPU)).isEqualTo(3000);
        assertThat(scratch.placedSince(mark)).extracting(ScratchCluster.Placed::pod).containsExactly(a, b);

        scratch.rollbackTo(mark);
        assertThat(scratch.slot(0).used(ResourceNames.CPU)).isZero();
        assertThat(scratch.slot(0).podCount()).isZero();
        assertThat(scratch.slot(0).usageVersion()).isNotEqualTo(versionBefore);
        assertThat(scratch.releases()).isEqualTo(2);
        assertThat(state.snapshot().used(0, ResourceNames.CPU)).as("the snapshot is untouched").isZero();
    }
}
