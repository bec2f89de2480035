package dev.stook.k8s.startup;

import java.util.concurrent.Executor;

/**
 * Runs a start-up task on a daemon thread of its own. Not the common pool: with two cpus it has one thread, so
 * the certificate, the checks and the admission key would wait for each other there.
 */
public final class StartupThread {
    private StartupThread() {
    }

    public static Executor named(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            thread.start();
        };
    }
}
