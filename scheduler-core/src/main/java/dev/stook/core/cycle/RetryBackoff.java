package dev.stook.core.cycle;

import java.util.List;

/**
 * A unit that failed is not tried again until something that could make room happens (a pod ends or is
 * evicted, a node is added or changes) or its pods change, unless another rule needs it tried.
 */
final class RetryBackoff implements UnitGate {
    static final String NOTHING_CHANGED = "nothing changed since its last attempt failed: it is tried again when"
            + " capacity is released (a pod ends or is evicted, a node is added or changes) or its pods change";

    private final List<UnitRule> others;

    /** @param others the rules that may want a failed unit tried anyway */
    RetryBackoff(List<UnitRule> others) {
        this.others = others;
    }

    @Override
    public Hold check(PendingUnit unit, UnitContext context) {
        if (unit.failedAtReleases() != context.capacityReleases()) {
            return null;
        }
        for (UnitRule rule : others) {
            if (rule.wantsRetry(unit, context)) {
                return null;
            }
        }
        return Hold.quiet(NOTHING_CHANGED);
    }
}
