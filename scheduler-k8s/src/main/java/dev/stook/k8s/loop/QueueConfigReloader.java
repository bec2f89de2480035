package dev.stook.k8s.loop;

import dev.stook.core.queue.QueueConfig;
import dev.stook.core.queue.QueueConfigException;
import dev.stook.core.queue.QueueConfigParser;
import dev.stook.k8s.status.StatusReporter;
import io.fabric8.kubernetes.api.model.ConfigMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Validates the queue ConfigMap whenever it changes. A good config replaces the active one; a bad one is
 * reported (log and Event on the ConfigMap) and the last good one stays. No ConfigMap: the default queue.
 */
final class QueueConfigReloader {
    static final String KEY = "queues.yaml";
    private static final Logger LOG = LoggerFactory.getLogger(QueueConfigReloader.class);

    private final String configMapName;
    private final ActiveQueueConfig active;
    private final StatusReporter status;
    private final Consumer<Boolean> checked;
    private final BooleanSupplier leading;
    /** A rejection seen while not leading: a standby writes no Event, the leader it becomes does. */
    private Runnable unreported;
    private boolean loaded;
    private String lastSeen;

    /**
     * @param configMapName {@code namespace/name} of the queue ConfigMap, for the log
     * @param checked told of every changed config: true when applied, false when rejected
     * @param leading whether a rejection is reported now or on {@link #lead()}
     */
    QueueConfigReloader(String configMapName, ActiveQueueConfig active, StatusReporter status,
                        Consumer<Boolean> checked, BooleanSupplier leading) {
        this.configMapName = configMapName;
        this.active = active;
        this.status = status;
        this.checked = checked;
        this.leading = leading;
    }

    /** Reports the rejection of the config in force, if one was seen while not leading. */
    void lead() {
        if (unreported != null) {
            unreported.run();
            unreported = null;
        }
    }

    /** The new config when it changed and is valid, else empty. */
    Optional<QueueConfig> reload(Optional<ConfigMap> configMap) {
        String yaml = configMap.map(c -> c.getData() == null ? null : c.getData().get(KEY)).orElse(null);
        String identity = configMap.isEmpty() ? null : String.valueOf(yaml);
        if (loaded && Objects.equals(identity, lastSeen)) {
            return Optional.empty();
        }
        loaded = true;
        lastSeen = identity;
        unreported = null;
        if (configMap.isEmpty()) {
            LOG.info("no queue ConfigMap {}: one queue, default, takes every pod (config/queues.yaml is an example"
                    + " to start from)", configMapName);
            active.set(QueueConfig.singleDefaultQueue());
            checked.accept(true);
            return Optional.of(active.current());
        }
        ConfigMap source = configMap.get();
        String name = source.getMetadata().getNamespace() + "/" + source.getMetadata().getName();
        if (yaml == null) {
            reject(source, name + " has no key " + KEY);
            return Optional.empty();
        }
        try {
            QueueConfig config = QueueConfigParser.parse(yaml);
            active.set(config);
            LOG.info("queue config from {} applied: {} queues", name, config.all().size());
            checked.accept(true);
            return Optional.of(config);
        } catch (QueueConfigException e) {
            reject(source, name + " " + KEY + " rejected, the last good config stays: " + e.getMessage());
            return Optional.empty();
        }
    }

    private void reject(ConfigMap source, String message) {
        LOG.warn(message);
        if (leading.getAsBoolean()) {
            status.queueConfigRejected(source, message);
        } else {
            unreported = () -> status.queueConfigRejected(source, message);
        }
        checked.accept(false);
    }
}
