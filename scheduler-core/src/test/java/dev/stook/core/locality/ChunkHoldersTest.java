package dev.stook.core.locality;

import dev.stook.core.testing.RandomChunks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class ChunkHoldersTest {
    @Test
    void listsOnlyTheNodesHoldingSomeOfTheReadsWithTheirCounts() {
        ChunkHolders holders = ChunkHolders.of(new ChunkSet[] {ChunkSet.parse("d:0-99"), ChunkSet.parse("e:0-99"),
                ChunkSet.parse("d:50-59,d:90-199,e:5"), ChunkSet.EMPTY, ChunkSet.parse("d:0-1000000")});

        LocalChunks local = holders.localChunks(ChunkSet.parse("d:55-94,f:0-9"));

        assertThat(IntStream.range(0, local.holderCount()).map(local::holder).toArray()).containsExactly(0, 2, 4);
        assertThat(IntStream.range(0, local.holderCount()).mapToLong(local::chunks).toArray()).containsExactly(40, 10, 40);
    }

    static LongStream seeds() {
        return LongStream.range(0, 50);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void countsWhatOverlapCountCountsOnEveryNode(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        ChunkSet[] cached = IntStream.range(0, 1 + random.nextInt(200)).mapToObj(n -> RandomChunks.scattered(random))
                .toArray(ChunkSet[]::new);
        ChunkHolders holders = ChunkHolders.of(cached);

        for (int round = 0; round < 5; round++) {
            for (int pod = 0; pod < 20; pod++) {
                ChunkSet reads = RandomChunks.scattered(random);
                assertThat(found(holders.localChunks(reads), cached.length)).as("seed %d round %d pod %d", seed, round, pod)
                        .containsExactly(Arrays.stream(cached).mapToLong(reads::overlapCount).toArray());
            }
            cached = cached.clone();
            for (int changes = random.nextInt(1 + cached.length / 8); changes >= 0; changes--) {
                cached[random.nextInt(cached.length)] = RandomChunks.scattered(random);
            }
            holders = holders.updatedTo(cached);
        }
    }

    private static long[] found(LocalChunks local, int nodes) {
        long[] found = new long[nodes];
        for (int i = 0; i < local.holderCount(); i++) {
            assertThat(local.chunks(i)).isPositive();
            found[local.holder(i)] = local.chunks(i);
        }
        return found;
    }
}
