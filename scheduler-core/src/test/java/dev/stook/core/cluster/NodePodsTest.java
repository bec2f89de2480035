package dev.stook.core.cluster;

import dev.stook.core.model.Pod;
import dev.stook.core.model.PodId;
import org.junit.jupiter.api.Test;

import static dev.stook.core.Fixtures.node;
import static dev.stook.core.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

/** The pods on a node, as plugins reading other pods see them: bound, assumed, and tried in the cycle. */
class NodePodsTest {
    private final ClusterState cluster = new ClusterState();
    private final Pod running = pod("running", "1", "1Gi");

    NodePodsTest() {
        cluster.upsertNode(node("n", "8", "8Gi"));
        cluster.podBound(running, "n");
    }

    @Test
    void aSnapshotKeepsThePodsOfItsTimeAndAConfirmedAssumptionCountsOnce() {
        Pod assumed = pod("assumed", "1", "1Gi");
        cluster.assume(assumed, "n");
        ClusterSnapshot before = cluster.snapshot();
        cluster.podBound(pod("assumed", "1", "1Gi"), "n");
        cluster.removePod(running.id());

        assertThat(new ScratchCluster(before).slot(0).pods()).containsExactly(running, assumed);
        assertThat(new ScratchCluster(cluster.snapshot()).slot(0).pods()).extracting(Pod::id)
                .containsExactly(assumed.id());
    }

    @Test
    void trialPlacementsAndEvictionsShowUntilRolledBack() {
        ScratchCluster scratch = new ScratchCluster(cluster.snapshot());
        Pod tried = pod("tried", "1", "1Gi");
        int mark = scratch.mark();

        scratch.place(tried, 0);
        scratch.remove(new Pod(new PodId("default", "running"), running.requests(), 0, 0, running.constraints()), 0);
        assertThat(scratch.slot(0).pods()).containsExactly(tried);

        scratch.rollbackTo(mark);
        assertThat(scratch.slot(0).pods()).extracting(Pod::id).containsExactly(running.id());
        assertThat(new ScratchCluster(cluster.snapshot()).slot(0).pods()).containsExactly(running);
    }
}
