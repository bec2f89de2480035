package dev.stook.sim;

import dev.stook.core.model.Resources;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Records when cpu and memory are taken and given back, and integrates the result over virtual time. */
final class UtilisationTimeline {
    private final double cpuCapacity;
    private final double memoryCapacity;
    private final TreeMap<Long, long[]> changes = new TreeMap<>();

    UtilisationTimeline(long cpuCapacityMillis, long memoryCapacityBytes) {
        this.cpuCapacity = cpuCapacityMillis;
        this.memoryCapacity = memoryCapacityBytes;
    }

    void taken(long atMillis, Resources requests) {
        change(atMillis, requests, 1);
    }

    void released(long atMillis, Resources requests) {
        change(atMillis, requests, -1);
    }

    /** Averages over {@code [0, endMillis)}, overall and in {@code bucketCount} equal buckets. */
    Utilisation summarise(long endMillis, int bucketCount) {
        if (endMillis <= 0) {
            return new Utilisation(0, 0, List.of());
        }
        double width = (double) endMillis / bucketCount;
        double[][] area = new double[bucketCount][2];
        long cpu = 0;
        long memory = 0;
        long since = 0;
        for (Map.Entry<Long, long[]> change : changes.entrySet()) {
            long at = Math.min(change.getKey(), endMillis);
            accumulate(area, width, since, at, cpu, memory);
            cpu += change.getValue()[0];
            memory += change.getValue()[1];
            since = at;
        }
        accumulate(area, width, since, endMillis, cpu, memory);
        List<Utilisation.Bucket> buckets = new ArrayList<>(bucketCount);
        double cpuArea = 0;
        double memoryArea = 0;
        for (int k = 0; k < bucketCount; k++) {
            buckets.add(new Utilisation.Bucket(k * width, (k + 1) * width,
                    share(area[k][0], cpuCapacity, width), share(area[k][1], memoryCapacity, width)));
            cpuArea += area[k][0];
            memoryArea += area[k][1];
        }
        return new Utilisation(share(cpuArea, cpuCapacity, endMillis), share(memoryArea, memoryCapacity, endMillis),
                buckets);
    }

    private void change(long atMillis, Resources requests, int sign) {
        long[] delta = changes.computeIfAbsent(atMillis, t -> new long[2]);
        delta[0] += sign * requests.cpuMillis();
        delta[1] += sign * requests.memoryBytes();
    }

    /** Adds the level held during {@code [from, to)} to the buckets that interval overlaps. */
    private static void accumulate(double[][] area, double width, long from, long to, long cpu, long memory) {
        if (to <= from || (cpu == 0 && memory == 0)) {
            return;
        }
        for (int k = Math.min((int) (from / width), area.length - 1); k < area.length && k * width < to; k++) {
            double overlap = Math.min(to, (k + 1) * width) - Math.max(from, k * width);
            if (overlap > 0) {
                area[k][0] += overlap * cpu;
                area[k][1] += overlap * memory;
            }
        }
    }

    private static double share(double area, double capacity, double duration) {
        return capacity <= 0 || duration <= 0 ? 0 : area / (capacity * duration);
    }
}
