package dev.stook.core.preempt;

import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.cycle.SchedulingCycle;
import dev.stook.core.cycle.SchedulingUnit;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the fewest victims that let a waiting unit fit, proving it on the scratch copy before anything
 * is evicted: victims are taken in eviction order until the unit fits, then each is given back if the
 * unit still fits without evicting it. The scratch copy is left as it was.
 */
public final class Preemptor {
    private final SchedulingCycle cycle;
    private final int maxGroupsTried;

    public Preemptor(SchedulingCycle cycle, int maxGroupsTried) {
        this.cycle = cycle;
        this.maxGroupsTried = maxGroupsTried;
    }

    /** The victims to evict, or an empty list when no choice among the candidates makes room. */
    public List<VictimGroup> choose(SchedulingUnit unit, ScratchCluster scratch, List<VictimGroup> candidates) {
        int base = scratch.mark();
        List<VictimGroup> chosen = new ArrayList<>();
        boolean fits = false;
        for (VictimGroup group : candidates.subList(0, Math.min(candidates.size(), maxGroupsTried))) {
            if (!onSnapshot(group, scratch)) {
                continue;
            }
            take(group, scratch);
            chosen.add(group);
            if (cycle.fits(unit, scratch)) {
                fits = true;
                break;
            }
        }
        if (!fits) {
            scratch.rollbackTo(base);
            return List.of();
        }
        for (int i = chosen.size() - 1; i >= 0; i--) {
            VictimGroup group = chosen.get(i);
            giveBack(group, scratch);
            if (cycle.fits(unit, scratch)) {
                chosen.remove(i);
            } else {
                take(group, scratch);
            }
        }
        scratch.rollbackTo(base);
        return chosen;
    }

    private static boolean onSnapshot(VictimGroup group, ScratchCluster scratch) {
        return group.nodes().stream().allMatch(node -> scratch.snapshot().indexOf(node) >= 0);
    }

    private static void take(VictimGroup group, ScratchCluster scratch) {
        for (int i = 0; i < group.pods().size(); i++) {
            scratch.remove(group.pods().get(i), scratch.snapshot().indexOf(group.nodes().get(i)));
        }
    }

    private static void giveBack(VictimGroup group, ScratchCluster scratch) {
        for (int i = 0; i < group.pods().size(); i++) {
            scratch.place(group.pods().get(i), scratch.snapshot().indexOf(group.nodes().get(i)));
        }
    }
}
