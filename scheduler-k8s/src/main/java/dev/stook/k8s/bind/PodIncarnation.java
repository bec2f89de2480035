package dev.stook.k8s.bind;

import dev.stook.core.model.PodId;
import dev.stook.k8s.watch.ClusterCache;

/**
 * Whether the pod a decision was made for is still the one under its name. Kubernetes names can be reused
 * at once (a StatefulSet recreates {@code web-0} as soon as the old one is gone), and kube-apiserver before
 * v1.23 ignores a Binding's {@code metadata.uid}, so the informer cache is asked right before a write: it
 * closes the window up to the cache's lag, and the uid sent along closes the rest on servers that honour it.
 */
public final class PodIncarnation {
    private final ClusterCache cache;

    public PodIncarnation(ClusterCache cache) {
        this.cache = cache;
    }

    /** False when the cache holds no pod of that name, or one with another uid. */
    public boolean isCurrent(PodId pod, String uid) {
        return cache.pod(pod).map(current -> uid.equals(current.getMetadata().getUid())).orElse(false);
    }
}
