package dev.stook.sim;

import dev.stook.core.locality.ChunkSet;
import dev.stook.core.locality.DataReads;

import java.util.SplittableRandom;

/**
 * The chunks a workload's pods read: all of {@code dataChunks}, or, when the workload is sharded, one
 * shard per pod, a job's pods reading consecutive shards from a random first one.
 */
final class WorkloadReads {
    private final ChunkSet chunks;
    private final long shardChunks;
    private final long shards;

    private WorkloadReads(ChunkSet chunks, long shardChunks) {
        this.chunks = chunks;
        this.shardChunks = shardChunks;
        this.shards = shardChunks > 0 ? (chunks.count() + shardChunks - 1) / shardChunks : 1;
    }

    static WorkloadReads of(Workload workload) {
        return new WorkloadReads(workload.dataChunks().map(ChunkSet::parse).orElse(ChunkSet.EMPTY), workload.shardChunks());
    }

    /** The job's first shard; draws from the stream only for sharded workloads, so others replay unchanged. */
    long firstShard(SplittableRandom random) {
        return shardChunks > 0 && !chunks.isEmpty() ? random.nextLong(shards) : 0;
    }

    DataReads forPod(long firstShard, int podIndex) {
        if (chunks.isEmpty()) {
            return DataReads.NONE;
        }
        if (shardChunks == 0) {
            return DataReads.of(chunks, DataReads.DEFAULT_CHUNK_BYTES);
        }
        long shard = (firstShard + podIndex) % shards;
        return DataReads.of(chunks.slice(shard * shardChunks, shardChunks), DataReads.DEFAULT_CHUNK_BYTES);
    }
}
