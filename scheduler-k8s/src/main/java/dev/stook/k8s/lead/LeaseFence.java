package dev.stook.k8s.lead;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * Whether this instance may still write as the leader. A renewal that began at time t keeps the fence open
 * until t + renewDeadline: the server wrote the renewal no earlier than t, and a standby waits a whole lease
 * duration (longer than the renew deadline) after seeing it before it takes over, so requests sent before
 * the deadline cannot overlap a new leader's. Once the deadline passes without a renewal, or leadership is
 * lost, the fence stays closed: a later renewal does not reopen it, since the process is on its way out.
 */
public final class LeaseFence {
    private final long renewDeadlineNanos;
    private final LongSupplier nanoTime;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile long openUntilNanos;
    private volatile boolean renewed;

    public LeaseFence(long renewDeadlineNanos, LongSupplier nanoTime) {
        this.renewDeadlineNanos = renewDeadlineNanos;
        this.nanoTime = nanoTime;
    }

    /** A renewal (or the acquisition) that was sent at {@code startedNanos} succeeded. */
    public synchronized void renewed(long startedNanos) {
        if (renewed && !permits()) {
            return;
        }
        openUntilNanos = startedNanos + renewDeadlineNanos;
        renewed = true;
    }

    /** True while the last renewal is younger than the renew deadline and the lease was not lost. */
    public boolean permits() {
        if (closed.get() || !renewed) {
            return false;
        }
        if (nanoTime.getAsLong() - openUntilNanos >= 0) {
            close();
            return false;
        }
        return true;
    }

    public void close() {
        closed.set(true);
    }

    long nanoTime() {
        return nanoTime.getAsLong();
    }
}
