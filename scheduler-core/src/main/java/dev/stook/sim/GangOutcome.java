package dev.stook.sim;

/**
 * What gang jobs suffered from being started piecemeal.
 *
 * @param partiallyStartedGangs distinct gangs that at some moment had some but fewer than their minimum
 *                              pods running (observed after each scheduling cycle's binds)
 * @param idleHeld              resources those pods held while unable to work, integrated over virtual time
 */
public record GangOutcome(int partiallyStartedGangs, IdleHeld idleHeld) {
    /** Idle-held resources in cpu-core-seconds and in node-seconds (see {@link IdleHoldMeter}). */
    public record IdleHeld(double cpuCoreSeconds, double nodeSeconds) {}
}
