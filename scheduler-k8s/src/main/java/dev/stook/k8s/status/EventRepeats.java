package dev.stook.k8s.status;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/** At most one Event per object and reason per interval: a pod waiting for an hour is not an hour of Events. Thread-safe. */
public final class EventRepeats {
    private static final int MAX_TRACKED_KEYS = 50_000;

    private final long intervalMillis;
    private final LongSupplier clock;
    private final Map<String, Long> lastByKey = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > MAX_TRACKED_KEYS;
        }
    };

    public EventRepeats(long intervalMillis, LongSupplier clock) {
        this.intervalMillis = intervalMillis;
        this.clock = clock;
    }

    /** True, and remembered, unless an Event with this key was let through within the interval. */
    public synchronized boolean admit(String key) {
        long now = clock.getAsLong();
        Long last = lastByKey.get(key);
        if (last != null && now - last < intervalMillis) {
            return false;
        }
        lastByKey.put(key, now);
        return true;
    }
}
