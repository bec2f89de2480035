package dev.stook.core.locality;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class ChunkHoldersTest {
    @Test
    void listsOnlyTheNodesHoldingSomeOfTheReadsWithTheirCounts() {
        List<ChunkSet> cached = List.of(ChunkSet.parse("d:0-99"), ChunkSet.parse("e:0-99"),
                ChunkSet.parse("d:50-59,d:90-199,e:5"), ChunkSet.EMPTY, ChunkSet.parse("d:0-1000000"));
        ChunkHolders holders = ChunkHolders.of(cached.size(), cached::get);

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
        List<ChunkSet> cached = IntStream.range(0, 1 + random.nextInt(40)).mapToObj(n -> randomSet(random)).toList();
        ChunkHolders holders = ChunkHolders.of(cached.size(), cached::get);

        for (int pod = 0; pod < 20; pod++) {
            ChunkSet reads = randomSet(random);
            LocalChunks local = holders.localChunks(reads);
            long[] expected = cached.stream().mapToLong(reads::overlapCount).toArray();
            long[] found = new long[cached.size()];
            for (int i = 0; i < local.holderCount(); i++) {
                assertThat(local.chunks(i)).isPositive();
                found[local.holder(i)] = local.chunks(i);
            }
            assertThat(found).as("seed %d pod %d", seed, pod).containsExactly(expected);
        }
    }

    private static ChunkSet randomSet(SplittableRandom random) {
        ChunkSet.Builder builder = ChunkSet.builder();
        for (int r = random.nextInt(12); r > 0; r--) {
            long start = random.nextLong(2_000);
            long length = random.nextInt(10) == 0 ? random.nextLong(1_500) : 1 + random.nextLong(40);
            builder.addRange(random.nextBoolean() ? "d" : "e", start, start + length);
        }
        return builder.build();
    }
}
