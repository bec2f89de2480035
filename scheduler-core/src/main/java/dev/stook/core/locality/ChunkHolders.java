package dev.stook.core.locality;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The inverted chunk index: per dataset, which nodes (by index) cache which ranges. Finds the nodes
 * holding some of a pod's chunks without looking at the others. Immutable.
 */
public final class ChunkHolders {
    private final int nodeCount;
    private final Map<String, CachedRanges> byDataset;

    private ChunkHolders(int nodeCount, Map<String, CachedRanges> byDataset) {
        this.nodeCount = nodeCount;
        this.byDataset = byDataset;
    }

    /** Indexes nodes {@code 0} to {@code nodeCount - 1}, each caching {@code cachedOn.apply(node)}. */
    public static ChunkHolders of(int nodeCount, IntFunction<ChunkSet> cachedOn) {
        Map<String, List<CachedRanges.Held>> held = new HashMap<>();
        for (int node = 0; node < nodeCount; node++) {
            ChunkSet cached = cachedOn.apply(node);
            for (int d = 0; d < cached.datasetCount(); d++) {
                List<CachedRanges.Held> ranges = held.computeIfAbsent(cached.dataset(d), k -> new ArrayList<>());
                long[] pairs = cached.ranges(d);
                for (int i = 0; i < pairs.length; i += 2) {
                    ranges.add(new CachedRanges.Held(pairs[i], pairs[i + 1], node));
                }
            }
        }
        Map<String, CachedRanges> byDataset = new HashMap<>(2 * held.size());
        held.forEach((dataset, ranges) -> byDataset.put(dataset, new CachedRanges(ranges)));
        return new ChunkHolders(nodeCount, byDataset);
    }

    /** Per node holding some of the chunks read, how many of them it holds. */
    public LocalChunks localChunks(ChunkSet reads) {
        LocalChunks.Builder local = new LocalChunks.Builder(nodeCount);
        for (int d = 0; d < reads.datasetCount(); d++) {
            CachedRanges cached = byDataset.get(reads.dataset(d));
            if (cached != null) {
                long[] pairs = reads.ranges(d);
                for (int i = 0; i < pairs.length; i += 2) {
                    cached.addOverlaps(pairs[i], pairs[i + 1], local);
                }
            }
        }
        return local.build();
    }
}
