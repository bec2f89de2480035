package dev.stook.k8s.status;

import java.util.function.LongSupplier;

/** The overall budget of Events: a token bucket of {@code perSecond} with {@code burst}. Thread-safe. */
public final class EventRateLimiter {
    private final double perSecond;
    private final int burst;
    private final LongSupplier clock;
    private double tokens;
    private long refilledAtMillis;

    public EventRateLimiter(double perSecond, int burst, LongSupplier clock) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.clock = clock;
        this.tokens = burst;
        this.refilledAtMillis = clock.getAsLong();
    }

    /** Takes a token if there is one; otherwise says how many milliseconds until the next. */
    public synchronized long tryTake() {
        long now = clock.getAsLong();
        tokens = Math.min(burst, tokens + (now - refilledAtMillis) * perSecond / 1000.0);
        refilledAtMillis = now;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) * 1000.0 / perSecond));
    }
}
