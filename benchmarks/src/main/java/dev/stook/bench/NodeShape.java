package dev.stook.bench;

import dev.stook.core.model.Node;
import dev.stook.core.model.ResourceNames;
import dev.stook.core.model.Resources;
import dev.stook.core.model.Taint;
import dev.stook.core.model.TaintEffect;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A kind of machine in the synthetic cluster, and how common it is. */
record NodeShape(String pool, int cpuCores, int memoryGi, int gpus, List<Taint> taints, int weight) {
    static final String GPU = "nvidia.com/gpu";
    static final long GI = 1L << 30;
    static final int MAX_PODS = 110;
    static final List<String> ZONES = List.of("zone-a", "zone-b", "zone-c");

    static final List<NodeShape> CATALOGUE = List.of(
            new NodeShape("general", 8, 32, 0, List.of(), 30),
            new NodeShape("general", 32, 128, 0, List.of(), 25),
            new NodeShape("highmem", 16, 256, 0, List.of(), 10),
            new NodeShape("compute", 64, 128, 0, List.of(), 10),
            new NodeShape("spot", 16, 64, 0,
                    List.of(new Taint("lifecycle", "spot", TaintEffect.PREFER_NO_SCHEDULE)), 12),
            new NodeShape("batch", 48, 192, 0,
                    List.of(new Taint("dedicated", "batch", TaintEffect.NO_SCHEDULE)), 5),
            new NodeShape("gpu-t4", 16, 64, 4,
                    List.of(new Taint(GPU, "present", TaintEffect.NO_SCHEDULE)), 5),
            new NodeShape("gpu-a100", 96, 1024, 8,
                    List.of(new Taint(GPU, "present", TaintEffect.NO_SCHEDULE)), 3));

    Node toNode(String name, String zone, boolean cordoned) {
        Resources allocatable = Resources.builder()
                .cpuMillis(cpuCores * 1000L)
                .memoryBytes(memoryGi * GI)
                .pods(MAX_PODS)
                .setSlot(ResourceNames.indexOf(GPU), gpus)
                .build();
        Map<String, String> labels = new HashMap<>();
        labels.put("pool", pool);
        labels.put("topology.kubernetes.io/zone", zone);
        labels.put("kubernetes.io/hostname", name);
        if (gpus > 0) {
            labels.put("accelerator", pool.substring("gpu-".length()));
        }
        Node node = new Node(name, allocatable, labels, taints, false);
        return cordoned ? node.cordoned() : node;
    }
}
