package dev.stook.k8s.watch;

import dev.stook.core.model.PodId;
import dev.stook.k8s.translate.GangObjectKey;
import dev.stook.k8s.translate.GangObjectKind;

/**
 * Where informers say that something changed. Only keys travel: the receiver reads the object's current
 * state from the {@link ClusterCache}, so late, repeated or relisted notifications can never apply stale
 * state. Implementations must not block.
 */
public interface ClusterChanges {
    void podChanged(PodId id);

    void nodeChanged(String name);

    void namespaceChanged(String name);

    /** A Service, ReplicationController, ReplicaSet or StatefulSet was added, changed or deleted. */
    void workloadChanged(WorkloadKey key);

    /** A PersistentVolumeClaim, PersistentVolume, StorageClass or CSINode was added, changed or deleted. */
    void storageChanged(StorageKey key);

    void queueConfigChanged();

    /** An object that may declare gangs (a PodGroup, a Job) was added, changed or deleted. */
    void gangObjectChanged(GangObjectKey key);

    /** Objects of the kind were listed for the first time: pods naming one may have a declared gang now. */
    void gangObjectsServed(GangObjectKind kind);
}
