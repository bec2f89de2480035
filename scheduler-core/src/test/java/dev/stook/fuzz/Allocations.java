package dev.stook.fuzz;

import java.lang.management.ManagementFactory;

/** Bytes the current thread allocates while a call runs, whatever the call throws. */
public final class Allocations {
    private Allocations() {}

    public static long during(Runnable call) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        try {
            call.run();
        } catch (RuntimeException expected) {
            // the caller asserts on the outcome separately; only the cost is measured here
        }
        return threads.getThreadAllocatedBytes(thread) - before;
    }
}
