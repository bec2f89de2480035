package dev.stook.core.cycle;

import dev.stook.core.gang.GangReadiness;
import dev.stook.core.gang.GangTimeout;
import dev.stook.core.gang.GangTopologyAgreement;
import dev.stook.core.preempt.Reclaim;
import dev.stook.core.queue.QueueCaps;

import java.util.ArrayList;
import java.util.List;

/**
 * The unit rules the engine runs, in order. Gates run in this order and the first that holds a unit decides
 * (cheap and permanent reasons first); failure remedies run in this order and their notes are appended to the
 * pods' message in it; {@code stook explain} lists what each rule says in it.
 */
final class UnitRules {
    private final List<UnitRule> all;
    private final List<UnitGate> gates = new ArrayList<>();
    private final List<PlacementPermit> permits = new ArrayList<>();
    private final List<FailureRemedy> remedies = new ArrayList<>();
    private final Reclaim reclaim;

    private UnitRules(List<UnitRule> all, Reclaim reclaim) {
        this.all = List.copyOf(all);
        this.reclaim = reclaim;
        for (UnitRule rule : all) {
            if (rule instanceof UnitGate gate) {
                gates.add(gate);
            }
            if (rule instanceof PlacementPermit permit) {
                permits.add(permit);
            }
            if (rule instanceof FailureRemedy remedy) {
                remedies.add(remedy);
            }
        }
    }

    static UnitRules standard(PodPlacer placer, UnitTrial trial) {
        Reclaim reclaim = new Reclaim(trial, placer);
        List<UnitRule> rules = new ArrayList<>(List.of(
                new SchedulingGates(),
                new GangReadiness(),
                new GangTopologyAgreement(),
                new QueueCaps(),
                new GangTimeout(),
                reclaim,
                new CapacityHold(),
                new LocalityDelay()));
        rules.add(3, new RetryBackoff(List.copyOf(rules)));
        return new UnitRules(rules, reclaim);
    }

    List<UnitRule> all() {
        return all;
    }

    /** The first gate that holds the unit back, or null when it may be tried. */
    Hold firstGateHold(PendingUnit unit, UnitContext context) {
        for (UnitGate gate : gates) {
            Hold hold = gate.check(unit, context);
            if (hold != null) {
                return hold;
            }
        }
        return null;
    }

    /** The first permit that holds back the places found, or null when the unit takes them. */
    Hold firstPermitHold(PendingUnit unit, List<Decision.Bind> places, CycleWork work) {
        for (PlacementPermit permit : permits) {
            Hold hold = permit.check(unit, places, work);
            if (hold != null) {
                return hold;
            }
        }
        return null;
    }

    /** Runs every failure remedy; returns their notes for the pods' message. */
    String remedyFailure(PendingUnit unit, SchedulingUnit tried, UnitTrial.Outcome outcome, CycleWork work) {
        StringBuilder notes = new StringBuilder();
        for (FailureRemedy remedy : remedies) {
            notes.append(remedy.afterFailure(unit, tried, outcome, work));
        }
        return notes.toString();
    }

    void beginCycle(CycleWork work) {
        for (UnitRule rule : all) {
            rule.beginCycle(work);
        }
    }

    /** The earliest moment after now when time alone may change a rule's decision on the unit. */
    long nextChangeMillis(PendingUnit unit, SchedulerSettings settings, long nowMillis) {
        long next = Long.MAX_VALUE;
        for (UnitRule rule : all) {
            long candidate = rule.nextChangeMillis(unit, settings);
            if (candidate > nowMillis) {
                next = Math.min(next, candidate);
            }
        }
        return next;
    }

    Reclaim reclaim() {
        return reclaim;
    }
}
