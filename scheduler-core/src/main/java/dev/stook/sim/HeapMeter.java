package dev.stook.sim;

import com.sun.management.GarbageCollectorMXBean;
import com.sun.management.GcInfo;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.List;

/**
 * The most heap the run kept live: sampled between cycles as the heap in use right after each
 * collector's latest collection, young or full, which leaves out garbage not yet collected.
 */
final class HeapMeter {
    private final List<GarbageCollectorMXBean> collectors =
            ManagementFactory.getPlatformMXBeans(GarbageCollectorMXBean.class);
    private long peakAfterGcBytes;

    void sample() {
        for (GarbageCollectorMXBean collector : collectors) {
            GcInfo last = collector.getLastGcInfo();
            if (last != null) {
                long used = 0;
                for (MemoryUsage pool : last.getMemoryUsageAfterGc().values()) {
                    used += pool.getUsed();
                }
                peakAfterGcBytes = Math.max(peakAfterGcBytes, used);
            }
        }
    }

    long peakAfterGcBytes() {
        return peakAfterGcBytes;
    }
}
