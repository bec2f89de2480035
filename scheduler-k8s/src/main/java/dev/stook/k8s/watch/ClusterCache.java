package dev.stook.k8s.watch;

import dev.stook.core.model.PodId;
import dev.stook.k8s.translate.GangObjectKey;
import dev.stook.k8s.translate.GangObjectKind;
import dev.stook.k8s.translate.GangObjects;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;

import java.util.List;
import java.util.Optional;

/** The informers' current view of the cluster. Safe to read from any thread. */
public interface ClusterCache extends GangObjects {
    Optional<Pod> pod(PodId id);

    List<Pod> pods();

    /**
     * The pod of Stook's under this name last seen in phase Succeeded, if it is among the most recent ones:
     * {@link #pod} never shows a pod that ended. Trimmed to its name, uid, labels, annotations and node.
     */
    default Optional<Pod> succeededPod(PodId id) {
        return Optional.empty();
    }

    Optional<Node> node(String name);

    List<Node> nodes();

    /** The namespace, trimmed to its name and labels. */
    Optional<Namespace> namespace(String name);

    List<Namespace> namespaces();

    /**
     * The Service, ReplicationController, ReplicaSet or StatefulSet, trimmed to its identity and selector;
     * empty when it is gone or not watched (default spread constraints are off).
     */
    Optional<HasMetadata> workload(WorkloadKey key);

    /** Every Service, ReplicationController, ReplicaSet and StatefulSet cached; none when not watched. */
    List<WorkloadKey> workloads();

    /** The PersistentVolumeClaim, PersistentVolume, StorageClass or CSINode, or empty once it is gone. */
    Optional<? extends HasMetadata> storageObject(StorageKey key);

    /** Every PersistentVolumeClaim, PersistentVolume, StorageClass and CSINode cached. */
    List<StorageKey> storageObjects();

    /** None served unless the cache watches them. */
    @Override
    default String servedVersion(GangObjectKind kind) {
        return null;
    }

    @Override
    default Optional<HasMetadata> gangObject(GangObjectKey key) {
        return Optional.empty();
    }

    Optional<ConfigMap> queueConfigMap();

    /** The copy of the queue config the leader last accepted, kept for a leader starting without a good one. */
    Optional<ConfigMap> lastGoodQueueConfigMap();

    /** True once every informer has listed its objects at least once. */
    boolean hasSynced();
}
