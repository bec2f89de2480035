package dev.stook.k8s.loop;

import dev.stook.core.model.PodId;
import dev.stook.k8s.watch.ClusterCache;
import dev.stook.k8s.watch.StorageKey;
import dev.stook.k8s.watch.WorkloadKey;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;

import java.util.List;
import java.util.Optional;

/** An informer cache that has synced and holds nothing; tests override what they fill. */
class EmptyClusterCache implements ClusterCache {
    @Override
    public Optional<Pod> pod(PodId id) {
        return Optional.empty();
    }

    @Override
    public List<Pod> pods() {
        return List.of();
    }

    @Override
    public Optional<Node> node(String name) {
        return Optional.empty();
    }

    @Override
    public List<Node> nodes() {
        return List.of();
    }

    @Override
    public Optional<Namespace> namespace(String name) {
        return Optional.empty();
    }

    @Override
    public List<Namespace> namespaces() {
        return List.of();
    }

    @Override
    public Optional<HasMetadata> workload(WorkloadKey key) {
        return Optional.empty();
    }

    @Override
    public List<WorkloadKey> workloads() {
        return List.of();
    }

    @Override
    public Optional<? extends HasMetadata> storageObject(StorageKey key) {
        return Optional.empty();
    }

    @Override
    public List<StorageKey> storageObjects() {
        return List.of();
    }

    @Override
    public Optional<ConfigMap> queueConfigMap() {
        return Optional.empty();
    }

    @Override
    public Optional<ConfigMap> lastGoodQueueConfigMap() {
        return Optional.empty();
    }

    @Override
    public boolean hasSynced() {
        return true;
    }
}
