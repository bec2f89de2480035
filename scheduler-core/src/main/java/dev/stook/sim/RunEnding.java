package dev.stook.sim;

import java.util.List;

/**
 * How and when a simulation stopped, and the jobs left unfinished.
 *
 * @param deadlocked no progress was possible and gangs that had started partially held capacity idle
 *                   while waiting for members that could never run
 */
public record RunEnding(Reason reason, long atMillis, List<StuckJob> stuckJobs, boolean deadlocked) {
    public RunEnding {
        stuckJobs = List.copyOf(stuckJobs);
    }

    public enum Reason {
        /** Every job finished. */
        COMPLETED,
        /** Nothing could ever change again: no arrival, no working pod, no timed decision left, yet jobs remain. */
        NO_PROGRESS,
        /** The scenario's maxVirtualTime was reached with work left. */
        HORIZON
    }

    /** A job that did not finish: how many of its pods were running (working or idle) and pending. */
    public record StuckJob(String job, int podsRunning, int podsPending, int membersToWork) {}
}
