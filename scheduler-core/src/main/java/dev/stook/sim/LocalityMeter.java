package dev.stook.sim;

import dev.stook.core.cycle.Decision;
import dev.stook.core.locality.LocalReads;

/** Adds up, over every bind, the bytes pods read and how many of them were cached on their node. */
final class LocalityMeter {
    private LocalReads total = LocalReads.NONE;

    void bound(Decision.Bind bind) {
        total = total.plus(bind.locality());
    }

    LocalReads total() {
        return total;
    }
}
