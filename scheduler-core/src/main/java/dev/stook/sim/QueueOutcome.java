package dev.stook.sim;

/**
 * How one queue of the scenario's queue tree fared. Shares are dominant shares of the cluster, averaged
 * over the virtual time the queue was backlogged (had pending pods); {@code meanFairShare} is the fair
 * share Stook's queue config gives it for the demand of that moment, whichever policy actually ran.
 * {@code shareError} is {@code |meanShare - meanFairShare| / meanFairShare}: how far the long-run share
 * strayed from the fair one. {@code meanDeviation} is the time-average of {@code |share - fairShare|}
 * over {@code meanFairShare}: how closely the share tracked the fair one moment by moment.
 *
 * <p>A leaf queue is <em>owed</em> while one of its pending units would fit inside its guarantee on top
 * of what it holds (the engine's own test for reclaiming). {@code reclaim} covers the owed spells that
 * outlasted the cycle they began in (the others needed nothing reclaimed), from the tick the queue
 * became owed to the tick it no longer was; {@code reclaimOpenAtEnd} is 1 if a spell was still open when
 * the run ended. Both are empty for inner queues.
 */
public record QueueOutcome(String path, boolean leaf, long backloggedMillis, double meanShare, double meanFairShare,
                           double meanDeviation, DurationStats reclaim, int reclaimOpenAtEnd, int evictions,
                           int nonPreemptibleEvictions) {
    public double shareError() {
        return meanFairShare == 0 ? 0 : Math.abs(meanShare - meanFairShare) / meanFairShare;
    }
}
