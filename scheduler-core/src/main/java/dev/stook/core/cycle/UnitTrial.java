package dev.stook.core.cycle;

import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.locality.LocalReads;
import dev.stook.core.model.Pod;
import dev.stook.core.spark.HoldPods;
import dev.stook.core.spark.SparkRole;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Tries to admit one unit on a cycle's scratch copy (the unit rules decide beforehand whether it is tried): every pending member is placed in turn; if at least
 * {@code minMember} have places the placements stay and become binds, otherwise all of them are rolled
 * back and every member waits with the reason. Members that read data are placed most-constrained first
 * (fewest nodes holding their data), so that each finds one of its own holders before a less particular
 * member takes it; a gang of readers of disjoint shards spreads over the shards' holders. A gang asking to
 * sit in one topology domain is placed by {@link TopologyTrial}, one candidate domain at a time.
 */
public final class UnitTrial {
    public static final String UNSCHEDULABLE = "Unschedulable";

    private final PodPlacer placer;
    private final TopologyTrial topologyTrial;

    public UnitTrial(PodPlacer placer) {
        this.placer = placer;
        this.topologyTrial = new TopologyTrial(this);
    }

    /**
     * The outcome for one unit: binds for admitted members, waits for the rest. {@code placeable} counts the
     * pending members that found a place, kept or rolled back.
     */
    public record Outcome(List<Decision.Bind> binds, List<Decision.Wait> waits, int placeable) {
        public boolean admitted() {
            return !binds.isEmpty();
        }
    }

    public Outcome attempt(SchedulingUnit unit, ScratchCluster scratch) {
        int mark = scratch.mark();
        Trial trial = place(unit, scratch, true);
        int placed = trial.placed();
        if (trial.admitted()) {
            List<Decision.Bind> binds = new ArrayList<>(placed);
            for (ScratchCluster.Placed p : scratch.placedSince(mark)) {
                binds.add(new Decision.Bind(p.pod(), scratch.snapshot().node(p.nodeIndex()).name(),
                        LocalReads.of(p.pod().dataReads(), scratch.snapshot().cachedChunks(p.nodeIndex()))));
            }
            String message = unit.isGang() && !trial.unplaced().isEmpty()
                    ? "gang " + unit.name() + ": " + (placed + unit.alreadyPlaced()) + " members placed, minimum "
                            + unit.minMember() + "; " + trial.firstFailure()
                    : trial.firstFailure();
            return new Outcome(binds, waits(trial.unplaced(), message), placed);
        }
        scratch.rollbackTo(mark);
        String message = HoldPods.isHold(unit.pending().get(unit.pending().size() - 1)) ? withHolds(unit, trial)
                : unit.isGang()
                ? "gang " + unit.name() + ": " + (placed + unit.alreadyPlaced()) + "/" + unit.minMember()
                        + " members placeable; " + (trial.firstFailure() != null ? trial.firstFailure()
                                : "waiting for " + (unit.minMember() - placed - unit.alreadyPlaced()) + " more members")
                : trial.firstFailure();
        return new Outcome(List.of(), waits(unit.pending(), message), placed);
    }

    /** Whether the unit would be admitted on the scratch copy as it is; leaves the copy unchanged. */
    public boolean fits(SchedulingUnit unit, ScratchCluster scratch) {
        return !placementNodes(unit, scratch).isEmpty();
    }

    /** The nodes the unit would be admitted to on the scratch copy as it is (none if it would not be); leaves the copy unchanged. */
    public Set<Integer> placementNodes(SchedulingUnit unit, ScratchCluster scratch) {
        int mark = scratch.mark();
        Set<Integer> nodes = new HashSet<>();
        if (place(unit, scratch, false).admitted()) {
            for (ScratchCluster.Placed placed : scratch.placedSince(mark)) {
                nodes.add(placed.nodeIndex());
            }
        }
        scratch.rollbackTo(mark);
        return nodes;
    }

