package dev.stook.core.gang;

import dev.stook.core.cycle.Hold;
import dev.stook.core.cycle.PendingUnit;
import dev.stook.core.cycle.Scheduler;
import dev.stook.core.cycle.UnitContext;
import dev.stook.core.cycle.UnitGate;

import java.util.Set;

/** A gang is tried only when its members agree on where they should sit ({@code stook.dev/gang-topology}). */
public final class GangTopologyAgreement implements UnitGate {
    @Override
    public Hold check(PendingUnit unit, UnitContext context) {
        if (!unit.isGang()) {
            return null;
        }
        Set<GangTopology> declared = unit.declaredTopologies();
        if (declared.size() < 2) {
            return null;
        }
        return Hold.reported(Scheduler.GANG_WAITING, "gang " + unit.name() + ": members disagree on "
                + GangAnnotations.TOPOLOGY + " " + declared.stream().map(GangTopology::describe).toList()
                + "; give every member the same value");
    }
}
