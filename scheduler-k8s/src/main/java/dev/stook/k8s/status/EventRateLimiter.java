package dev.stook.k8s.status;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Decides whether an Event may be sent: at most one per object and reason per interval, and overall a
 * token bucket of {@code perSecond} with {@code burst}. Thread-safe.
 */
public final class EventRateLimiter {
    private static final int MAX_TRACKED_KEYS = 50_000;

    private final double perSecond;
    private final int burst;
    private final long perKeyIntervalMillis;
    private final LongSupplier clock;
    private final Map<String, Long> lastSentByKey = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > MAX_TRACKED_KEYS;
        }
    };
    private double tokens;
    private long refilledAtMillis;

    public EventRateLimiter(double perSecond, int burst, long perKeyIntervalMillis, LongSupplier clock) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.perKeyIntervalMillis = perKeyIntervalMillis;
        this.clock = clock;
        this.tokens = burst;
        this.refilledAtMillis = clock.getAsLong();
    }

    public synchronized boolean tryAcquire(String key) {
        long now = clock.getAsLong();
        Long last = lastSentByKey.get(key);
        if (last != null && now - last < perKeyIntervalMillis) {
            return false;
        }
        tokens = Math.min(burst, tokens + (now - refilledAtMillis) * perSecond / 1000.0);
        refilledAtMillis = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        lastSentByKey.put(key, now);
        return true;
    }
}
