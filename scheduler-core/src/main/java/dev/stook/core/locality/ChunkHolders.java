package dev.stook.core.locality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The inverted chunk index: per dataset, which nodes (by index) cache which ranges. Finds the nodes
 * holding some of a pod's chunks without looking at the others. Immutable.
 *
 * <p>Cached chunks change a few nodes at a time, so an update keeps the index it was built from and
 * lists the nodes changed since; a search looks those up one by one instead. Once too many changed,
 * the index is rebuilt.
 */
public final class ChunkHolders {
    private final ChunkSet[] indexed;
    private final Map<String, CachedRanges> byDataset;
    private final ChunkSet[] current;
    private final int[] changed;

    private ChunkHolders(ChunkSet[] indexed, Map<String, CachedRanges> byDataset, ChunkSet[] current, int[] changed) {
        this.indexed = indexed;
        this.byDataset = byDataset;
        this.current = current;
        this.changed = changed;
    }

    /** Indexes nodes {@code 0} to {@code cachedByNode.length - 1}, each caching its element; keeps the array. */
    public static ChunkHolders of(ChunkSet[] cachedByNode) {
        Map<String, List<CachedRanges.Held>> held = new HashMap<>();
        for (int node = 0; node < cachedByNode.length; node++) {
            ChunkSet cached = cachedByNode[node];
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
        return new ChunkHolders(cachedByNode, byDataset, cachedByNode, new int[0]);
    }

    /**
     * The index for the same nodes now caching {@code cachedByNode}. Nodes whose set is not the very
     * object indexed count as changed, so unchanged nodes cost one reference comparison. Keeps the array.
     */
    public ChunkHolders updatedTo(ChunkSet[] cachedByNode) {
        if (cachedByNode.length != indexed.length) {
            return of(cachedByNode);
        }
        int[] changedNow = new int[16];
        int count = 0;
        // changed nodes are overlap-checked on every search; past this many a rebuild is cheaper
        int limit = 16 + cachedByNode.length / 32;
        for (int node = 0; node < cachedByNode.length; node++) {
            if (cachedByNode[node] != indexed[node]) {
                if (count == limit) {
                    return of(cachedByNode);
                }
                if (count == changedNow.length) {
                    changedNow = Arrays.copyOf(changedNow, 2 * count);
                }
                changedNow[count++] = node;
            }
        }
        return new ChunkHolders(indexed, byDataset, cachedByNode, Arrays.copyOf(changedNow, count));
    }

    /** Per node holding some of the chunks read, how many of them it holds. */
    public LocalChunks localChunks(ChunkSet reads) {
        LocalChunks.Builder local = new LocalChunks.Builder(indexed.length);
        for (int d = 0; d < reads.datasetCount(); d++) {
            CachedRanges cached = byDataset.get(reads.dataset(d));
            if (cached != null) {
                long[] pairs = reads.ranges(d);
                for (int i = 0; i < pairs.length; i += 2) {
                    cached.addOverlaps(pairs[i], pairs[i + 1], local);
                }
            }
        }
        for (int node : changed) {
            local.set(node, reads.overlapCount(current[node]));
        }
        return local.build();
    }
}
