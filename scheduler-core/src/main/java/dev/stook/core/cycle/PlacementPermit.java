package dev.stook.core.cycle;

import java.util.List;

/** Decides whether a unit that found places takes them now, or lets them go and waits for better ones. */
public interface PlacementPermit extends UnitRule {
    /** Null to take the places; otherwise why the unit waits (its places are given back). */
    Hold check(PendingUnit unit, List<Decision.Bind> places, CycleWork work);
}
