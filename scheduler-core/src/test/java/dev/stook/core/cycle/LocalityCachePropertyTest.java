package dev.stook.core.cycle;

import dev.stook.core.cluster.ClusterState;
import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.locality.ChunkSet;
import dev.stook.core.model.Pod;
import dev.stook.core.model.PodId;
import dev.stook.core.plugins.PluginProfile;
import dev.stook.core.testing.RandomCluster;
import dev.stook.core.testing.RandomNodes;
import dev.stook.core.testing.RandomPods;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static dev.stook.core.Fixtures.reader;
import static dev.stook.core.Fixtures.sameRequests;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node's cached chunks can change without any pod coming or going. The equivalence-class cache must
 * notice: a placer kept across cycles chooses what a placer with no history chooses.
 */
class LocalityCachePropertyTest {
    private static final List<ChunkSet> SHARDS = IntStream.range(0, 10).mapToObj(LocalityCachePropertyTest::shard)
            .toList();
    private final PluginProfile profile = PluginProfile.standard();

    static LongStream seeds() {
        return LongStream.range(0, 30);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void cachedChoicesEqualFreshOnesWhenCachedChunksChange(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int nodes = 30;
        ClusterState cluster = RandomCluster.of(RandomNodes.from(random).cpuCores(4, 19).memoryGi(64), nodes).state();
        List<Pod> shapes = RandomPods.from(random).cpuMillis(500, 2000, 500).reading(SHARDS).shapes(5);
        PodPlacer cached = new PodPlacer(profile);

        for (int cycle = 0; cycle < 8; cycle++) {
            changeCaches(cluster, random, nodes, cycle);
            ScratchCluster scratch = new ScratchCluster(cluster.snapshot());
            for (int i = 0; i < 40; i++) {
                Pod pod = shapes.get(random.nextInt(shapes.size()));
                int expected = new PodPlacer(profile).bestNode(pod, scratch);
                assertThat(cached.bestNode(pod, scratch)).as("seed %d cycle %d pod %d", seed, cycle, i)
                        .isEqualTo(expected);
                assertThat(cached.localityOutlook(pod, scratch)).isEqualTo(new PodPlacer(profile).localityOutlook(pod, scratch));
                if (expected >= 0 && random.nextInt(3) == 0) {
                    Pod bound = sameRequests(new PodId("bound", cycle + "-" + i), pod);
                    cluster.podBound(bound, scratch.snapshot().node(expected).name());
                }
            }
        }
    }

    private static void changeCaches(ClusterState cluster, SplittableRandom random, int nodes, int cycle) {
        for (int k = 0; k < 1 + random.nextInt(4); k++) {
            String node = "n" + random.nextInt(nodes);
            switch (random.nextInt(3)) {
                case 0 -> cluster.reportCachedChunks(node, shard(random.nextInt(10)));
                case 1 -> cluster.reportCachedChunks(node, ChunkSet.EMPTY);
                default -> cluster.podSucceeded(reader("done" + cycle + k, shard(random.nextInt(10)).slice(0, 50)), node);
            }
        }
    }

    private static ChunkSet shard(int i) {
        return ChunkSet.parse("d:" + (100 * i) + "-" + (100 * i + 99));
    }
}
