package dev.stook.k8s.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Histogram bucket bounds for Stook's timers. */
final class LatencyBuckets {
    /** 100 µs to 60 s at 1, 2.5 and 5 per decade: a cycle, a binding, a pod placed in a quiet cluster. */
    static final Duration[] SCHEDULING = scheduling();

    /** {@link #SCHEDULING}, then up to an hour: batch pods and gangs wait for capacity for minutes. */
    static final Duration[] WAITING = waiting();

    private LatencyBuckets() {}

    private static Duration[] scheduling() {
        List<Duration> bounds = new ArrayList<>();
        for (long decadeMicros = 100; decadeMicros <= 10_000_000; decadeMicros *= 10) {
            bounds.add(Duration.ofNanos(decadeMicros * 1_000));
            bounds.add(Duration.ofNanos(decadeMicros * 2_500));
            bounds.add(Duration.ofNanos(decadeMicros * 5_000));
        }
        bounds.add(Duration.ofSeconds(60));
        return bounds.toArray(Duration[]::new);
    }

    private static Duration[] waiting() {
        List<Duration> bounds = new ArrayList<>(List.of(SCHEDULING));
        for (long minutes : new long[] {2, 5, 10, 30, 60}) {
            bounds.add(Duration.ofMinutes(minutes));
        }
        return bounds.toArray(Duration[]::new);
    }
}
