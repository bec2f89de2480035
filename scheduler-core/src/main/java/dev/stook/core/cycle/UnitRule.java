package dev.stook.core.cycle;

/**
 * A rule about a whole unit (a lone pod or a gang), as opposed to a node filter or scorer. A rule joins the
 * cycle through one of its three hooks: {@link UnitGate} (may the unit be tried now), {@link PlacementPermit}
 * (may it take the places found) or {@link FailureRemedy} (after it failed, what may help). The defaults here
 * let a rule also explain itself, ask for a retry and say when time alone changes its mind; the explainer and
 * the engine's timer read every rule through them, so neither can disagree with what the cycle does.
 */
public interface UnitRule {
    /**
     * What the rule is doing to the unit now, as a line of {@code stook explain}, or null. Reads only. Gates
     * are explained by their {@link UnitGate#check} instead.
     */
    default String holdUp(PendingUnit unit, UnitContext context) {
        return null;
    }

    /** True when the unit must be tried this cycle although nothing that could make room happened since it failed. */
    default boolean wantsRetry(PendingUnit unit, UnitContext context) {
        return false;
    }

    /** The earliest moment when the passing of time alone may change what the rule decides for the unit. */
    default long nextChangeMillis(PendingUnit unit, SchedulerSettings settings) {
        return Long.MAX_VALUE;
    }

    /** Called once at the start of every cycle, before any unit is offered. */
    default void beginCycle(CycleWork work) {
    }
}
