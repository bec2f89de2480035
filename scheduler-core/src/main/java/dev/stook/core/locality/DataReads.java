package dev.stook.core.locality;

import java.util.Objects;

/**
 * The data a pod reads ({@code stook.dev/data-chunks}) and the size of one chunk ({@code stook.dev/chunk-bytes}).
 * A pod whose annotations could not be read has no chunks and {@code problem} says why, so that it is
 * scheduled without locality and its explanation says so.
 */
public record DataReads(ChunkSet chunks, long chunkBytes, String problem) {
    public static final long DEFAULT_CHUNK_BYTES = 134_217_728L;
    public static final long MAX_CHUNK_BYTES = 1L << 40;
    public static final DataReads NONE = new DataReads(ChunkSet.EMPTY, DEFAULT_CHUNK_BYTES, null);

    public DataReads {
        Objects.requireNonNull(chunks, "chunks");
        if (chunkBytes < 1 || chunkBytes > MAX_CHUNK_BYTES) {
            throw new IllegalArgumentException("chunk size must be from 1 byte to " + MAX_CHUNK_BYTES + " bytes");
        }
    }

    public static DataReads of(ChunkSet chunks, long chunkBytes) {
        return new DataReads(chunks, chunkBytes, null);
    }

    /** The pod's locality annotations are unreadable: it reads nothing as far as placement is concerned. */
    public static DataReads unreadable(String problem) {
        return new DataReads(ChunkSet.EMPTY, DEFAULT_CHUNK_BYTES, problem);
    }

    public boolean readsData() {
        return !chunks.isEmpty();
    }

    public long bytes() {
        return chunks.count() * chunkBytes;
    }
}
