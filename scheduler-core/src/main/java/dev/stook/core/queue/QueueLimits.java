package dev.stook.core.queue;

import dev.stook.core.model.Quantity;
import dev.stook.core.model.ResourceNames;
import dev.stook.core.model.Resources;

/** Checks against a queue's configured cap and guarantee, with messages that say which resource and by how much. */
public final class QueueLimits {
    private QueueLimits() {}

    /** Null when {@code used + wanted} stays within the cap, else what would be exceeded. */
    public static String excess(Resources used, Resources wanted, ResourceCap cap) {
        for (int slot = 0; slot < wanted.width(); slot++) {
            long need = wanted.get(slot);
            long limit = cap.limit(slot);
            if (need > 0 && used.get(slot) + need > limit) {
                boolean cpu = slot == ResourceNames.CPU;
                return ResourceNames.nameOf(slot) + ": needs " + Quantity.format(need, cpu) + ", "
                        + Quantity.format(Math.max(0, limit - used.get(slot)), cpu) + " of "
                        + Quantity.format(limit, cpu) + " left";
            }
        }
        return null;
    }
}
