package dev.stook.sim;

import dev.stook.core.cycle.TimeSource;

/** The simulator's clock: the engine reads it, the simulator moves it forward from event to event. */
final class VirtualClock implements TimeSource {
    private long nowMillis;

    @Override
    public long nowMillis() {
        return nowMillis;
    }

    void advanceTo(long millis) {
        if (millis < nowMillis) {
            throw new IllegalArgumentException("virtual time cannot go back from " + nowMillis + " to " + millis);
        }
        nowMillis = millis;
    }
}
