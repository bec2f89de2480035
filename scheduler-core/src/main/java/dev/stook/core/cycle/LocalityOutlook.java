package dev.stook.core.cycle;

import dev.stook.core.locality.ChunkSet;
import dev.stook.core.locality.LocalChunks;

import java.util.Arrays;

/**
 * Where a pod's data is, among the nodes it could ever use: how many of them hold some of it, and the
 * largest share of its bytes any one of them holds (0 to 1).
 */
record LocalityOutlook(int holders, double bestShare) {
    static final LocalityOutlook NO_DATA = new LocalityOutlook(0, 0);

    /** Worked out from the holders of the chunks read only. */
    static LocalityOutlook of(ChunkSet reads, LocalChunks local, int[] usableNodes) {
        int usableHolders = 0;
        long best = 0;
        for (int i = 0; i < local.holderCount(); i++) {
            if (Arrays.binarySearch(usableNodes, local.holder(i)) >= 0) {
                usableHolders++;
                best = Math.max(best, local.chunks(i));
            }
        }
        return new LocalityOutlook(usableHolders, (double) best / reads.count());
    }
}
