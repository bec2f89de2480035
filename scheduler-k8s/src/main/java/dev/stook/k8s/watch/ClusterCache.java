package dev.stook.k8s.watch;

import dev.stook.core.model.PodId;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;

import java.util.List;
import java.util.Optional;

/** The informers' current view of the cluster. Safe to read from any thread. */
public interface ClusterCache {
    Optional<Pod> pod(PodId id);

    List<Pod> pods();

    Optional<Node> node(String name);

    List<Node> nodes();

    Optional<ConfigMap> queueConfigMap();

    /** True once every informer has listed its objects at least once. */
    boolean hasSynced();
}
