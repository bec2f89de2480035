package dev.stook.core.preempt;

import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.cycle.PodPlacer;
import dev.stook.core.cycle.SchedulingUnit;
import dev.stook.core.cycle.UnitTrial;
import dev.stook.core.gang.GangId;
import dev.stook.core.model.Pod;
import dev.stook.core.queue.QueueView;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Chooses the fewest victims that let a waiting unit fit, proving it on the scratch copy before anything
 * is evicted: victims are taken in eviction order until the unit fits, then each is given back if the
 * unit still fits without evicting it. The scratch copy is left as it was.
 */
public final class Preemptor {
    private final UnitTrial trial;
    private final PodPlacer placer;
    private final int maxGroupsTried;

    public Preemptor(UnitTrial trial, PodPlacer placer, int maxGroupsTried) {
        this.trial = trial;
        this.placer = placer;
        this.maxGroupsTried = maxGroupsTried;
    }

    /**
     * The victims to evict, or an empty list when no choice among the eligible groups makes room. Only
     * groups with a pod on a node some member could use are tried: evicting elsewhere cannot help.
     *
     * @param ownGang the unit's gang, never its own victim (null for a lone pod)
     */
    public Choice choose(SchedulingUnit unit, ScratchCluster scratch, VictimPool pool,
                         Predicate<VictimGroup> eligible, QueueView queues, GangId ownGang) {
        BitSet usable = new BitSet(scratch.size());
        for (Pod pod : unit.pending()) {
            placer.markUsableNodes(pod, scratch, usable);
        }
        List<VictimGroup> candidates = pool.candidates(eligible, queues, ownGang, usable);
        int base = scratch.mark();
        List<VictimGroup> chosen = new ArrayList<>();
        boolean fits = false;
        for (VictimGroup group : candidates.subList(0, Math.min(candidates.size(), maxGroupsTried))) {
            take(group, scratch);
            chosen.add(group);
            if (someMemberFitsOnItsNodes(unit, group, scratch) && trial.fits(unit, scratch)) {
                fits = true;
                break;
            }
        }
        if (!fits) {
            scratch.rollbackTo(base);
            return Choice.NONE;
        }
        for (int i = chosen.size() - 1; i >= 0; i--) {
            VictimGroup group = chosen.get(i);
            giveBack(group, scratch);
            if (trial.fits(unit, scratch)) {
                chosen.remove(i);
            } else {
                take(group, scratch);
            }
        }
        Set<Integer> targets = trial.placementNodes(unit, scratch);
        scratch.rollbackTo(base);
        return new Choice(chosen, targets);
    }

    /**
     * The victims, and the nodes the unit would take once they are gone: those are held for it, the rest
     * of what the victims free is left to others.
     */
    public record Choice(List<VictimGroup> victims, Set<Integer> targetNodes) {
        static final Choice NONE = new Choice(List.of(), Set.of());
    }

    /**
     * Only the group's nodes changed; if no member can use any of them, placing the unit would go exactly
     * as before, so the full trial is skipped.
     */
    private boolean someMemberFitsOnItsNodes(SchedulingUnit unit, VictimGroup group, ScratchCluster scratch) {
        for (int node : group.nodeIndexes()) {
            for (Pod pod : unit.pending()) {
                if (placer.fitsOn(pod, scratch, node)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void take(VictimGroup group, ScratchCluster scratch) {
        for (int i = 0; i < group.pods().size(); i++) {
            scratch.remove(group.pods().get(i), group.nodeIndexes()[i]);
        }
    }

    private static void giveBack(VictimGroup group, ScratchCluster scratch) {
        for (int i = 0; i < group.pods().size(); i++) {
            scratch.place(group.pods().get(i), group.nodeIndexes()[i]);
        }
    }
}