    /**
     * One try: whether the unit is admitted, the members left without a place, why the first of them found
     * none, and how many pending members found a place (kept or not).
     */
    record Trial(boolean admitted, List<Pod> unplaced, String firstFailure, int placed) {}

    private Trial place(SchedulingUnit unit, ScratchCluster scratch, boolean explain) {
        return unit.topology().isNone() ? placeAnywhere(unit, scratch, explain)
                : topologyTrial.place(unit, scratch, explain);
    }

    Trial placeAnywhere(SchedulingUnit unit, ScratchCluster scratch, boolean explain) {
        return placeWithin(unit, scratch, explain, null);
    }

    /**
     * Places the members on the domain's nodes only (null: anywhere). The placements stay in the scratch
     * copy, admitted or not: the caller keeps or rolls them back.
     */
    Trial placeWithin(SchedulingUnit unit, ScratchCluster scratch, boolean explain, Domain domain) {
        List<Pod> unplaced = new ArrayList<>();
        String firstFailure = null;
        for (Pod pod : placementOrder(unit, scratch)) {
            int node = domain == null ? placer.bestNode(pod, scratch)
                    : placer.bestNodeAmong(pod, scratch, domain.nodes());
            if (node >= 0) {
                scratch.place(pod, node);
            } else {
                if (explain && firstFailure == null) {
                    String subject = HoldPods.isHold(pod) ? "an executor hold"
                            : pod.spark() instanceof SparkRole.Driver ? "the driver"
                            : unit.isGang() ? "member " + pod.id().name() : "";
                    firstFailure = domain == null ? placer.explainNoFit(pod, scratch, subject)
                            : "no node of " + domain + " fits " + subject;
                }
                unplaced.add(pod);
            }
        }
        int placed = unit.pending().size() - unplaced.size();
        return new Trial(placed > 0 && placed + unit.alreadyPlaced() >= unit.minMember(), unplaced, firstFailure,
                placed);
    }

    /** Why a driver and the executor holds it asks for were not admitted together: how many holds fit. */
    private static String withHolds(SchedulingUnit unit, Trial trial) {
        List<Pod> holds = unit.pending().stream().filter(HoldPods::isHold).toList();
        long unplacedHolds = trial.unplaced().stream().filter(HoldPods::isHold).count();
        boolean driverUnplaced = trial.unplaced().size() > unplacedHolds;
        return "driver needs " + holds.size() + " executor holds of " + HoldPods.describe(holds.get(0).requests())
                + " beside it; " + (holds.size() - unplacedHolds) + " fit" + (driverUnplaced ? ", the driver does not"
                : "") + "; " + trial.firstFailure();
    }

    /** Some nodes sharing one value of a topology label, such as one rack. */
    record Domain(String key, String value, int[] nodes) {
        @Override
        public String toString() {
            return key + "=" + value;
        }
    }

    private List<Pod> placementOrder(SchedulingUnit unit, ScratchCluster scratch) {
        List<Pod> pods = unit.pending();
        if (pods.size() < 2 || pods.stream().noneMatch(p -> p.dataReads().readsData())) {
            return pods;
        }
        List<Pod> ordered = new ArrayList<>(pods);
        ordered.sort(Comparator.comparingInt(pod -> {
            int holders = placer.localityOutlook(pod, scratch).holders();
            return holders == 0 ? Integer.MAX_VALUE : holders;
        }));
        return ordered;
    }

    private static List<Decision.Wait> waits(List<Pod> pods, String message) {
        List<Decision.Wait> waits = new ArrayList<>(pods.size());
        for (Pod pod : pods) {
            if (!HoldPods.isHold(pod)) {
                waits.add(new Decision.Wait(pod, UNSCHEDULABLE, withLocalityProblem(pod, message)));
            }
        }
        return waits;
    }

    /** A pod whose locality annotations are unreadable is placed without locality, and told so. */
    static String withLocalityProblem(Pod pod, String message) {
        String problem = pod.dataReads().problem();
        return problem == null ? message : message + "; scheduled without data locality: " + problem;
    }
}
