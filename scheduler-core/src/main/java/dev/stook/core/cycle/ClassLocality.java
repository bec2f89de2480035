package dev.stook.core.cycle;

import dev.stook.core.locality.ChunkSet;
import dev.stook.core.locality.LocalChunks;
import dev.stook.core.plugins.LocalityScorer;

import java.util.Arrays;

/**
 * An equivalence class's Locality score on every node and its {@link LocalityOutlook}, as of one locality
 * generation. Worked out from the holders of its chunks only; every other node scores 0. Usage does not
 * change these, so they outlive usage changes and are recomputed only when cached chunks change.
 */
final class ClassLocality {
    private final long generation;
    /** Indexed by node; a score is 0 to 100, so a byte keeps a class's scores small on big clusters. */
    private final byte[] scores;
    private final LocalityOutlook outlook;

    private ClassLocality(long generation, byte[] scores, LocalityOutlook outlook) {
        this.generation = generation;
        this.scores = scores;
        this.outlook = outlook;
    }

    static ClassLocality of(ChunkSet reads, LocalChunks local, int[] specFeasible, int nodeCount, long generation) {
        byte[] scores = new byte[nodeCount];
        int usableHolders = 0;
        long best = 0;
        for (int i = 0; i < local.holderCount(); i++) {
            int node = local.holder(i);
            scores[node] = (byte) LocalityScorer.score(local.chunks(i), reads.count());
            if (Arrays.binarySearch(specFeasible, node) >= 0) {
                usableHolders++;
                best = Math.max(best, local.chunks(i));
            }
        }
        return new ClassLocality(generation, scores, new LocalityOutlook(usableHolders, (double) best / reads.count()));
    }

    boolean isAt(long localityGeneration) {
        return generation == localityGeneration;
    }

    int score(int node) {
        return scores[node];
    }

    LocalityOutlook outlook() {
        return outlook;
    }
}
