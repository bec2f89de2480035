package dev.stook.core.testing;

import dev.stook.core.model.Node;
import dev.stook.core.model.ResourceNames;
import dev.stook.core.model.Resources;
import dev.stook.core.model.Taint;
import dev.stook.core.model.TaintEffect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Nodes drawn from a test's seeded random: by default 8 cores, 8Gi and kubelet's 110 pods, with no GPUs,
 * labels or taints. Each node draws its options in one fixed order (cpu, memory, pods, GPUs, spot taint,
 * zone, cordon), so a seed gives the same nodes and leaves the random where the test expects it.
 */
public final class RandomNodes {
    static final int GPU = ResourceNames.indexOf("nvidia.com/gpu");
    static final String GPU_TAINT = "gpu";

    private final SplittableRandom random;
    private RandomRange cpuCores = RandomRange.fixed(8);
    private RandomRange memoryGi = RandomRange.fixed(8);
    private RandomRange maxPods = RandomRange.fixed(110);
    private int gpuOneIn;
    private RandomRange gpus = RandomRange.fixed(0);
    private int spotOneIn;
    private List<String> zones = List.of();
    private int cordonedOneIn;

    private RandomNodes(SplittableRandom random) {
        this.random = random;
    }

    public static RandomNodes from(SplittableRandom random) {
        return new RandomNodes(random);
    }

    public RandomNodes cpuCores(int cores) {
        return cpuCores(cores, cores);
    }

    public RandomNodes cpuCores(int min, int max) {
        cpuCores = RandomRange.between(min, max);
        return this;
    }

    public RandomNodes memoryGi(int gi) {
        return memoryGi(gi, gi);
    }

    public RandomNodes memoryGi(int min, int max) {
        memoryGi = RandomRange.between(min, max);
        return this;
    }

    public RandomNodes maxPods(int pods) {
        return maxPods(pods, pods);
    }

    public RandomNodes maxPods(int min, int max) {
        maxPods = RandomRange.between(min, max);
        return this;
    }

    /** One node in {@code oneIn} has min to max GPUs and a NoSchedule taint that only GPU pods tolerate. */
    public RandomNodes gpus(int oneIn, int min, int max) {
        gpuOneIn = oneIn;
        gpus = RandomRange.between(min, max);
        return this;
    }

    /** One node in {@code oneIn} carries a PreferNoSchedule "spot" taint. */
    public RandomNodes spotTaint(int oneIn) {
        spotOneIn = oneIn;
        return this;
    }

    /** Every node has a "zone" label, one of these. */
    public RandomNodes zones(List<String> names) {
        zones = List.copyOf(names);
        return this;
    }

    public RandomNodes cordoned(int oneIn) {
        cordonedOneIn = oneIn;
        return this;
    }

    public Node next(String name) {
        Resources.Builder allocatable = Resources.builder()
                .cpuMillis(1000L * cpuCores.draw(random))
                .memoryBytes((1L << 30) * memoryGi.draw(random))
                .pods(maxPods.draw(random));
        List<Taint> taints = new ArrayList<>();
        if (RandomRange.oneIn(gpuOneIn, random)) {
            allocatable.setSlot(GPU, gpus.draw(random));
            taints.add(new Taint(GPU_TAINT, "", TaintEffect.NO_SCHEDULE));
        }
        if (RandomRange.oneIn(spotOneIn, random)) {
            taints.add(new Taint("spot", "", TaintEffect.PREFER_NO_SCHEDULE));
        }
        Map<String, String> labels = zones.isEmpty() ? Map.of() : Map.of("zone", RandomRange.pick(zones, random));
        Node node = new Node(name, allocatable.build(), labels, taints, false);
        return RandomRange.oneIn(cordonedOneIn, random) ? node.cordoned() : node;
    }
}
