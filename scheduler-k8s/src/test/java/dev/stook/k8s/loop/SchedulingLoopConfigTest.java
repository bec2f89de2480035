package dev.stook.k8s.loop;

import dev.stook.k8s.admit.AdmissionSeal;
import dev.stook.core.cycle.Decision;
import dev.stook.core.cycle.Scheduler;
import dev.stook.core.cycle.SchedulerSettings;
import dev.stook.core.cycle.SchedulingObserver;
import dev.stook.core.locality.ChunkIndexSettings;
import dev.stook.k8s.config.SchedulerConfig;
import dev.stook.k8s.config.SchedulerConfigLoader;
import dev.stook.k8s.status.StatusReporter;
import dev.stook.k8s.watch.ClusterCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code config/scheduler.yaml} says about the engine is what the scheduling loop runs. */
class SchedulingLoopConfigTest {
    @Test
    @Timeout(10)
    void theEngineRunsWithTheConfiguredTunables() {
        SchedulerConfig config = SchedulerConfigLoader.parse("""
                gangAdmission: false
                starvationTimeout: 2m
                gangSettleTime: 250ms
                localityWait: 10s
                localityThreshold: 0.5
                learnedLocalityTtl: 10m
                learnedLocalityMaxRanges: 5000
                """, "scheduler.yaml");
        assertThat(config.engine()).isNotEqualTo(SchedulerSettings.DEFAULTS);
        assertThat(config.learnedLocality()).isNotEqualTo(ChunkIndexSettings.DEFAULTS);

        Scheduler engine = engineBuiltBy(config);

        assertThat(engine.settings()).isEqualTo(new SchedulerSettings(false, 120_000, 250, 10_000, 0.5,
                SchedulerSettings.DEFAULT_SPARK_HOLD_MILLIS));
        var learned = engine.cluster().chunkIndex().learnedCache().policy();
        assertThat(learned.expireAfterWrite().orElseThrow().getExpiresAfter(TimeUnit.MILLISECONDS)).isEqualTo(600_000);
        assertThat(learned.eviction().orElseThrow().getMaximum()).isEqualTo(5_000);
    }

    /** Runs the loop over an empty, synced cluster up to its first cycle and returns the scheduler that ran it. */
    private static Scheduler engineBuiltBy(SchedulerConfig config) {
        AtomicReference<Scheduler> engine = new AtomicReference<>();
        AtomicReference<SchedulingLoop> loop = new AtomicReference<>();
        SchedulingObserver firstCycle = new SchedulingObserver() {
            @Override
            public void cycleFinished(Scheduler scheduler, List<Decision> decisions, long nowMillis, long durationNanos) {
                engine.set(scheduler);
                loop.get().stop();
            }

            @Override
            public void stateChanged(Scheduler scheduler, long nowMillis) {
            }
        };
        ClusterCache cache = new EmptyClusterCache();
        // An empty cluster gives the loop nothing to report, so the reporter needs no API client.
        StatusReporter status = new StatusReporter(cache, null, null);
        loop.set(new SchedulingLoop(config, cache, new AdmissionSeal(new byte[32]), new Inbox(), binding -> {},
                eviction -> {}, status, new ActiveQueueConfig(), yaml -> {}, firstCycle, applied -> {}));
        loop.get().lead();
        loop.get().run();
        return engine.get();
    }
}
