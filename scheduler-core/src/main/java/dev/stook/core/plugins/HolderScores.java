package dev.stook.core.plugins;

import dev.stook.core.cluster.ClusterSnapshot;
import dev.stook.core.cluster.NodeSlot;
import dev.stook.core.locality.ChunkSet;
import dev.stook.core.locality.LocalChunks;
import dev.stook.core.model.Pod;

/**
 * One equivalence class's Locality score on every node, worked out from the holders of the chunks it
 * reads; every other node scores 0. Kept by the placer until some node's cached chunks change.
 */
final class HolderScores implements PreparedScorer {
    /** Indexed by node; a score is 0 to 100, so a byte keeps a class's scores small on big clusters. */
    private final byte[] scores;

    private HolderScores(byte[] scores) {
        this.scores = scores;
    }

    static HolderScores of(ChunkSet reads, ClusterSnapshot snapshot) {
        LocalChunks local = snapshot.chunkHolders().localChunks(reads);
        byte[] scores = new byte[snapshot.size()];
        for (int i = 0; i < local.holderCount(); i++) {
            scores[local.holder(i)] = (byte) (ScorerPlugin.MAX_SCORE * local.chunks(i) / reads.count());
        }
        return new HolderScores(scores);
    }

    @Override
    public int score(Pod pod, NodeSlot node) {
        return scores[node.index()];
    }
}
