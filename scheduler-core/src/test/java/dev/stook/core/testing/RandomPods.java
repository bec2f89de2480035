package dev.stook.core.testing;

import dev.stook.core.locality.ChunkSet;
import dev.stook.core.locality.DataReads;
import dev.stook.core.model.NodeSelectorRequirement;
import dev.stook.core.model.NodeSelectorTerm;
import dev.stook.core.model.PlacementConstraints;
import dev.stook.core.model.Pod;
import dev.stook.core.model.PodId;
import dev.stook.core.model.Resources;
import dev.stook.core.model.Toleration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Pods drawn from a test's seeded random: by default 1 cpu and 1Gi in namespace "default", priority 0,
 * created at 0, with no constraints and no data reads. Each pod draws its options in one fixed order (cpu,
 * memory, GPUs, zone rule, namespace, priority, creation time, reads), so a seed gives the same pods and
 * leaves the random where the test expects it.
 */
public final class RandomPods {
    private static final long CHUNK_BYTES = 1 << 20;

    private final SplittableRandom random;
    private RandomRange cpuMillis = RandomRange.fixed(1000);
    private RandomRange memoryMi = RandomRange.fixed(1024);
    private int gpuOneIn;
    private RandomRange gpus = RandomRange.fixed(0);
    private List<String> zones = List.of();
    private List<String> namespaces = List.of("default");
    private RandomRange priority = RandomRange.fixed(0);
    private RandomRange createdAtMillis = RandomRange.fixed(0);
    private List<ChunkSet> reads = List.of();

    private RandomPods(SplittableRandom random) {
        this.random = random;
    }

    public static RandomPods from(SplittableRandom random) {
        return new RandomPods(random);
    }

    public RandomPods cpuMillis(long millis) {
        return cpuMillis(millis, millis, 1);
    }

    public RandomPods cpuMillis(long min, long max, long step) {
        cpuMillis = new RandomRange(min, max, step);
        return this;
    }

    public RandomPods memoryMi(long min, long max, long step) {
        memoryMi = new RandomRange(min, max, step);
        return this;
    }

    /** One pod in {@code oneIn} asks for min to max GPUs and tolerates the GPU nodes' taint. */
    public RandomPods gpus(int oneIn, int min, int max) {
        gpuOneIn = oneIn;
        gpus = RandomRange.between(min, max);
        return this;
    }

    /** One pod in four selects one of these zones; of the others, one in four must avoid one of them. */
    public RandomPods zoneRules(List<String> names) {
        zones = List.copyOf(names);
        return this;
    }

    public RandomPods namespaces(List<String> names) {
        namespaces = List.copyOf(names);
        return this;
    }

    public RandomPods priority(int min, int max, int step) {
        priority = new RandomRange(min, max, step);
        return this;
    }

    public RandomPods createdAtMillis(long min, long max) {
        createdAtMillis = RandomRange.between(min, max);
        return this;
    }

    /** Each pod reads one of these chunk sets. */
    public RandomPods reading(List<ChunkSet> chunkSets) {
        reads = List.copyOf(chunkSets);
        return this;
    }

    public Pod next(String name) {
        Resources.Builder requests = Resources.builder()
                .cpuMillis(cpuMillis.draw(random))
                .memoryBytes(memoryMi.draw(random) << 20);
        PlacementConstraints constraints = PlacementConstraints.NONE;
        if (RandomRange.oneIn(gpuOneIn, random)) {
            requests.setSlot(RandomNodes.GPU, gpus.draw(random));
            constraints = constraints.withTolerations(List.of(
                    new Toleration(RandomNodes.GPU_TAINT, Toleration.Operator.EXISTS, null, null)));
        }
        if (!zones.isEmpty()) {
            constraints = withZoneRule(constraints);
        }
        Pod pod = new Pod(new PodId(RandomRange.pick(namespaces, random), name), requests.build(),
                (int) priority.draw(random), createdAtMillis.draw(random), constraints);
        return reads.isEmpty() ? pod : pod.withDataReads(DataReads.of(RandomRange.pick(reads, random), CHUNK_BYTES));
    }

    /** Pods named shape0, shape1, …: the kinds of pod a test then places many times. */
    public List<Pod> shapes(int count) {
        List<Pod> shapes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            shapes.add(next("shape" + i));
        }
        return shapes;
    }

    private PlacementConstraints withZoneRule(PlacementConstraints constraints) {
        if (RandomRange.oneIn(4, random)) {
            return constraints.withNodeSelector(Map.of("zone", RandomRange.pick(zones, random)));
        }
        if (RandomRange.oneIn(4, random)) {
            return constraints.withRequiredAffinity(List.of(new NodeSelectorTerm(List.of(new NodeSelectorRequirement(
                    "zone", NodeSelectorRequirement.Operator.NOT_IN, List.of(RandomRange.pick(zones, random)))))));
        }
        return constraints;
    }
}
