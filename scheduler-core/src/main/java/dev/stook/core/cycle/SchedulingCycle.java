package dev.stook.core.cycle;

import dev.stook.core.cluster.ClusterState;
import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.model.Pod;
import dev.stook.core.queue.QueueOrder;
import dev.stook.core.spark.ExecutorHolds;
import dev.stook.core.spark.HoldPods;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One pass over the pending units on a scratch copy of the cluster. Gangs left partly bound go first; then
 * the rest in fair-share order (see {@link QueueOrder}). Each unit goes through the unit rules' gates, is
 * tried, and then either takes its places (unless a permit holds them back) or has the failure remedies run
 * for it. Admitted pods are assumed in the cluster state at once. Waits are reported only when a unit's
 * message changed.
 */
final class SchedulingCycle {
    private final PendingUnits units;
    private final UnitRules rules;
    private final ClusterState cluster;
    private final UnitTrial trial;
    private final ScratchCluster scratch;
    private final UnitContext context;
    private final CycleWork work;
    private final QueueOrder<PendingUnit> order;
    private final List<Decision> decisions = new ArrayList<>();
    private final ExecutorHolds holds;
    private final HoldTaking holdTaking;

    /** @param scratch a copy of the snapshot the context's queue view was taken with */
    SchedulingCycle(PendingUnits units, UnitRules rules, UnitContext context, ScratchCluster scratch, PodPlacer placer,
                    UnitTrial trial, ExecutorHolds holds) {
        this.units = units;
        this.holds = holds;
        this.holdTaking = new HoldTaking(holds);
        this.rules = rules;
        this.cluster = context.cluster();
        this.trial = trial;
        this.scratch = scratch;
        this.context = context;
        this.work = new CycleWork(context, scratch, placer, trial, units.all(), decisions);
        this.order = new QueueOrder<>(context.queues(), units.byLeaf(), cluster::ownerUsage, PendingUnit::owner);
    }

    List<Decision> run() {
        rules.beginCycle(work);
        reportUnitsWithoutQueue();
        List<PendingUnit> partlyPlaced = units.partlyPlacedGangs(cluster);
        partlyPlaced.forEach(this::offer);
        offerInQueueOrder(new HashSet<>(partlyPlaced));
        return decisions;
    }

    private void reportUnitsWithoutQueue() {
        for (PendingUnit unit : units.withoutQueue()) {
            report(unit, unit.members(), UnitTrial.UNSCHEDULABLE, unit.queueProblem());
        }
    }

    private void offerInQueueOrder(Set<PendingUnit> alreadyOffered) {
        for (QueueOrder.Entry<PendingUnit> entry = order.next(); entry != null; entry = order.next()) {
            if (!alreadyOffered.contains(entry.unit())) {
                offer(entry.unit());
            }
        }
    }

    private void offer(PendingUnit unit) {
        scratch.actingFor(unit.reservationId());
        Decision.Bind tookHold = holdTaking.take(unit, work);
        if (tookHold != null) {
            decisions.add(tookHold);
            scratch.releaseReservations(unit.reservationId());
            units.placed(unit, List.of(tookHold));
            return;
        }
        Hold gateHold = rules.firstGateHold(unit, context);
        if (gateHold != null) {
            if (gateHold.untilCapacityFrees()) {
                unit.failedAt(context.capacityReleases());
            }
            if (gateHold.isReported()) {
                report(unit, unit.members(), gateHold.reason(), gateHold.message());
            }
            return;
        }
        SchedulingUnit tried = unit.toSchedulingUnit(cluster);
        int mark = scratch.mark();
        UnitTrial.Outcome outcome = trial.attempt(tried, scratch);
        unit.tried(outcome.placeable());
        Hold permitHold = rules.firstPermitHold(unit, outcome.binds(), work);
        if (permitHold != null) {
            scratch.rollbackTo(mark);
            report(unit, unit.members(), permitHold.reason(), permitHold.message());
            return;
        }
        List<ExecutorHolds.Held> held = new ArrayList<>();
        Pod driver = null;
        for (Decision.Bind bind : outcome.binds()) {
            cluster.assume(bind.pod(), bind.nodeName());
            order.admitted(unit.queue(), unit.owner(), bind.pod().requests());
            if (HoldPods.isHold(bind.pod())) {
                held.add(new ExecutorHolds.Held(bind.pod(), bind.nodeName()));
            } else {
                decisions.add(bind);
                driver = bind.pod();
            }
        }
        if (!held.isEmpty()) {
            holds.admitted(driver, held, context.nowMillis() + context.settings().sparkHoldMillis());
        }
        if (outcome.waits().isEmpty()) {
            scratch.releaseReservations(unit.reservationId());
            units.placed(unit, outcome.binds());
            return;
        }
        unit.failedAt(context.capacityReleases());
        String message = outcome.waits().get(0).message() + rules.remedyFailure(unit, tried, outcome, work);
        report(unit, outcome.waits().stream().map(Decision::pod).toList(), UnitTrial.UNSCHEDULABLE, message);
        units.placed(unit, outcome.binds());
    }

    private void report(PendingUnit unit, Collection<Pod> pods, String reason, String message) {
        for (Pod pod : unit.toTell(reason, message, pods)) {
            decisions.add(new Decision.Wait(pod, reason, message));
        }
    }
}
