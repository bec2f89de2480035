package dev.stook.k8s.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code stook_schedule_attempts_total{result}}, as kube-scheduler counts them: {@code scheduled} for each
 * bind decided, {@code unschedulable} for each pod told it waits (with a new explanation; a pod whose reason
 * did not change is not counted again), {@code error} for each binding that failed.
 */
final class Attempts {
    static final String SCHEDULED = "scheduled";
    static final String UNSCHEDULABLE = "unschedulable";
    static final String ERROR = "error";

    private Attempts() {}

    static Counter counter(MeterRegistry registry, String result) {
        return Counter.builder("stook.schedule.attempts").description("Scheduling attempts by result")
                .tag("result", result).register(registry);
    }
}
