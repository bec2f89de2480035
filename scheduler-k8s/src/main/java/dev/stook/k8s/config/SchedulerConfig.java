package dev.stook.k8s.config;

import dev.stook.core.cycle.SchedulerSettings;
import dev.stook.core.locality.ChunkIndexSettings;
import dev.stook.core.plugins.DefaultSpreadConstraints;
import dev.stook.core.plugins.PluginProfile;
import dev.stook.k8s.logging.LogSettings;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Everything {@code stook run} can be told, with the defaults of {@code config/scheduler.yaml}. Immutable.
 * Durations are in milliseconds. {@code namespace} is null until resolved from the environment. The engine's
 * own tunables and their defaults are the core's: {@code engine} for the scheduler, {@code learnedLocality}
 * for the chunk index's cache of locations learned from finished pods. {@code tlsCertFile} and
 * {@code tlsPrivateKeyFile} are both null (a self-signed serving certificate) or both set. {@code defaultSpread}
 * is what pods without spread constraints of their own get.
 */
public record SchedulerConfig(
        String schedulerName,
        String namespace,
        String queueConfigMap,
        String leaseName,
        int healthPort,
        Map<String, Integer> scoreWeights,
        SchedulerSettings engine,
        ChunkIndexSettings learnedLocality,
        int bindConcurrency,
        long requestTimeoutMillis,
        long bindBackoffInitialMillis,
        long bindBackoffMaxMillis,
        long bindConfirmTimeoutMillis,
        long volumeBindTimeoutMillis,
        long podGroupCrdCheckMillis,
        int evictConcurrency,
        int evictAttempts,
        long leaseDurationMillis,
        long renewDeadlineMillis,
        long retryPeriodMillis,
        long shutdownTimeoutMillis,
        double eventsPerSecond,
        int eventBurst,
        long eventPerObjectIntervalMillis,
        LogSettings logging,
        Path tlsCertFile,
        Path tlsPrivateKeyFile,
        DefaultSpreadConstraints defaultSpread) {

    public static final String DEFAULT_NAMESPACE = "stook-system";

    public static final SchedulerConfig DEFAULTS = new SchedulerConfig("stook", null, "stook-queues",
            "stook-scheduler", 10259, PluginProfile.DEFAULT_WEIGHTS, SchedulerSettings.DEFAULTS,
            ChunkIndexSettings.DEFAULTS, 16, 10_000, 1_000, 60_000, 30_000, 600_000, 30_000, 4, 5, 10_000, 7_000, 2_000, 10_000, 10, 50,
            60_000, LogSettings.DEFAULTS, null, null, DefaultSpreadConstraints.SYSTEM);

    public SchedulerConfig {
        Objects.requireNonNull(schedulerName, "schedulerName");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(learnedLocality, "learnedLocality");
        Objects.requireNonNull(logging, "logging");
        Objects.requireNonNull(defaultSpread, "defaultSpread");
        scoreWeights = Map.copyOf(scoreWeights);
        if ((tlsCertFile == null) != (tlsPrivateKeyFile == null)) {
            throw new IllegalArgumentException("tlsCertFile and tlsPrivateKeyFile go together");
        }
    }

    public SchedulerConfig withNamespace(String newNamespace) {
        return new SchedulerConfig(schedulerName, newNamespace, queueConfigMap, leaseName, healthPort, scoreWeights,
                engine, learnedLocality, bindConcurrency, requestTimeoutMillis,
                bindBackoffInitialMillis, bindBackoffMaxMillis, bindConfirmTimeoutMillis, volumeBindTimeoutMillis,
                podGroupCrdCheckMillis, evictConcurrency, evictAttempts,
                leaseDurationMillis,
                renewDeadlineMillis, retryPeriodMillis, shutdownTimeoutMillis, eventsPerSecond, eventBurst,
                eventPerObjectIntervalMillis, logging, tlsCertFile, tlsPrivateKeyFile, defaultSpread);
    }

    public SchedulerConfig withHealthPort(int port) {
        return new SchedulerConfig(schedulerName, namespace, queueConfigMap, leaseName, port, scoreWeights,
                engine, learnedLocality, bindConcurrency, requestTimeoutMillis,
                bindBackoffInitialMillis, bindBackoffMaxMillis, bindConfirmTimeoutMillis, volumeBindTimeoutMillis,
                podGroupCrdCheckMillis, evictConcurrency, evictAttempts,
                leaseDurationMillis,
                renewDeadlineMillis, retryPeriodMillis, shutdownTimeoutMillis, eventsPerSecond, eventBurst,
                eventPerObjectIntervalMillis, logging, tlsCertFile, tlsPrivateKeyFile, defaultSpread);
    }

    public SchedulerConfig withLogging(LogSettings newLogging) {
        return new SchedulerConfig(schedulerName, namespace, queueConfigMap, leaseName, healthPort, scoreWeights,
                engine, learnedLocality, bindConcurrency, requestTimeoutMillis,
                bindBackoffInitialMillis, bindBackoffMaxMillis, bindConfirmTimeoutMillis, volumeBindTimeoutMillis,
                podGroupCrdCheckMillis, evictConcurrency, evictAttempts,
                leaseDurationMillis,
                renewDeadlineMillis, retryPeriodMillis, shutdownTimeoutMillis, eventsPerSecond, eventBurst,
                eventPerObjectIntervalMillis, newLogging, tlsCertFile, tlsPrivateKeyFile, defaultSpread);
    }
}
