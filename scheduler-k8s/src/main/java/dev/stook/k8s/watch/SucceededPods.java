package dev.stook.k8s.watch;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The store of the informer on Stook's pods in phase Succeeded, from which the scheduling loop learns data
 * locality. The pod informer cannot serve: its field selector leaves terminal pods out, and the API server
 * reports a pod that leaves the selection as deleted in its previous phase, so it never shows one succeed.
 * Succeeded pods pile up (a Job keeps its pods), so only the most recent are kept, each trimmed to what
 * learning reads: its name, uid and annotations and labels (the chunks it read), and its node.
 */
final class SucceededPods implements ItemStore<Pod> {
    static final int MAX_REMEMBERED = 10_000;

    private final Map<String, Pod> recent = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Pod> eldest) {
            return size() > MAX_REMEMBERED;
        }
    };

    @Override
    public String getKey(Pod pod) {
        return Cache.metaNamespaceKeyFunc(pod);
    }

    @Override
    public synchronized Pod put(String key, Pod pod) {
        return recent.put(key, trim(pod));
    }

    @Override
    public synchronized Pod remove(String key) {
        return recent.remove(key);
    }

    @Override
    public synchronized Stream<String> keySet() {
        return new ArrayList<>(recent.keySet()).stream();
    }

    @Override
    public synchronized Stream<Pod> values() {
        return new ArrayList<>(recent.values()).stream();
    }

    @Override
    public synchronized int size() {
        return recent.size();
    }

    @Override
    public synchronized Pod get(String key) {
        return recent.get(key);
    }

    private static Pod trim(Pod pod) {
        MetadataTrimmer.trim(pod.getMetadata());
        return new PodBuilder().withMetadata(new ObjectMetaBuilder().withNamespace(pod.getMetadata().getNamespace())
                        .withName(pod.getMetadata().getName()).withUid(pod.getMetadata().getUid())
                        .withResourceVersion(pod.getMetadata().getResourceVersion())
                        .withLabels(pod.getMetadata().getLabels()).withAnnotations(pod.getMetadata().getAnnotations()).build())
                .withNewSpec().withNodeName(pod.getSpec() == null ? null : pod.getSpec().getNodeName()).endSpec()
                .withNewStatus().withPhase(pod.getStatus() == null ? null : pod.getStatus().getPhase()).endStatus()
                .build();
    }
}
