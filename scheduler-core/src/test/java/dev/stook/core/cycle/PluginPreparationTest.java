package dev.stook.core.cycle;

import dev.stook.core.cluster.ClusterState;
import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.locality.ChunkSet;
import dev.stook.core.model.Pod;
import dev.stook.core.plugins.FilterPlugin;
import dev.stook.core.plugins.Input;
import dev.stook.core.plugins.PluginProfile;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.stook.core.Fixtures.node;
import static dev.stook.core.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

/** The placer prepares and asks a plugin again exactly when an input the plugin declares has changed. */
class PluginPreparationTest {
    private static final int NODES = 10;
    private final ClusterState cluster = new ClusterState();
    private final Pod pod = pod("p", "1", "1Gi");

    PluginPreparationTest() {
        for (int i = 0; i < NODES; i++) {
            cluster.upsertNode(node("n" + i, "8", "8Gi"));
        }
    }

    @Test
    void aSpecReaderIsPreparedAndAskedOncePerClassWhileTheNodesStayTheSame() {
        CountingFilter spec = new CountingFilter(true, Input.NODE_SPEC);
        PodPlacer placer = placerWith(spec);

        placeTwice(placer, new ScratchCluster(cluster.snapshot()));
        cluster.podBound(pod("elsewhere", "1", "1Gi"), "n3");
        placeTwice(placer, new ScratchCluster(cluster.snapshot()));

        assertThat(spec.prepared).isEqualTo(1);
        assertThat(spec.judged).isEqualTo(NODES);
    }

    @Test
    void aUsageReaderIsPreparedOnceAndAsksAgainOnlyOnNodesWhoseUsageMoved() {
        CountingFilter usage = new CountingFilter(true, Input.NODE_USAGE);
        PodPlacer placer = placerWith(usage);

        placeTwice(placer, new ScratchCluster(cluster.snapshot()));

        assertThat(usage.prepared).isEqualTo(1);
        assertThat(usage.judged).isEqualTo(NODES + 1);
    }

    @Test
    void aChunkReaderIsPreparedAgainOnlyWhenCachedChunksChange() {
        CountingFilter chunks = new CountingFilter(true, Input.CACHED_CHUNKS);
        PodPlacer placer = placerWith(chunks);

        placeTwice(placer, new ScratchCluster(cluster.snapshot()));
        cluster.podBound(pod("elsewhere", "1", "1Gi"), "n3");
        placeTwice(placer, new ScratchCluster(cluster.snapshot()));
        assertThat(chunks.prepared).isEqualTo(1);

        cluster.reportCachedChunks("n5", ChunkSet.parse("d:0-9"));
        placeTwice(placer, new ScratchCluster(cluster.snapshot()));
        assertThat(chunks.prepared).isEqualTo(2);
    }

    @Test
    void anOtherPodsReaderTakingPartIsPreparedAgainAndAsksEveryNodeAfterAnyChange() {
        CountingFilter otherPods = new CountingFilter(true, Input.OTHER_PODS);
        PodPlacer placer = placerWith(otherPods);

        placeTwice(placer, new ScratchCluster(cluster.snapshot()));

        assertThat(otherPods.prepared).isEqualTo(2);
        assertThat(otherPods.judged).isEqualTo(2 * NODES);
    }

    @Test
    void anOtherPodsReaderTakingNoPartLeavesTheClassItsNodeResults() {
        CountingFilter otherPods = new CountingFilter(false, Input.OTHER_PODS);
        CountingFilter usage = new CountingFilter(true, Input.NODE_USAGE);
        PodPlacer placer = placerWith(otherPods, usage);

        placeTwice(placer, new ScratchCluster(cluster.snapshot()));

        assertThat(otherPods.prepared).isEqualTo(2);
        assertThat(usage.judged).as("every node, then the node placed on").isEqualTo(NODES + 1);
    }

    @Test
    void whenPlacementsCanOpenNodesAFailedSearchIsNotTakenAsFinal() {
        CountingFilter otherPods = new CountingFilter(true, Input.OTHER_PODS);
        PodPlacer placer = placerWith(otherPods);
        ScratchCluster scratch = new ScratchCluster(cluster.snapshot());
        Pod huge = pod("huge", "64", "1Gi");

        assertThat(placer.bestNode(huge, scratch)).isEqualTo(-1);
        scratch.place(pod, 0);
        assertThat(placer.bestNode(huge, scratch)).isEqualTo(-1);

        assertThat(otherPods.prepared).as("asked again after the placement").isEqualTo(2);
    }

    @Test
    void aFailedSearchStaysFinalWhileNoOtherPodsReaderTakesPart() {
        CountingFilter otherPods = new CountingFilter(false, Input.OTHER_PODS);
        PodPlacer placer = placerWith(otherPods);
        ScratchCluster scratch = new ScratchCluster(cluster.snapshot());
        Pod huge = pod("huge", "64", "1Gi");

        assertThat(placer.bestNode(huge, scratch)).isEqualTo(-1);
        scratch.place(pod, 0);
        assertThat(placer.bestNode(huge, scratch)).isEqualTo(-1);

        assertThat(otherPods.prepared).as("a filter taking no part can only refuse more once it does").isEqualTo(1);
    }

    private static void placeTwice(PodPlacer placer, ScratchCluster scratch) {
        for (int i = 0; i < 2; i++) {
            Pod pod = pod("p", "1", "1Gi");
            scratch.place(pod, placer.bestNode(pod, scratch));
        }
    }

    private static PodPlacer placerWith(FilterPlugin... extra) {
        PluginProfile standard = PluginProfile.standard();
        List<FilterPlugin> filters = new ArrayList<>(standard.filters());
        filters.addAll(List.of(extra));
        return new PodPlacer(new PluginProfile(filters, standard.scorers()));
    }
}
