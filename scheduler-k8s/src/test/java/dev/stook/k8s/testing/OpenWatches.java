package dev.stook.k8s.testing;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The watches open through the proxy, which a test can silence, drop or expire. */
final class OpenWatches {
    private final Set<WatchTunnel> watches = ConcurrentHashMap.newKeySet();
    private final AtomicInteger dropped = new AtomicInteger();
    private volatile boolean silenced;

    /** A watch opened: silenced at once if watches are. */
    void opened(WatchTunnel watch) {
        watches.add(watch);
        if (silenced) {
            watch.silence();
        }
    }

    void closed(WatchTunnel watch) {
        watches.remove(watch);
    }

    int count() {
        return watches.size();
    }

    void silence() {
        silenced = true;
        watches.forEach(WatchTunnel::silence);
    }

    void drop() {
        silenced = false;
        for (WatchTunnel watch : watches) {
            watch.reset();
        }
        dropped.incrementAndGet();
    }

    void expire() {
        silenced = false;
        for (WatchTunnel watch : watches) {
            watch.expire();
        }
        dropped.incrementAndGet();
    }

    /** How many times open watches were expired or dropped. */
    int dropped() {
        return dropped.get();
    }
}
