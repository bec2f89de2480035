package dev.stook.k8s.metrics;

import dev.stook.core.model.Pod;
import dev.stook.k8s.bind.BindObserver;
import dev.stook.k8s.bind.BindResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Binding requests (duration by outcome, failures as attempts with result {@code error}), the end-to-end
 * time from a pod's creation to its bind, and the locality of each bind. Thread-safe: binder threads call it.
 */
public final class BindingMetrics implements BindObserver {
    private final Map<BindResult.Outcome, Timer> durationByOutcome = new EnumMap<>(BindResult.Outcome.class);
    private final Counter errors;
    private final Timer endToEnd;

    BindingMetrics(MeterRegistry registry) {
        for (BindResult.Outcome outcome : BindResult.Outcome.values()) {
            durationByOutcome.put(outcome, Timer.builder("stook.binding.duration")
                    .description("One binding request to the API server, by outcome")
                    .tag("result", outcome.name().toLowerCase(Locale.ROOT))
                    .serviceLevelObjectives(LatencyBuckets.SCHEDULING).register(registry));
        }
        errors = Attempts.counter(registry, Attempts.ERROR);
        endToEnd = Timer.builder("stook.e2e.scheduling.duration").description("From a pod's creation to its bind")
                .serviceLevelObjectives(LatencyBuckets.WAITING).register(registry);
        // Registered before any data: the engine does not place by data chunks yet, and the series must exist.
        DistributionSummary.builder("stook.locality.local.bytes.ratio")
                .description("Per bind of a pod that reads data chunks: the share of its bytes cached on its node")
                .serviceLevelObjectives(0.01, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.99, 1)
                .register(registry);
    }

    @Override
    public void bindingFinished(BindResult result, long durationNanos) {
        durationByOutcome.get(result.outcome()).record(durationNanos, TimeUnit.NANOSECONDS);
        switch (result.outcome()) {
            case BOUND -> podBound(result.pod(), System.currentTimeMillis());
            case FAILED -> errors.increment();
            case REFUSED, STALE -> { }
        }
    }

    /** The pod is bound at the given time (the API server accepted it, or the simulator bound it). */
    public void podBound(Pod pod, long boundAtMillis) {
        endToEnd.record(Math.max(0, boundAtMillis - pod.createdAtMillis()), TimeUnit.MILLISECONDS);
    }
}
