package dev.stook.sim;

import dev.stook.core.model.NodeSelectorRequirement;
import dev.stook.core.model.NodeSelectorTerm;
import dev.stook.core.volume.AccessMode;
import dev.stook.core.volume.PersistentVolume;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code perNode} local disks on every node of a group, each a PersistentVolume of {@code storageClass} and
 * {@code sizeBytes} reachable from its node only, holding one shard of a dataset: disk k of node i holds shard
 * {@code (i * perNode + k) % shards}, named by the label {@link #SHARD}.
 */
public record LocalVolumes(int perNode, long sizeBytes, String storageClass, int shards) {
    static final String SHARD = "sim.stook.dev/shard";

    /** The node's disks, free, named {@code <node>-disk-<k>}. */
    List<PersistentVolume> of(String nodeName, int nodeIndex) {
        List<PersistentVolume> volumes = new ArrayList<>(perNode);
        NodeSelectorTerm onNode = new NodeSelectorTerm(List.of(new NodeSelectorRequirement(NodeGroup.HOSTNAME,
                NodeSelectorRequirement.Operator.IN, List.of(nodeName))));
        for (int k = 0; k < perNode; k++) {
            volumes.add(new PersistentVolume(nodeName + "-disk-" + k, sizeBytes, Set.of(AccessMode.READ_WRITE_ONCE),
                    storageClass, List.of(onNode), null, null, null, true,
                    Map.of(SHARD, Integer.toString((nodeIndex * perNode + k) % shards))));
        }
        return volumes;
    }
}
