package dev.stook.core.cycle;

import dev.stook.core.cluster.ClusterState;
import dev.stook.core.model.Pod;
import dev.stook.core.plugins.PluginProfile;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.stook.core.Fixtures.member;
import static dev.stook.core.Fixtures.node;
import static dev.stook.core.Fixtures.pod;
import static dev.stook.core.cycle.SchedulerTest.binds;
import static dev.stook.core.cycle.SchedulerTest.waits;
import static org.assertj.core.api.Assertions.assertThat;

class CapacityHoldTest {
    private static final long STARVATION = 60_000;
    private final ClusterState cluster = new ClusterState();
    private long now;
    private final Scheduler scheduler = new Scheduler(cluster, PluginProfile.standard(),
            SchedulerSettings.DEFAULTS.withStarvationMillis(STARVATION), () -> now);

    @Test
    void aPodThatFitsNoNodeHoldsNothingAndOthersKeepBeingPlaced() {
        cluster.upsertNode(node("n0", "4", "16Gi"));
        cluster.upsertNode(node("n1", "4", "16Gi"));
        Pod huge = pod("huge", "1000", "1Gi");
        scheduler.submit(huge);
        scheduler.runCycle();

        now = STARVATION + 1;
        scheduler.submit(pod("small-0", "2", "1Gi"));
        scheduler.submit(pod("small-1", "2", "1Gi"));
        List<Decision> starving = scheduler.runCycle();

        assertThat(binds(starving)).hasSize(2);
        assertThat(waits(starving)).isEmpty();
        assertThat(scheduler.explain(huge.id()).pending().holdUps())
                .containsExactly(RetryBackoff.NOTHING_CHANGED, CapacityHold.FITS_NOWHERE);
        assertThat(scheduler.runCycle()).as("not retried while the nodes stay as they are").isEmpty();
    }

    @Test
    void aStarvingPodHoldsOnlyTheNodeWithLeastToFree() {
        cluster.upsertNode(node("n0", "4", "16Gi"));
        cluster.upsertNode(node("n1", "4", "16Gi"));
        cluster.upsertNode(node("n2", "4", "16Gi"));
        cluster.podBound(pod("used-0", "2", "1Gi"), "n0");
        cluster.podBound(pod("used-1", "1", "1Gi"), "n1");
        cluster.podBound(pod("used-2", "2", "1Gi"), "n2");
        Pod wide = pod("wide", "4", "1Gi");
        scheduler.submit(wide);
        scheduler.runCycle();

        now = STARVATION;
        for (int i = 0; i < 3; i++) {
            scheduler.submit(pod("small-" + i, "2", "1Gi").createdAt(i + 1));
        }
        List<Decision> starving = scheduler.runCycle();

        assertThat(binds(starving)).containsExactlyInAnyOrder("default/small-0->n0", "default/small-1->n2");
        assertThat(waits(starving)).contains("default/small-2: 0/3 nodes fit: 2 Insufficient cpu,"
                + " 1 held for a unit waiting longer");
        assertThat(scheduler.explain(wide.id()).pending().holdUps()).containsExactly(
                "waiting longer than the starvation timeout (1m): it holds the nodes it needs until it fits");

        cluster.removePod(pod("used-1", "1", "1Gi").id());
        assertThat(binds(scheduler.runCycle())).containsExactly("default/wide->n1");
    }

    @Test
    void aPartlyBoundGangsImpossibleReplacementMemberDoesNotStallOthers() {
        cluster.upsertNode(node("n0", "4", "16Gi"));
        cluster.upsertNode(node("n1", "4", "16Gi"));
        cluster.podBound(member("half", 0, 2, "2", 0), "n0");
        scheduler.submit(member("half", 1, 2, "1000", 0));
        scheduler.submit(pod("other", "4", "1Gi").createdAt(1));

        assertThat(binds(scheduler.runCycle())).containsExactly("default/other->n1");
    }
}
