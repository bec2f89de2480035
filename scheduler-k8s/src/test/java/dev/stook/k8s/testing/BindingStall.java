package dev.stook.k8s.testing;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Lets a number of bindings through, then holds binding requests until resumed (or two minutes), so a
 * scheduler can be caught with a gang partly bound.
 */
final class BindingStall {
    private static final Duration STALL_LIMIT = Duration.ofMinutes(2);

    private final BooleanSupplier proxyClosed;
    private final Object lock = new Object();
    private int bindingsBeforeStall = Integer.MAX_VALUE;

    BindingStall(BooleanSupplier proxyClosed) {
        this.proxyClosed = proxyClosed;
    }

    void stallAfter(int count) {
        synchronized (lock) {
            bindingsBeforeStall = count;
        }
    }

    void resume() {
        synchronized (lock) {
            bindingsBeforeStall = Integer.MAX_VALUE;
            lock.notifyAll();
        }
    }

    /** False if bindings are stalled; else one of the bindings allowed before the stall is taken. */
    boolean takeSlot() {
        synchronized (lock) {
            if (bindingsBeforeStall <= 0) {
                return false;
            }
            if (bindingsBeforeStall != Integer.MAX_VALUE) {
                bindingsBeforeStall--;
            }
            return true;
        }
    }

    /** For a binding that was taken a slot but not carried out. */
    void giveBackSlot() {
        synchronized (lock) {
            if (bindingsBeforeStall != Integer.MAX_VALUE) {
                bindingsBeforeStall++;
            }
        }
    }

    /** Waits until bindings are resumed, the proxy closes, or the stall limit passes. */
    void awaitResume() throws InterruptedException {
        long deadline = System.nanoTime() + STALL_LIMIT.toNanos();
        synchronized (lock) {
            while (bindingsBeforeStall <= 0 && !proxyClosed.getAsBoolean()) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return;
                }
                lock.wait(left);
            }
        }
    }
}
