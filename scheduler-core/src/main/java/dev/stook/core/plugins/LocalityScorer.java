package dev.stook.core.plugins;

import dev.stook.core.cluster.NodeSlot;
import dev.stook.core.locality.DataReads;
import dev.stook.core.model.Pod;

/**
 * Sends code to the data: the share of the pod's chunk bytes already cached on the node, 0 to 100.
 * A pod that reads nothing scores 0 everywhere, so the scorer leaves its ranking to the others. Every
 * chunk of a pod has the same size, so the share of bytes is the share of chunks, computed over ranges.
 */
public final class LocalityScorer implements Scorer {
    public static final String NAME = "Locality";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int score(Pod pod, NodeSlot node) {
        DataReads reads = pod.dataReads();
        if (!reads.readsData()) {
            return 0;
        }
        return score(reads.chunks().overlapCount(node.cachedChunks()), reads.chunks().count());
    }

    /** The score of a node holding {@code localChunks} of the {@code readChunks} chunks a pod reads. */
    public static int score(long localChunks, long readChunks) {
        return (int) (MAX_SCORE * localChunks / readChunks);
    }
}
