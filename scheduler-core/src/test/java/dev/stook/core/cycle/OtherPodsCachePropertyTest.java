package dev.stook.core.cycle;

import dev.stook.core.cluster.ClusterState;
import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.model.Pod;
import dev.stook.core.model.PodId;
import dev.stook.core.plugins.FilterPlugin;
import dev.stook.core.plugins.PluginProfile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static dev.stook.core.Fixtures.node;
import static dev.stook.core.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a filter that reads other pods ({@link OnePerRackFilter}), a placer kept across placements,
 * rollbacks and cycles answers what a placer with no history answers, for every question the engine asks.
 */
class OtherPodsCachePropertyTest {
    private static final int RACKS = 6;
    private final PluginProfile profile = withOnePerRack(PluginProfile.standard());

    static LongStream seeds() {
        return LongStream.range(0, 30);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void cachedAnswersEqualFreshOnes(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        ClusterState cluster = new ClusterState();
        int nodes = 24;
        for (int i = 0; i < nodes; i++) {
            cluster.upsertNode(node("n" + i, Integer.toString(4 + random.nextInt(16)), "64Gi")
                    .withLabels(Map.of(OnePerRackFilter.RACK, "r" + random.nextInt(RACKS))));
        }
        List<Pod> shapes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            shapes.add(pod("shape" + i, (500 * (1 + random.nextInt(4))) + "m", "1Gi"));
        }
        PodPlacer cached = new PodPlacer(profile);
        List<PodId> bound = new ArrayList<>();

        for (int cycle = 0; cycle < 5; cycle++) {
            if (!bound.isEmpty()) {
                cluster.removePod(bound.remove(random.nextInt(bound.size())));
            }
            ScratchCluster scratch = new ScratchCluster(cluster.snapshot());
            for (int i = 0; i < 12; i++) {
                Pod pod = shapes.get(random.nextInt(shapes.size()));
                String as = "seed " + seed + " cycle " + cycle + " pod " + i;
                int expected = new PodPlacer(profile).bestNode(pod, scratch);
                assertThat(cached.bestNode(pod, scratch)).as(as).isEqualTo(expected);
                int probe = random.nextInt(nodes);
                assertThat(cached.fitsOn(pod, scratch, probe)).as(as)
                        .isEqualTo(new PodPlacer(profile).fitsOn(pod, scratch, probe));
                if (expected < 0) {
                    assertThat(cached.explainNoFit(pod, scratch, "")).as(as)
                            .isEqualTo(new PodPlacer(profile).explainNoFit(pod, scratch, ""));
                    continue;
                }
                int mark = scratch.mark();
                scratch.place(pod, expected);
                if (random.nextInt(6) == 0) {
                    scratch.rollbackTo(mark);
                }
            }
            for (ScratchCluster.Placed trial : scratch.placedSince(0)) {
                if (random.nextBoolean()) {
                    PodId id = new PodId("bound", "p" + bound.size() + "-" + cycle);
                    cluster.podBound(new Pod(id, trial.pod().requests(), 0, 0, trial.pod().constraints()),
                            scratch.snapshot().node(trial.nodeIndex()).name());
                    bound.add(id);
                }
            }
        }
    }

    private static PluginProfile withOnePerRack(PluginProfile standard) {
        List<FilterPlugin> filters = new ArrayList<>(standard.filters());
        filters.add(new OnePerRackFilter());
        return new PluginProfile(filters, standard.scorers());
    }
}
