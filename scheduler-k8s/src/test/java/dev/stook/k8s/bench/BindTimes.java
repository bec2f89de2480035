package dev.stook.k8s.bench;

import dev.stook.k8s.testing.ClusterInvariants;
import dev.stook.k8s.testing.PodVersions;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** When a watch first saw each pod of a namespace bound, in {@link System#nanoTime()}. */
final class BindTimes implements AutoCloseable {
    private final Map<String, Long> boundAt = new ConcurrentHashMap<>();
    private final CountDownLatch allBound;
    private final SharedIndexInformer<Pod> informer;

    BindTimes(KubernetesClient client, String namespace, int expected) {
        allBound = new CountDownLatch(expected);
        informer = PodVersions.inform(client.pods().inNamespace(namespace), this::seen);
    }

    private void seen(Pod pod) {
        if (ClusterInvariants.isBound(pod) && boundAt.putIfAbsent(pod.getMetadata().getName(), System.nanoTime()) == null) {
            allBound.countDown();
        }
    }

    boolean awaitAll(long minutes) throws InterruptedException {
        return allBound.await(minutes, TimeUnit.MINUTES);
    }

    /** When the pod was first seen bound, or null. */
    Long boundAt(String name) {
        return boundAt.get(name);
    }

    int bound() {
        return boundAt.size();
    }

    long first() {
        return boundAt.values().stream().mapToLong(Long::longValue).min().orElseThrow();
    }

    long last() {
        return boundAt.values().stream().mapToLong(Long::longValue).max().orElseThrow();
    }

    @Override
    public void close() {
        informer.stop();
    }
}
