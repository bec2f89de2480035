package dev.stook.sim;

import dev.stook.core.locality.ChunkSet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Spreads each node group's {@link CachedData} over its nodes, seeded: every shard goes to
 * {@code replicas} distinct nodes drawn at random. The result is what each node's cache agent reports.
 */
final class CachePlacement {
    private CachePlacement() {}

    static Map<String, ChunkSet> place(Scenario scenario) {
        SplittableRandom random = new SplittableRandom(scenario.seed() ^ 0x5EEDCAC4EL);
        Map<String, ChunkSet.Builder> byNode = new LinkedHashMap<>();
        for (NodeGroup group : scenario.nodeGroups()) {
            if (group.cache().isEmpty()) {
                continue;
            }
            CachedData data = group.cache().get();
            List<String> nodes = group.nodes().stream().map(dev.stook.core.model.Node::name).toList();
            for (long shard = 0; shard < data.shards(); shard++) {
                ChunkSet chunks = data.chunks().slice(shard * data.shardChunks(), data.shardChunks());
                for (String node : distinct(nodes, Math.min(data.replicas(), nodes.size()), random)) {
                    byNode.computeIfAbsent(node, n -> ChunkSet.builder()).addAll(chunks);
                }
            }
        }
        Map<String, ChunkSet> placed = new LinkedHashMap<>();
        byNode.forEach((node, builder) -> placed.put(node, builder.build()));
        return placed;
    }

    private static List<String> distinct(List<String> nodes, int count, SplittableRandom random) {
        List<String> pool = new ArrayList<>(nodes);
        List<String> chosen = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            chosen.add(pool.remove(random.nextInt(pool.size())));
        }
        return chosen;
    }
}
