package dev.stook.k8s.loop;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Keeps the queue config the leader last accepted in a ConfigMap of Stook's namespace, so that a leader
 * starting while the queue ConfigMap is missing or invalid enforces the same caps, guarantees and access
 * rules instead of an open cluster. Written on its own thread (the scheduling thread never waits on the
 * API server); only the newest config waiting to be written is kept.
 */
final class LastGoodQueueConfig implements Consumer<String>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LastGoodQueueConfig.class);

    private final KubernetesClient client;
    private final String namespace;
    private final String name;
    private final ThreadPoolExecutor writer;

    LastGoodQueueConfig(KubernetesClient client, String namespace, String name) {
        this.client = client;
        this.namespace = namespace;
        this.name = name;
        this.writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(1), task -> {
            Thread thread = new Thread(task, "stook-last-good-queues");
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.DiscardOldestPolicy());
    }

    /** The name of the copy kept for the queue ConfigMap named {@code queueConfigMap}. */
    static String nameFor(String queueConfigMap) {
        return queueConfigMap + "-last-good";
    }

    /** Writes {@code yaml} as the last good queue config, in the background. */
    @Override
    public void accept(String yaml) {
        writer.execute(() -> write(yaml));
    }

    private void write(String yaml) {
        ConfigMap copy = new ConfigMapBuilder().withNewMetadata().withNamespace(namespace).withName(name)
                .addToLabels("app.kubernetes.io/name", "stook")
                .addToAnnotations("stook.dev/purpose", "the last queue config the leader accepted; written by Stook,"
                        + " read by a leader whose queue ConfigMap is missing or invalid")
                .endMetadata().withData(Map.of(QueueConfigReloader.KEY, yaml)).build();
        try {
            client.configMaps().inNamespace(namespace).resource(copy).createOr(existing -> existing.update());
            LOG.info("queue config kept as the last good one in {}/{}", namespace, name);
        } catch (KubernetesClientException | IllegalStateException e) {
            // IllegalStateException: the client was closed under a write in flight at shutdown
            LOG.warn("the last good queue config could not be kept in {}/{}: {}; a new leader would start from"
                    + " the older copy", namespace, name, e.getMessage());
        }
    }

    @Override
    public void close() {
        writer.shutdownNow();
    }
}
