package dev.stook.sim;

import dev.stook.core.locality.LocalReads;

/**
 * What a simulation measured. Every figure but {@code engineNanos} is in virtual time and depends only
 * on the scenario, seed and settings; {@code engineNanos} is real time spent inside the engine's cycles.
 * {@code jobCompletion} covers finished jobs, from a job's arrival to its last pod finishing.
 * {@code dataLocality} sums, over every bind, the bytes pods read and those cached on their node.
 */
public record SimulationReport(String scenario, long seed, int nodes, boolean gangAdmission, int podsSubmitted,
                               int podsScheduled, int jobsSubmitted, int jobsCompleted, long makespanMillis,
                               DurationStats waits, DurationStats jobCompletion, GangOutcome gangs,
                               RunEnding ending, Utilisation utilisation, long cycles, long decisions,
                               long engineNanos, LocalReads dataLocality) {
    public int podsNeverScheduled() {
        return podsSubmitted - podsScheduled;
    }

    /** Decisions (binds and waits) the engine produced per second of real time spent producing them. */
    public double decisionsPerSecond() {
        return engineNanos == 0 ? 0 : decisions * 1e9 / engineNanos;
    }
}
