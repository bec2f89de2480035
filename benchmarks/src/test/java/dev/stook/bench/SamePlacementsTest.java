package dev.stook.bench;

import dev.stook.core.cluster.ClusterSnapshot;
import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.cycle.Decision;
import dev.stook.core.cycle.PodPlacer;
import dev.stook.core.cycle.Scheduler;
import dev.stook.core.model.Pod;
import dev.stook.core.model.PodId;
import dev.stook.core.plugins.PluginProfile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's ratio is fair only if both sides do the same job: on seeded random clusters, Stook's
 * placer (cold and warm) and engine choose exactly the baseline's node for every pod. The clusters are
 * small and the workloads large, so they fill up and many pods find no place.
 */
class SamePlacementsTest {
    private static final int NODES = 300;
    private static final int PODS = 4000;
    private static final PluginProfile PROFILE = PluginProfile.standard();

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 20261123})
    void placerChoosesTheBaselinesNodes(long seed) {
        Workload workload = WorkloadGenerator.generate(seed, NODES, PODS);
        ClusterSnapshot snapshot = workload.newClusterState().snapshot();
        int[] baseline = baselinePlacements(workload, snapshot);

        PodPlacer placer = new PodPlacer(PROFILE);
        int[] cold = PlacementRun.placeAll(workload.pending(), new ScratchCluster(snapshot), placer::bestNode);
        int[] warm = PlacementRun.placeAll(workload.pending(), new ScratchCluster(snapshot), placer::bestNode);

        assertThat(Arrays.stream(baseline).filter(node -> node >= 0).count()).isBetween(100L, PODS - 100L);
        assertThat(cold).containsExactly(baseline);
        assertThat(warm).containsExactly(baseline);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 42})
    void withPodsPlacedRelativeToEachOtherThePlacerStillChoosesTheBaselinesNodes(long seed) {
        Workload workload = WorkloadGenerator.generate(seed, NODES, PODS, 20);
        ClusterSnapshot snapshot = workload.newClusterState().snapshot();
        int[] baseline = baselinePlacements(workload, snapshot);

        PodPlacer placer = new PodPlacer(PROFILE);
        int[] cold = PlacementRun.placeAll(workload.pending(), new ScratchCluster(snapshot), placer::bestNode);
        int[] warm = PlacementRun.placeAll(workload.pending(), new ScratchCluster(snapshot), placer::bestNode);

        assertThat(cold).containsExactly(baseline);
        assertThat(warm).containsExactly(baseline);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void schedulerBindsWhereTheBaselinePlaces(long seed) {
        Workload workload = WorkloadGenerator.generate(seed, NODES, PODS);
        ClusterSnapshot snapshot = workload.newClusterState().snapshot();
        int[] baseline = baselinePlacements(workload, snapshot);

        Scheduler scheduler = new Scheduler(workload.newClusterState(), PROFILE);
        workload.pending().forEach(scheduler::submit);
        Map<PodId, String> bound = new HashMap<>();
        for (Decision decision : scheduler.runCycle()) {
            if (decision instanceof Decision.Bind bind) {
                bound.put(bind.pod().id(), bind.nodeName());
            }
        }

        List<Pod> pending = workload.pending();
        for (int i = 0; i < pending.size(); i++) {
            String expected = baseline[i] < 0 ? null : snapshot.node(baseline[i]).name();
            assertThat(bound.get(pending.get(i).id())).as("node of %s", pending.get(i).id()).isEqualTo(expected);
        }
    }

    private static int[] baselinePlacements(Workload workload, ClusterSnapshot snapshot) {
        return PlacementRun.placeAll(workload.pending(), new ScratchCluster(snapshot), new PerPodBaseline(PROFILE));
    }
}
