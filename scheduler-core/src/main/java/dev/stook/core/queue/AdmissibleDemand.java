package dev.stook.core.queue;

import dev.stook.core.model.Resources;

/**
 * What a leaf's pending units ask for that could be admitted: non-preemptible requests count only up to
 * what is left of the queue's guarantee, since beyond it they wait whatever the shares.
 */
public final class AdmissibleDemand {
    private AdmissibleDemand() {}

    /**
     * @param pending              what all the leaf's pending units ask for
     * @param pendingNonPreemptible the part of it asked for by non-preemptible pods
     * @param nonPreemptibleUsed   what the leaf's running non-preemptible pods hold
     */
    public static Resources of(Resources pending, Resources pendingNonPreemptible, Resources nonPreemptibleUsed,
                               ResourceCap guarantee) {
        if (pendingNonPreemptible.isZero()) {
            return pending;
        }
        long[] slots = new long[pending.width()];
        for (int slot = 0; slot < slots.length; slot++) {
            long headroom = Math.max(0, guarantee.limit(slot) - nonPreemptibleUsed.get(slot));
            long excess = Math.max(0, pendingNonPreemptible.get(slot) - headroom);
            slots[slot] = pending.get(slot) - excess;
        }
        return Resources.ofSlots(slots);
    }
}
