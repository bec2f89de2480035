package dev.stook.k8s.testing;

import java.util.concurrent.atomic.AtomicInteger;

/** "The next N requests": how many a test still wants a fault injected into, taken one request at a time. */
final class NextRequests {
    private final AtomicInteger left = new AtomicInteger();

    void set(int count) {
        left.set(count);
    }

    /** True for each of the next N calls, then false. */
    boolean take() {
        return left.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }
}
