package dev.stook.bench;

import dev.stook.core.model.PlacementConstraints;
import dev.stook.core.model.PodId;
import dev.stook.core.model.Pod;
import dev.stook.core.model.ResourceNames;
import dev.stook.core.model.Resources;
import dev.stook.core.model.Toleration;

import java.util.List;
import java.util.Map;

/** A kind of pod in the synthetic workload, and how common it is. */
record PodShape(long cpuMillis, long memoryMi, int gpus, PlacementConstraints constraints, int weight) {
    private static final Toleration GPU_TOLERATION =
            new Toleration(NodeShape.GPU, Toleration.Operator.EXISTS, null, null);
    private static final Toleration SPOT_TOLERATION =
            new Toleration("lifecycle", Toleration.Operator.EQUAL, "spot", null);
    private static final Toleration BATCH_TOLERATION =
            new Toleration("dedicated", Toleration.Operator.EQUAL, "batch", null);

    static final List<PodShape> CATALOGUE = List.of(
            plain(100, 128, 12),
            plain(250, 256, 12),
            plain(500, 512, 10),
            plain(500, 2048, 6),
            plain(1000, 1024, 10),
            plain(1000, 4096, 6),
            plain(2000, 4096, 6),
            plain(4000, 8192, 4),
            plain(8000, 16384, 2),
            plain(16000, 65536, 1),
            constrained(2000, 32768, 0, selector("pool", "highmem"), List.of(), 4),
            constrained(4000, 131072, 0, selector("pool", "highmem"), List.of(), 1),
            constrained(8000, 8192, 0, selector("pool", "compute"), List.of(), 3),
            constrained(500, 1024, 0, selector("topology.kubernetes.io/zone", "zone-a"), List.of(), 4),
            constrained(1000, 2048, 0, Map.of(), List.of(SPOT_TOLERATION), 6),
            constrained(2000, 4096, 0, Map.of(), List.of(SPOT_TOLERATION), 3),
            constrained(4000, 16384, 0, selector("pool", "batch"), List.of(BATCH_TOLERATION), 3),
            constrained(1000, 4096, 0, Map.of(), List.of(BATCH_TOLERATION, SPOT_TOLERATION), 2),
            constrained(4000, 16384, 1, selector("accelerator", "t4"), List.of(GPU_TOLERATION), 3),
            constrained(8000, 65536, 2, selector("accelerator", "a100"), List.of(GPU_TOLERATION), 2),
            constrained(32000, 262144, 8, selector("accelerator", "a100"), List.of(GPU_TOLERATION), 1),
            // Asks for more GPUs than any t4 node has: a pod that waits, as some always do.
            constrained(4000, 16384, 8, selector("accelerator", "t4"), List.of(GPU_TOLERATION), 1));

    Pod toPod(String name) {
        Resources requests = Resources.builder()
                .cpuMillis(cpuMillis)
                .memoryBytes(memoryMi << 20)
                .setSlot(ResourceNames.indexOf(NodeShape.GPU), gpus)
                .build();
        return new Pod(new PodId("bench", name), requests, 0, 0, constraints);
    }

    private static PodShape plain(long cpuMillis, long memoryMi, int weight) {
        return new PodShape(cpuMillis, memoryMi, 0, PlacementConstraints.NONE, weight);
    }

    private static PodShape constrained(long cpuMillis, long memoryMi, int gpus, Map<String, String> nodeSelector,
                                        List<Toleration> tolerations, int weight) {
        PlacementConstraints constraints = new PlacementConstraints(nodeSelector, List.of(), tolerations);
        return new PodShape(cpuMillis, memoryMi, gpus, constraints, weight);
    }

    private static Map<String, String> selector(String key, String value) {
        return Map.of(key, value);
    }
}
