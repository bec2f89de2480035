package dev.stook.core.cluster;

import dev.stook.core.locality.ChunkSet;
import dev.stook.core.locality.LocalChunks;
import dev.stook.core.testing.RandomChunks;
import dev.stook.core.testing.RandomCluster;
import dev.stook.core.testing.RandomNodes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static dev.stook.core.Fixtures.reader;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Snapshots update the chunk holders of earlier ones rather than rebuild them: whatever changed in
 * between, and whether or not the earlier snapshots built theirs, a snapshot's holders must agree with
 * its nodes' cached chunks.
 */
class SnapshotChunkHoldersTest {
    static LongStream seeds() {
        return LongStream.range(0, 30);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void holdersAgreeWithCachedChunksAcrossSnapshots(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int nodes = 60;
        RandomNodes eightCores = RandomNodes.from(random).cpuCores(8).memoryGi(8);
        ClusterState state = RandomCluster.of(eightCores, nodes).state();
        for (int cycle = 0; cycle < 12; cycle++) {
            for (int change = random.nextInt(6); change > 0; change--) {
                String node = "n" + random.nextInt(nodes);
                switch (random.nextInt(4)) {
                    case 0 -> state.reportCachedChunks(node, RandomChunks.range(random));
                    case 1 -> state.podSucceeded(reader("done-" + cycle + "-" + change, RandomChunks.range(random)), node);
                    case 2 -> state.removeNode(node);
                    default -> state.upsertNode(eightCores.next(node));
                }
            }
            ClusterSnapshot snapshot = state.snapshot();
            if (random.nextInt(3) == 0) {
                continue;
            }
            for (int pod = 0; pod < 10; pod++) {
                ChunkSet reads = RandomChunks.range(random);
                LocalChunks local = snapshot.chunkHolders().localChunks(reads);
                long[] found = new long[snapshot.size()];
                for (int i = 0; i < local.holderCount(); i++) {
                    found[local.holder(i)] = local.chunks(i);
                }
                long[] expected = new long[snapshot.size()];
                for (int i = 0; i < expected.length; i++) {
                    expected[i] = reads.overlapCount(snapshot.cachedChunks(i));
                }
                assertThat(found).as("seed %d cycle %d pod %d", seed, cycle, pod).containsExactly(expected);
            }
        }
    }
}
