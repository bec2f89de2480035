package dev.stook.sim;

import dev.stook.core.locality.ChunkSet;

/**
 * Data a node group's caches hold when the run starts: {@code chunks} cut into shards of
 * {@code shardChunks} chunks, each shard cached on {@code replicas} distinct nodes of the group.
 */
public record CachedData(ChunkSet chunks, long shardChunks, int replicas) {
    public long shards() {
        return (chunks.count() + shardChunks - 1) / shardChunks;
    }
}
