package dev.stook.sim;

import dev.stook.core.locality.LocalReads;

import java.util.List;

/**
 * What a simulation measured. Every figure but {@code engineNanos} is in virtual time and depends only
 * on the scenario, seed and settings; {@code engineNanos} is real time spent inside the engine's cycles.
 * {@code jobCompletion} covers finished jobs, from a job's arrival to its last pod finishing.
 * {@code podsSubmitted} includes the replacements of evicted pods; {@code queues} follows every queue of
 * the scenario's queue tree, parents before children. {@code dataLocality} sums, over every bind, the
 * bytes pods read and those cached on their node. {@code cycleTimes} is real time per cycle, {@code cycleCpuTimes} its cpu time, and
 * {@code engineCpuNanos} the scheduling thread's cpu time in cycles (steadier than real time on a busy machine);
 * {@code peakHeapAfterGcBytes} the most heap left live after a collection, sampled between cycles, out of
 * {@code maxHeapBytes} (the JVM's {@code -Xmx}). {@code gangPlacement} says how compactly gangs were placed
 * in the nodes' topology.
 */
public record SimulationReport(String scenario, long seed, int nodes, boolean gangAdmission,
                               QueueSetup queueSetup, int podsSubmitted,
                               int podsScheduled, int jobsSubmitted, int jobsCompleted, long makespanMillis,
                               DurationStats waits, DurationStats jobCompletion, GangOutcome gangs,
                               RunEnding ending, Utilisation utilisation, long cycles, long decisions,
                               long engineNanos, long engineCpuNanos, CycleTimes cycleTimes, CycleTimes cycleCpuTimes,
                               long peakHeapAfterGcBytes,
                               long maxHeapBytes, List<QueueOutcome> queues, int evictions,
                               int nonPreemptibleEvictions, LocalReads dataLocality,
                               GangPlacement gangPlacement) {
    public SimulationReport {
        queues = List.copyOf(queues);
    }

    public int podsNeverScheduled() {
        return podsSubmitted - podsScheduled;
    }

    /** Decisions (binds and waits) the engine produced per second of real time spent producing them. */
    public double decisionsPerSecond() {
        return engineNanos == 0 ? 0 : decisions * 1e9 / engineNanos;
    }
}
