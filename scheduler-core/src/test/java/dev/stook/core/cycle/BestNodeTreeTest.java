package dev.stook.core.cycle;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whichever way scores change (one at a time, in a batch rebuilt whole, or staged and replayed together), the
 * tree names the position a plain scan would: the highest score, the lowest position on ties, none when every
 * score is negative.
 */
class BestNodeTreeTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void theBestIsTheOneAScanFinds(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int positions = 1 + random.nextInt(300);
        long[] scores = new long[positions];
        BestNodeTree tree = new BestNodeTree(positions);
        for (int k = 0; k < positions; k++) {
            scores[k] = randomScore(random);
            tree.set(k, scores[k]);
        }
        tree.rebuild();
        assertThat(tree.best()).isEqualTo(scan(scores));

        for (int round = 0; round < 200; round++) {
            int way = random.nextInt(3);
            for (int k = 0; k < positions; k++) {
                if (random.nextInt(4) != 0) {
                    continue;
                }
                scores[k] = randomScore(random);
                switch (way) {
                    case 0 -> tree.update(k, scores[k]);
                    case 1 -> tree.set(k, scores[k]);
                    default -> tree.stage(k, scores[k]);
                }
            }
            if (way == 1) {
                tree.rebuild();
            } else if (way == 2) {
                tree.replayStaged();
            }
            assertThat(tree.best()).as("round %d, way %d", round, way).isEqualTo(scan(scores));
        }
    }

    /** Few distinct values, so ties are common; a fifth refused. */
    private static long randomScore(SplittableRandom random) {
        return random.nextInt(5) == 0 ? -1 - random.nextInt(3) : random.nextInt(6);
    }

    private static int scan(long[] scores) {
        int best = -1;
        for (int k = 0; k < scores.length; k++) {
            if (scores[k] >= 0 && (best < 0 || scores[k] > scores[best])) {
                best = k;
            }
        }
        return best;
    }
}
