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

    /** Tells each observer in turn. */
    static SchedulingObserver all(SchedulingObserver... observers) {
        List<SchedulingObserver> each = List.of(observers);
        return new SchedulingObserver() {
            @Override
            public void cycleFinished(Scheduler scheduler, List<Decision> decisions, long nowMillis, long durationNanos) {
                each.forEach(observer -> observer.cycleFinished(scheduler, decisions, nowMillis, durationNanos));
            }

            @Override
            public void stateChanged(Scheduler scheduler, long nowMillis) {
                each.forEach(observer -> observer.stateChanged(scheduler, nowMillis));
            }

            @Override
            public void timeAdvanced(Scheduler scheduler, long nowMillis) {
                each.forEach(observer -> observer.timeAdvanced(scheduler, nowMillis));
            }
        };
    }

    /** After every {@link Scheduler#runCycle()}: its decisions, the scheduler's time and how long the cycle took. */
    void cycleFinished(Scheduler scheduler, List<Decision> decisions, long nowMillis, long durationNanos);

    /**
     * A simulation's virtual clock moved on to its next tick, before anything of that tick happened: the state
     * is still the previous tick's. The Kubernetes adapter does not call it.
     */
    default void timeAdvanced(Scheduler scheduler, long nowMillis) {
    }

    /** The state changed with no cycle to follow, such as pods finishing after the last cycle of a simulation. */
    void stateChanged(Scheduler scheduler, long nowMillis);
}
