package dev.stook.k8s.testing;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Breaks every open watch periodically, alternately by closing it (clients watch
 * again) and by expiring it with 410 Gone (clients relist).
 */
public final class WatchDropper implements AutoCloseable {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "watch-dropper");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger rounds = new AtomicInteger();

    public WatchDropper(FaultyApi api, long periodMillis) {
        timer.scheduleAtFixedRate(() -> {
            if (rounds.getAndIncrement() % 2 == 0) {
                api.dropWatches();
            } else {
                api.expireWatches();
            }
        }, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
