package dev.stook.sim;

import dev.stook.core.model.LabelSelector;
import dev.stook.core.model.Pod;
import dev.stook.core.volume.AccessMode;
import dev.stook.core.volume.Claim;

import java.util.Map;
import java.util.Set;

/**
 * Each pod of a workload claims one local disk of {@code storageClass} holding its job's shard of the dataset
 * (the job's shard follows from its name, so runs repeat), at least {@code sizeBytes} large: its claim is named
 * {@code <pod>-data} and selects disks by {@link LocalVolumes#SHARD}.
 */
public record ShardClaims(String storageClass, long sizeBytes, int shards) {
    static String claimName(String podName) {
        return podName + "-data";
    }

    Claim claimFor(Pod pod, String jobName) {
        int shard = Math.floorMod(jobName.hashCode(), shards);
        return new Claim(pod.id().namespace(), claimName(pod.id().name()), pod.id().name(), storageClass, null,
                Set.of(AccessMode.READ_WRITE_ONCE), sizeBytes,
                new LabelSelector(Map.of(LocalVolumes.SHARD, Integer.toString(shard)), java.util.List.of()), false);
    }
}
