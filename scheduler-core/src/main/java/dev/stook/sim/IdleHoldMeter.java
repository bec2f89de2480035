package dev.stook.sim;

import dev.stook.core.model.Resources;

/**
 * Integrates over virtual time the resources held by pods that are bound but cannot work because their
 * gang has fewer than its minimum running. Two units: cpu-core-seconds, and node-seconds where a pod
 * counts as the share of its node it takes by its dominant resource (a pod asking 8 of 48 cpus and 1 of
 * 4 gpus holds a quarter of its node, since nothing else can use that gpu).
 */
final class IdleHoldMeter {
    private long sinceMillis;
    private long cpuMillisHeld;
    private double nodeSharesHeld;
    private double cpuCoreSeconds;
    private double nodeSeconds;

    void hold(long atMillis, Resources requests, Resources nodeAllocatable) {
        change(atMillis, requests.cpuMillis(), dominantShare(requests, nodeAllocatable));
    }

    void release(long atMillis, Resources requests, Resources nodeAllocatable) {
        change(atMillis, -requests.cpuMillis(), -dominantShare(requests, nodeAllocatable));
    }

    GangOutcome.IdleHeld totalUntil(long endMillis) {
        advanceTo(endMillis);
        return new GangOutcome.IdleHeld(cpuCoreSeconds, nodeSeconds);
    }

    private void change(long atMillis, long cpuMillis, double nodeShare) {
        advanceTo(atMillis);
        cpuMillisHeld += cpuMillis;
        nodeSharesHeld += nodeShare;
    }

    private void advanceTo(long atMillis) {
        if (atMillis > sinceMillis) {
            double seconds = (atMillis - sinceMillis) / 1_000.0;
            cpuCoreSeconds += cpuMillisHeld / 1_000.0 * seconds;
            nodeSeconds += nodeSharesHeld * seconds;
            sinceMillis = atMillis;
        }
    }

    private static double dominantShare(Resources requests, Resources allocatable) {
        double share = 0;
        for (int slot = 0; slot < Math.min(requests.width(), allocatable.width()); slot++) {
            if (allocatable.get(slot) > 0) {
                share = Math.max(share, (double) requests.get(slot) / allocatable.get(slot));
            }
        }
        return share;
    }
}
