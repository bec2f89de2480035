package dev.stook.sim;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;

/**
 * The most heap the run kept live: sampled between cycles as the heap pools' usage after their latest
 * collection, which leaves out garbage not yet collected.
 */
final class HeapMeter {
    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported())
            .toList();
    private long peakAfterGcBytes;

    void sample() {
        long used = 0;
        for (MemoryPoolMXBean pool : heapPools) {
            MemoryUsage afterGc = pool.getCollectionUsage();
            if (afterGc != null) {
                used += afterGc.getUsed();
            }
        }
        peakAfterGcBytes = Math.max(peakAfterGcBytes, used);
    }

    long peakAfterGcBytes() {
        return peakAfterGcBytes;
    }
}
