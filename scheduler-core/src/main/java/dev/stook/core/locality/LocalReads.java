package dev.stook.core.locality;

/** How much of what a placed pod reads is cached on its node, in bytes. */
public record LocalReads(long localBytes, long totalBytes) {
    public static final LocalReads NONE = new LocalReads(0, 0);

    public static LocalReads of(DataReads reads, ChunkSet cachedOnNode) {
        if (!reads.readsData()) {
            return NONE;
        }
        return new LocalReads(reads.chunks().overlapCount(cachedOnNode) * reads.chunkBytes(), reads.bytes());
    }

    public boolean readsData() {
        return totalBytes > 0;
    }

    /** The fraction of bytes read locally, from 0 to 1; 1 for a pod that reads nothing. */
    public double ratio() {
        return totalBytes == 0 ? 1.0 : (double) localBytes / totalBytes;
    }

    public LocalReads plus(LocalReads other) {
        return new LocalReads(localBytes + other.localBytes, totalBytes + other.totalBytes);
    }
}
