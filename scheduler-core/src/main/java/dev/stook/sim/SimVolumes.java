package dev.stook.sim;

import dev.stook.core.cluster.ClusterState;
import dev.stook.core.model.Node;
import dev.stook.core.model.Pod;
import dev.stook.core.volume.Claim;
import dev.stook.core.volume.PersistentVolume;
import dev.stook.core.volume.Storage;
import dev.stook.core.volume.StorageClass;
import dev.stook.core.volume.VolumeNeeds;

import java.util.List;

/**
 * The simulated storage: the node groups' local disks, the claims of the pods that claim one, and the part of
 * the PersistentVolume controller that binds a claim to the disk the scheduler chose as the pod is bound. When
 * the pod is gone, its claim is deleted and its disk made free again, as a local volume provisioner recycles it.
 */
final class SimVolumes {
    private final ClusterState cluster;

    SimVolumes(ClusterState cluster) {
        this.cluster = cluster;
    }

    void addDisks(NodeGroup group) {
        group.localVolumes().ifPresent(disks -> {
            cluster.updateStorageClass(disks.storageClass(), new StorageClass(disks.storageClass(),
                    StorageClass.NO_PROVISIONER, true, List.of()));
            List<Node> nodes = group.nodes();
            for (int i = 0; i < nodes.size(); i++) {
                for (PersistentVolume volume : disks.of(nodes.get(i).name(), i)) {
                    cluster.updateVolume(volume.name(), volume);
                }
            }
        });
    }

    /** The claims of a job's pods, when its workload claims disks. */
    void claim(SimJob job) {
        job.workload().claims().ifPresent(claims -> {
            for (Pod pod : job.pods()) {
                Claim claim = claims.claimFor(pod, job.name());
                cluster.updateClaim(claim.namespace(), claim.name(), claim);
            }
        });
    }

    /** A replacement claims what the pod it replaces claimed. */
    void replaced(Pod victim, Pod replacement) {
        Storage storage = cluster.storage();
        for (String name : victim.claims()) {
            Claim was = storage.claim(victim.id().namespace(), name);
            if (was != null) {
                String claimName = ShardClaims.claimName(replacement.id().name());
                cluster.updateClaim(was.namespace(), claimName, new Claim(was.namespace(), claimName,
                        replacement.id().name(), was.storageClass(), null, was.accessModes(), was.requestBytes(),
                        was.selector(), false));
            }
        }
    }

    /** Before the pod is bound: its claims are bound to the disks chosen for them. */
    void bind(Pod pod) {
        List<VolumeNeeds.Choice> choices = cluster.volumeChoices(pod.id());
        if (choices == null) {
            return;
        }
        Storage storage = cluster.storage();
        for (VolumeNeeds.Choice choice : choices) {
            PersistentVolume disk = storage.volume(choice.volume());
            Claim claim = choice.claim();
            cluster.updateVolume(disk.name(), new PersistentVolume(disk.name(), disk.capacityBytes(),
                    disk.accessModes(), disk.storageClass(), disk.nodeAffinity(), null, claim.key(), claim.uid(), false,
                    disk.labels()));
            cluster.updateClaim(claim.namespace(), claim.name(), new Claim(claim.namespace(), claim.name(),
                    claim.uid(), claim.storageClass(), disk.name(), claim.accessModes(), claim.requestBytes(),
                    claim.selector(), false));
        }
    }

    /** The pod is gone: its claims are deleted and their disks free again. */
    void gone(Pod pod) {
        Storage storage = cluster.storage();
        for (String name : pod.claims()) {
            Claim claim = storage.claim(pod.id().namespace(), name);
            if (claim == null) {
                continue;
            }
            PersistentVolume disk = claim.bound() ? storage.volume(claim.volumeName()) : null;
            if (disk != null) {
                cluster.updateVolume(disk.name(), new PersistentVolume(disk.name(), disk.capacityBytes(),
                        disk.accessModes(), disk.storageClass(), disk.nodeAffinity(), null, null, null, true,
                        disk.labels()));
            }
            cluster.updateClaim(claim.namespace(), claim.name(), null);
        }
    }
}
