package dev.stook.core.cycle;

import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.model.Pod;

import java.util.ArrayList;
import java.util.List;

/**
 * Tries to admit one unit on a cycle's scratch copy: every pending member is placed in turn; if at least
 * {@code minMember} have places the placements stay and become binds, otherwise all of them are rolled
 * back and every member waits with the reason.
 */
public final class SchedulingCycle {
    public static final String UNSCHEDULABLE = "Unschedulable";

    private final PodPlacer placer;

    public SchedulingCycle(PodPlacer placer) {
        this.placer = placer;
    }

    /** The outcome for one unit: binds for admitted members, waits for the rest. */
    public record Outcome(List<Decision.Bind> binds, List<Decision.Wait> waits) {
        public boolean admitted() {
            return !binds.isEmpty();
        }
    }

    public Outcome attempt(SchedulingUnit unit, ScratchCluster scratch) {
        int mark = scratch.mark();
        List<Pod> unplaced = new ArrayList<>();
        String firstFailure = null;
        for (Pod pod : unit.pending()) {
            int node = placer.bestNode(pod, scratch);
            if (node >= 0) {
                scratch.place(pod, node);
            } else {
                if (firstFailure == null) {
                    firstFailure = placer.explainNoFit(pod, scratch, unit.isGang() ? "member " + pod.id().name() : "");
                }
                unplaced.add(pod);
            }
        }
        int placed = unit.pending().size() - unplaced.size();
        if (placed > 0 && placed + unit.alreadyPlaced() >= unit.minMember()) {
            List<Decision.Bind> binds = new ArrayList<>(placed);
            for (ScratchCluster.Placed p : scratch.placedSince(mark)) {
                binds.add(new Decision.Bind(p.pod(), scratch.snapshot().node(p.nodeIndex()).name()));
            }
            String message = unit.isGang() && !unplaced.isEmpty()
                    ? "gang " + unit.name() + ": " + (placed + unit.alreadyPlaced()) + " members placed, minimum "
                            + unit.minMember() + "; " + firstFailure
                    : firstFailure;
            return new Outcome(binds, waits(unplaced, message));
        }
        scratch.rollbackTo(mark);
        String message = unit.isGang()
                ? "gang " + unit.name() + ": " + (placed + unit.alreadyPlaced()) + "/" + unit.minMember()
                        + " members placeable; " + (firstFailure != null ? firstFailure
                                : "waiting for " + (unit.minMember() - placed - unit.alreadyPlaced()) + " more members")
                : firstFailure;
        return new Outcome(List.of(), waits(unit.pending(), message));
    }

    private static List<Decision.Wait> waits(List<Pod> pods, String message) {
        List<Decision.Wait> waits = new ArrayList<>(pods.size());
        for (Pod pod : pods) {
            waits.add(new Decision.Wait(pod, UNSCHEDULABLE, message));
        }
        return waits;
    }
}
