package dev.stook.core.cycle;

import dev.stook.core.cluster.ClusterState;
import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.model.Pod;
import dev.stook.core.model.PodId;
import dev.stook.core.plugins.PluginProfile;
import dev.stook.core.testing.RandomCluster;
import dev.stook.core.testing.RandomNodes;
import dev.stook.core.testing.RandomPods;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static dev.stook.core.Fixtures.node;
import static dev.stook.core.Fixtures.pod;
import static dev.stook.core.Fixtures.sameRequests;
import static org.assertj.core.api.Assertions.assertThat;

class PodPlacerTest {
    private final PluginProfile profile = PluginProfile.standard();

    static LongStream seeds() {
        return LongStream.range(0, 40);
    }

    /** The equivalence cache is an optimisation only: a placer with no history must choose the same node. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void cachedChoicesEqualFreshOnesAcrossPlacementsRollbacksAndCycles(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        ClusterState cluster = RandomCluster.of(RandomNodes.from(random).cpuCores(2, 31).memoryGi(1, 64), 50).state();
        List<Pod> shapes = RandomPods.from(random).cpuMillis(100, 4000, 100).memoryMi(1024, 8192, 1024).shapes(4);
        PodPlacer cached = new PodPlacer(profile);

        for (int cycle = 0; cycle < 3; cycle++) {
            ScratchCluster scratch = new ScratchCluster(cluster.snapshot());
            for (int i = 0; i < 200; i++) {
                Pod pod = shapes.get(random.nextInt(shapes.size()));
                int expected = new PodPlacer(profile).bestNode(pod, scratch);
                assertThat(cached.bestNode(pod, scratch)).as("seed %d cycle %d pod %d", seed, cycle, i).isEqualTo(expected);
                int mark = scratch.mark();
                if (expected >= 0) {
                    scratch.place(pod, expected);
                }
                if (random.nextInt(8) == 0) {
                    scratch.rollbackTo(Math.max(0, mark - random.nextInt(5)));
                }
            }
            List<ScratchCluster.Placed> placements = scratch.placedSince(0);
            for (int i = 0; i < placements.size(); i++) {
                if (random.nextBoolean()) {
                    Pod bound = sameRequests(new PodId("bound", cycle + "-" + i), placements.get(i).pod());
                    cluster.podBound(bound, scratch.snapshot().node(placements.get(i).nodeIndex()).name());
                }
            }
        }
    }

    @Test
    void explanationsCountSpecAndUsageFailuresTogether() {
        ClusterState cluster = new ClusterState();
        cluster.upsertNode(node("full", "4", "8Gi"));
        cluster.upsertNode(node("small", "1", "8Gi"));
        cluster.upsertNode(node("off", "64", "64Gi").cordoned());
        cluster.podBound(pod("busy", "4", "1Gi"), "full");
        ScratchCluster scratch = new ScratchCluster(cluster.snapshot());
        PodPlacer placer = new PodPlacer(profile);
        Pod pod = pod("p", "2", "1Gi");

        assertThat(placer.bestNode(pod, scratch)).isEqualTo(-1);
        assertThat(placer.explainNoFit(pod, scratch, ""))
                .isEqualTo("0/3 nodes fit: 2 Insufficient cpu, 1 node is cordoned");
    }

    private static void holdBothNodes(ScratchCluster scratch, int unit) {
        scratch.reserve(0, unit);
        scratch.reserve(1, unit);
    }

    @Test
    void nodesHeldForAUnitAreOpenOnlyToItAndCanBeHeldForAnotherOnceReleased() {
        ClusterState cluster = new ClusterState();
        cluster.upsertNode(node("n1", "4", "8Gi"));
        cluster.upsertNode(node("n2", "4", "8Gi"));
        ScratchCluster scratch = new ScratchCluster(cluster.snapshot());
        PodPlacer placer = new PodPlacer(profile);
        Pod pod = pod("p", "1", "1Gi");
        int first = 1;
        int second = 2;
        int other = 3;

        holdBothNodes(scratch, first);
        scratch.actingFor(other);
        assertThat(placer.bestNode(pod, scratch)).isEqualTo(-1);
        scratch.actingFor(first);
        assertThat(placer.bestNode(pod, scratch)).isZero();

        scratch.releaseReservations(first);
        holdBothNodes(scratch, second);
        scratch.actingFor(other);
        assertThat(placer.bestNode(pod, scratch)).as("held again, now for the second unit").isEqualTo(-1);
        scratch.actingFor(second);
        assertThat(placer.bestNode(pod, scratch)).isZero();
    }

    @Test
    void whatWasLearnedOnOneClusterIsNotUsedOnAnother() {
        ClusterState cordoned = new ClusterState();
        cordoned.upsertNode(node("n1", "4", "8Gi").cordoned());
        ClusterState open = new ClusterState();
        open.upsertNode(node("n1", "4", "8Gi"));
        PodPlacer placer = new PodPlacer(profile);
        Pod pod = pod("p", "1", "1Gi");

        assertThat(placer.bestNode(pod, new ScratchCluster(cordoned.snapshot()))).isEqualTo(-1);
        assertThat(placer.bestNode(pod, new ScratchCluster(open.snapshot()))).isZero();
    }

    @Test
    void aNodeChangeInvalidatesWhatWasLearned() {
        ClusterState cluster = new ClusterState();
        cluster.upsertNode(node("n1", "4", "8Gi").cordoned());
        PodPlacer placer = new PodPlacer(profile);
        Pod pod = pod("p", "1", "1Gi");
        assertThat(placer.bestNode(pod, new ScratchCluster(cluster.snapshot()))).isEqualTo(-1);

        cluster.upsertNode(node("n1", "4", "8Gi"));

        assertThat(placer.bestNode(pod, new ScratchCluster(cluster.snapshot()))).isZero();
    }
}
