package dev.stook.core.queue;

import dev.stook.core.model.Resources;

/** The largest fraction of any one resource of a whole that an amount takes (dominant resource fairness). */
public final class DominantShare {
    private DominantShare() {}

    public static double of(Resources amount, Resources whole) {
        double share = 0;
        for (int slot = 0; slot < amount.width(); slot++) {
            long total = whole.get(slot);
            if (amount.get(slot) > 0) {
                share = Math.max(share, total > 0 ? (double) amount.get(slot) / total : Double.MAX_VALUE);
            }
        }
        return share;
    }
}
