package dev.stook.core.plugins;

import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.locality.DataReads;
import dev.stook.core.model.Pod;

import java.util.Set;

/**
 * Sends code to the data: the share of the pod's chunk bytes already cached on the node, 0 to 100.
 * A pod that reads nothing takes no part, leaving its ranking to the other scorers. Every chunk of a pod
 * has the same size, so the share of bytes is the share of chunks. Prepared per equivalence class from the
 * holders of its chunks only ({@link HolderScores}), so nodes holding none cost nothing.
 */
public final class LocalityScorer implements ScorerPlugin {
    public static final String NAME = "Locality";
    private static final Set<Input> READS = Set.of(Input.CACHED_CHUNKS);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Input> reads() {
        return READS;
    }

    @Override
    public PreparedScorer prepare(Pod pod, ScratchCluster cluster) {
        DataReads reads = pod.dataReads();
        if (!reads.readsData()) {
            return PreparedScorer.ZERO_EVERYWHERE;
        }
        return HolderScores.of(reads.chunks(), cluster.snapshot());
    }
}
