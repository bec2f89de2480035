package dev.stook.core.cycle;

/** Decides, before any node is looked at, whether a unit may be tried in this cycle. */
public interface UnitGate extends UnitRule {
    /** Null when the unit may be tried; otherwise why not. Reads only, so the explainer can run it too. */
    Hold check(PendingUnit unit, UnitContext context);
}
