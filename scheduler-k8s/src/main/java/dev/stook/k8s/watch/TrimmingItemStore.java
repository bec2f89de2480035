package dev.stook.k8s.watch;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;

import java.util.function.UnaryOperator;

/** An informer's store that trims every object as it is stored, so the cache holds only what Stook reads. */
final class TrimmingItemStore<T extends HasMetadata> extends BasicItemStore<T> {
    private final UnaryOperator<T> trimmer;

    TrimmingItemStore(UnaryOperator<T> trimmer) {
        super(Cache::metaNamespaceKeyFunc);
        this.trimmer = trimmer;
    }

    @Override
    public T put(String key, T object) {
        return super.put(key, trimmer.apply(object));
    }
}
