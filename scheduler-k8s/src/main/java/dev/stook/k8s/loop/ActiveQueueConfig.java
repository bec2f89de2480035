package dev.stook.k8s.loop;

import dev.stook.core.queue.QueueConfig;

/**
 * The queue config in force: the last one that passed validation, or the single default queue while the
 * ConfigMap is absent. Written and read by the scheduling thread; volatile so health or metrics may read it.
 */
public final class ActiveQueueConfig {
    private volatile QueueConfig current = QueueConfig.singleDefaultQueue();

    public QueueConfig current() {
        return current;
    }

    void set(QueueConfig config) {
        current = config;
    }
}
