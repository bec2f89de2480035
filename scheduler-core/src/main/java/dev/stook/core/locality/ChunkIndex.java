package dev.stook.core.locality;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Which chunks each node holds, from two sources: what the node's cache agent reports
 * ({@code stook.dev/cached-chunks}; a report replaces the node's previous one) and what Stook learned
 * (a pod that read chunks and succeeded on a node left them cached there). Learned locations live in a
 * bounded Caffeine cache that forgets them after a TTL or when it is full. Nodes whose chunks changed
 * are collected for {@link #drainChanged()}, so snapshots refresh exactly those nodes.
 *
 * <p>Not thread-safe: the owner ({@code ClusterState}) guards it. Cache maintenance runs on the calling
 * thread, so expiry is seen only at {@link #drainChanged()}, never behind the owner's back.
 */
public final class ChunkIndex {
    private record Learned(String node, ChunkSet chunks) {}

    private static final class NodeChunks {
        ChunkSet reported = ChunkSet.EMPTY;
        final Set<Learned> learned = new LinkedHashSet<>();
        ChunkSet all = ChunkSet.EMPTY;
    }

    private final Map<String, NodeChunks> nodes = new HashMap<>();
    private final Set<String> changed = new LinkedHashSet<>();
    private final Cache<Learned, Boolean> learned;

    /** The bounded cache of learned locations, for its statistics (hits, evictions, size). */
    public Cache<?, ?> learnedCache() {
        return learned;
    }

    public ChunkIndex(ChunkIndexSettings settings, Ticker ticker) {
        this.learned = Caffeine.newBuilder()
                .ticker(ticker)
                .recordStats()
                .executor(Runnable::run)
                .expireAfterWrite(settings.learnedTtlMillis(), TimeUnit.MILLISECONDS)
                .maximumWeight(settings.learnedMaxRanges())
                .<Learned, Boolean>weigher((key, value) -> Math.max(1, key.chunks().rangeCount()))
                .evictionListener((key, value, cause) -> {
                    if (key != null) {
                        forget(key);
                    }
                })
                .build();
    }

    public ChunkIndex(ChunkIndexSettings settings) {
        this(settings, Ticker.systemTicker());
    }

    public ChunkIndex() {
        this(ChunkIndexSettings.DEFAULTS);
    }

    /** The node's cache agent reports what it holds now: replaces its previous report. */
    public void report(String node, ChunkSet chunks) {
        NodeChunks entry = nodes.computeIfAbsent(node, n -> new NodeChunks());
        if (!entry.reported.equals(chunks)) {
            entry.reported = chunks;
            changed(node);
        }
    }

    /** A pod that read the chunks succeeded on the node: they are likely cached there. */
    public void learn(String node, ChunkSet chunks) {
        if (chunks.isEmpty()) {
            return;
        }
        Learned key = new Learned(node, chunks);
        learned.put(key, Boolean.TRUE);
        if (learned.asMap().containsKey(key) && nodes.computeIfAbsent(node, n -> new NodeChunks()).learned.add(key)) {
            changed(node);
        }
    }

    /** The node left the cluster: nothing is cached there any more. */
    public void removeNode(String node) {
        NodeChunks entry = nodes.remove(node);
        if (entry != null) {
            learned.invalidateAll(List.copyOf(entry.learned));
            changed.remove(node);
        }
    }

    /** Every chunk the node is known to hold, reported or learned. */
    public ChunkSet chunksOn(String node) {
        NodeChunks entry = nodes.get(node);
        return entry == null ? ChunkSet.EMPTY : entry.all;
    }

    /** Expires what is due and returns the nodes whose chunks changed since the previous call. */
    public Set<String> drainChanged() {
        learned.cleanUp();
        if (changed.isEmpty()) {
            return Set.of();
        }
        for (String node : changed) {
            NodeChunks entry = nodes.get(node);
            List<ChunkSet> sets = new ArrayList<>(entry.learned.size() + 1);
            sets.add(entry.reported);
            entry.learned.forEach(l -> sets.add(l.chunks()));
            entry.all = ChunkSet.union(sets);
        }
        Set<String> drained = Set.copyOf(changed);
        changed.clear();
        return drained;
    }

    /** Learned locations currently remembered, for tests and diagnostics. */
    public long learnedLocations() {
        learned.cleanUp();
        return learned.estimatedSize();
    }

    private void forget(Learned key) {
        NodeChunks entry = nodes.get(key.node());
        if (entry != null && entry.learned.remove(key)) {
            changed(key.node());
        }
    }

    private void changed(String node) {
        changed.add(node);
    }
}
