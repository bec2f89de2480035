package dev.stook.k8s.testing;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Breaks every open watch of the mock API server periodically, alternately by closing it (clients watch
 * again) and by expiring it with 410 Gone (clients relist).
 */
public final class WatchDropper implements AutoCloseable {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "watch-dropper");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger rounds = new AtomicInteger();

    public WatchDropper(MockApiDispatcher dispatcher, long periodMillis) {
        timer.scheduleAtFixedRate(() -> {
            if (rounds.getAndIncrement() % 2 == 0) {
                dispatcher.dropWatches();
            } else {
                dispatcher.expireWatches();
            }
        }, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
