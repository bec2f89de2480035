package dev.stook.k8s.loop;

import dev.stook.core.queue.QueueConfig;
import dev.stook.core.queue.QueueConfigException;
import dev.stook.core.queue.QueueConfigParser;
import dev.stook.k8s.status.StatusReporter;
import dev.stook.k8s.watch.ClusterCache;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Validates the queue ConfigMap whenever it changes, and fails closed. A good config replaces the active
 * one and, while leading, is kept as the last good copy. A bad config, or the ConfigMap's deletion, is
 * reported (log and Event regarding the ConfigMap) and changes nothing; a process that has accepted no
 * config yet starts from the last good copy instead, or, with none, schedules nothing until the ConfigMap
 * is fixed. Only when neither ConfigMap exists does one queue, default, take every pod.
 */
final class QueueConfigReloader {
    static final String KEY = "queues.yaml";
    private static final Logger LOG = LoggerFactory.getLogger(QueueConfigReloader.class);

    private final String namespace;
    private final String configMapName;
    private final ClusterCache cache;
    private final ActiveQueueConfig active;
    private final StatusReporter status;
    private final Consumer<String> keepLastGood;
    private final Consumer<Boolean> checked;
    private final BooleanSupplier leading;
    /** A problem seen while not leading: a standby writes no Event, the leader it becomes does. */
    private Runnable unreported;
    private boolean loaded;
    private String lastSeen;
    /** The text of the config in force, or null while it is the default queue. */
    private String acceptedYaml;

    /**
     * @param keepLastGood writes the text of an accepted config where a new leader finds it
     * @param checked told of every changed config: true when applied, false when refused
     * @param leading whether a problem is reported, and a config kept, now or on {@link #lead()}
     */
    QueueConfigReloader(String namespace, String configMapName, ClusterCache cache, ActiveQueueConfig active,
                        StatusReporter status, Consumer<String> keepLastGood, Consumer<Boolean> checked,
                        BooleanSupplier leading) {
        this.namespace = namespace;
        this.configMapName = configMapName;
        this.cache = cache;
        this.active = active;
        this.status = status;
        this.keepLastGood = keepLastGood;
        this.checked = checked;
        this.leading = leading;
    }

    /** Reports the problem with the config in force, if one was seen while not leading, and keeps the config. */
    void lead() {
        if (unreported != null) {
            unreported.run();
            unreported = null;
        }
        keepIfNew();
    }

    /** The new config when it changed, else empty. */
    Optional<QueueConfig> reload() {
        Optional<ConfigMap> configMap = cache.queueConfigMap();
        String yaml = queuesYaml(configMap);
        String identity = configMap.isEmpty() ? null : String.valueOf(yaml);
        if (loaded && Objects.equals(identity, lastSeen)) {
            return Optional.empty();
        }
        loaded = true;
        lastSeen = identity;
        unreported = null;
        if (configMap.isEmpty()) {
            return missing();
        }
        if (yaml == null) {
            return refused("has no key " + KEY);
        }
        try {
            QueueConfig config = QueueConfigParser.parse(yaml);
            LOG.info("queue config from {} applied: {} queues", source(), config.all().size());
            checked.accept(true);
            return apply(config, yaml);
        } catch (QueueConfigException e) {
            return refused(KEY + " rejected: " + e.getMessage());
        }
    }

    private Optional<QueueConfig> missing() {
        if (acceptedYaml != null) {
            report("QueueConfigDeleted", source() + " was deleted; the last good config stays in force (write a"
                    + " config whose queues set no limits to lift them)");
            checked.accept(false);
            return Optional.empty();
        }
        Optional<QueueConfig> lastGood = lastGood();
        if (lastGood.isPresent()) {
            report("QueueConfigDeleted", source() + " does not exist; starting from the last good config in "
                    + lastGoodName());
            checked.accept(false);
            return lastGood;
        }
        LOG.info("no queue ConfigMap {}: one queue, default, takes every pod (config/queues.yaml is an example"
                + " to start from)", source());
        active.set(QueueConfig.singleDefaultQueue());
        checked.accept(true);
        return Optional.of(active.current());
    }

    private Optional<QueueConfig> refused(String problem) {
        checked.accept(false);
        if (acceptedYaml != null) {
            report("InvalidQueueConfig", source() + " " + problem + "; the last good config stays");
            return Optional.empty();
        }
        Optional<QueueConfig> lastGood = lastGood();
        if (lastGood.isPresent()) {
            report("InvalidQueueConfig", source() + " " + problem + "; starting from the last good config in "
                    + lastGoodName());
            return lastGood;
        }
        report("InvalidQueueConfig", source() + " " + problem + "; no good queue config was ever accepted, so no"
                + " pod is scheduled until it is fixed");
        active.set(QueueConfig.closed("the queue config " + source() + " is invalid and no good one was ever"
                + " accepted: no pod is scheduled until it is fixed"));
        return Optional.of(active.current());
    }

    /** The last good copy, applied, or empty when there is none Stook can read. */
    private Optional<QueueConfig> lastGood() {
        String yaml = queuesYaml(cache.lastGoodQueueConfigMap());
        if (yaml == null) {
            return Optional.empty();
        }
        try {
            return apply(QueueConfigParser.parse(yaml), yaml);
        } catch (QueueConfigException e) {
            LOG.warn("the last good queue config in {} is not valid either, so it is ignored: {}", lastGoodName(),
                    e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<QueueConfig> apply(QueueConfig config, String yaml) {
        active.set(config);
        acceptedYaml = yaml;
        if (leading.getAsBoolean()) {
            keepIfNew();
        }
        return Optional.of(config);
    }

    private void keepIfNew() {
        if (acceptedYaml != null && !acceptedYaml.equals(queuesYaml(cache.lastGoodQueueConfigMap()))) {
            keepLastGood.accept(acceptedYaml);
        }
    }

    private void report(String reason, String message) {
        LOG.warn(message);
        ConfigMap regarding = cache.queueConfigMap().orElseGet(() -> new ConfigMapBuilder().withNewMetadata()
                .withNamespace(namespace).withName(configMapName).endMetadata().build());
        if (leading.getAsBoolean()) {
            status.queueConfigProblem(regarding, reason, message);
        } else {
            unreported = () -> status.queueConfigProblem(regarding, reason, message);
        }
    }

    private static String queuesYaml(Optional<ConfigMap> configMap) {
        return configMap.map(c -> c.getData() == null ? null : c.getData().get(KEY)).orElse(null);
    }

    private String source() {
        return namespace + "/" + configMapName;
    }

    private String lastGoodName() {
        return namespace + "/" + LastGoodQueueConfig.nameFor(configMapName);
    }
}
