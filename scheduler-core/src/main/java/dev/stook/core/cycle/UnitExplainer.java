package dev.stook.core.cycle;

import dev.stook.core.explain.GangProgress;
import dev.stook.core.explain.LastAttempt;
import dev.stook.core.explain.PendingExplanation;
import dev.stook.core.explain.QueuePlace;
import dev.stook.core.explain.QueueStanding;
import dev.stook.core.model.Quantity;
import dev.stook.core.model.ResourceNames;
import dev.stook.core.model.Resources;
import dev.stook.core.queue.DominantShare;
import dev.stook.core.queue.QueueDefinition;
import dev.stook.core.queue.QueuePolicy;
import dev.stook.core.queue.QueueView;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Describes one pending unit for {@link Scheduler#explain}: reads the engine's state, changes nothing. Its
 * hold-ups come from the unit rules the cycle runs: the first gate that holds the unit, then what every other
 * rule says it is doing to it.
 */
final class UnitExplainer {
    private final UnitRules rules;
    private final UnitContext context;

    UnitExplainer(UnitRules rules, UnitContext context) {
        this.rules = rules;
        this.context = context;
    }

    /** @param leafUnits the units of the unit's leaf queue in policy order; ignored when it has no queue */
    PendingExplanation explain(PendingUnit unit, Collection<PendingUnit> leafUnits) {
        LastAttempt last = unit.lastMessage() == null ? null : new LastAttempt(unit.lastReason(), unit.lastMessage());
        return new PendingExplanation(unit.name(), place(unit, leafUnits), unit.queueProblem(), standing(unit),
                gang(unit), last, context.nowMillis() - unit.firstSeenMillis(),
                LocalityDelay.waitLeftMillis(unit, context), holdUps(unit));
    }

    private QueuePlace place(PendingUnit unit, Collection<PendingUnit> leafUnits) {
        if (unit.queue() == null) {
            return null;
        }
        int position = 1;
        for (PendingUnit other : leafUnits) {
            if (other == unit) {
                break;
            }
            position++;
        }
        QueuePolicy policy = context.queues().config().queue(unit.queue()).policy();
        return new QueuePlace(unit.queue(), policy, position, leafUnits.size());
    }

    private QueueStanding standing(PendingUnit unit) {
        if (unit.queue() == null) {
            return null;
        }
        QueueView queues = context.queues();
        QueueDefinition queue = queues.config().queue(unit.queue());
        Resources allocated = queues.allocated(unit.queue());
        Resources fair = queues.fairShare(unit.queue());
        List<QueueStanding.ResourceStanding> resources = new ArrayList<>();
        Resources asked = unit.requests();
        for (int slot = 0; slot < asked.width(); slot++) {
            if (asked.get(slot) > 0) {
                boolean cpu = slot == ResourceNames.CPU;
                resources.add(new QueueStanding.ResourceStanding(ResourceNames.nameOf(slot),
                        Quantity.format(allocated.get(slot), cpu), Quantity.format(fair.get(slot), cpu),
                        Quantity.format(queue.guaranteed().get(slot), cpu),
                        queue.max().limits(slot) ? Quantity.format(queue.max().limit(slot), cpu) : null));
            }
        }
        Resources capacity = queues.capacity();
        return new QueueStanding(DominantShare.of(allocated, capacity), DominantShare.of(fair, capacity),
                DominantShare.of(queue.guaranteed(), capacity), resources);
    }

    private GangProgress gang(PendingUnit unit) {
        if (!unit.isGang()) {
            return null;
        }
        int placed = context.cluster().placedMembers(unit.gang());
        int created = unit.members().size() + placed;
        int declared = unit.declaredMinimum();
        String sources = unit.members().stream().map(pod -> pod.gang().source()).distinct().sorted()
                .collect(Collectors.joining("; "));
        return new GangProgress(unit.name(), created, placed, declared > 0 ? declared : created, unit.lastPlaceable(),
                sources);
    }

    private List<String> holdUps(PendingUnit unit) {
        List<String> holdUps = new ArrayList<>();
        if (unit.queue() == null) {
            holdUps.add("it has no queue: " + unit.queueProblem());
            return holdUps;
        }
        Hold gateHold = rules.firstGateHold(unit, context);
        if (gateHold != null) {
            holdUps.add(gateHold.message());
        }
        for (UnitRule rule : rules.all()) {
            String holdUp = rule instanceof UnitGate ? null : rule.holdUp(unit, context);
            if (holdUp != null) {
                holdUps.add(holdUp);
            }
        }
        return holdUps;
    }
}
