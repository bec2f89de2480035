package dev.stook.k8s.metrics;

import dev.stook.core.cycle.Decision;
import dev.stook.core.cycle.Scheduler;
import dev.stook.core.cycle.SchedulingObserver;

import java.util.List;

/**
 * The simulator's observer: its API server accepts every binding at once, so a bind decision is a bound pod
 * (end-to-end time in virtual time). No binding request is made, so binding durations stay empty.
 */
public final class SimulatedBinds implements SchedulingObserver {
    private final StookMetrics metrics;

    public SimulatedBinds(StookMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void cycleFinished(Scheduler scheduler, List<Decision> decisions, long nowMillis, long durationNanos) {
        metrics.cycles().cycleFinished(scheduler, decisions, nowMillis, durationNanos);
        for (Decision decision : decisions) {
            if (decision instanceof Decision.Bind bind) {
                metrics.bindings().podBound(bind.pod(), nowMillis);
            }
        }
    }

    @Override
    public void stateChanged(Scheduler scheduler, long nowMillis) {
        metrics.cycles().stateChanged(scheduler, nowMillis);
    }
}
