package dev.stook.core.cycle;

/** Where the engine reads the time: the wall clock in a cluster, a virtual clock in the simulator. */
@FunctionalInterface
public interface TimeSource {
    TimeSource SYSTEM = System::currentTimeMillis;

    long nowMillis();
}
