package dev.stook.core.cycle;

import java.util.List;

/**
 * Watches the engine from outside (metrics, for one): whoever drives the {@link Scheduler} calls it on the
 * scheduling thread, so an observer may read the scheduler and its cluster state during the call.
 */
public interface SchedulingObserver {
    SchedulingObserver NONE = new SchedulingObserver() {
        @Override
        public void cycleFinished(Scheduler scheduler, List<Decision> decisions, long nowMillis, long durationNanos) {
        }

        @Override
        public void stateChanged(Scheduler scheduler, long nowMillis) {
        }
    };

    /** After every {@link Scheduler#runCycle()}: its decisions, the scheduler's time and how long the cycle took. */
    void cycleFinished(Scheduler scheduler, List<Decision> decisions, long nowMillis, long durationNanos);

    /** The state changed with no cycle to follow, such as pods finishing after the last cycle of a simulation. */
    void stateChanged(Scheduler scheduler, long nowMillis);
}
