package dev.stook.core.cycle;

import dev.stook.core.cluster.ClusterState;
import dev.stook.core.cluster.NodeSlot;
import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.cluster.TopologyDomains;
import dev.stook.core.gang.GangTopology;
import dev.stook.core.model.Durations;
import dev.stook.core.model.Pod;
import dev.stook.core.model.ResourceNames;
import dev.stook.core.model.Resources;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A unit that does not fit keeps nodes from others, so that capacity freeing there adds up for it instead of
 * going to whoever comes next: once it has waited longer than the starvation timeout, and at once for a gang
 * left partly bound (a crash or failed bindings cut its admission short). It holds only the fewest nodes it
 * needs: each pending member is planned onto the usable node with the least left to free, as if everything but
 * the unit's own pods could end there. A gang that must keep to one domain of a topology level holds nodes of
 * one such domain: the one with the least left to free in all. A unit that fits nowhere even then (it asks for
 * more than any node, or domain, has) holds nothing, and is not retried for it until the nodes change.
 */
final class CapacityHold implements FailureRemedy {
    static final String FITS_NOWHERE = "it fits on no node even if every other pod there ended, so it holds no"
            + " capacity for itself";

    /** The node topology on which the unit was last found to fit nowhere, or -1. */
    private static final class Impossible {
        long atTopology = -1;
    }

    @Override
    public String afterFailure(PendingUnit unit, SchedulingUnit tried, UnitTrial.Outcome outcome, CycleWork work) {
        if (outcome.admitted() || !holdsCapacity(unit, work.context())) {
            return "";
        }
        Map<Integer, Resources> plan = plan(unit, tried, work);
        Impossible impossible = unit.state(Impossible.class, Impossible::new);
        if (plan == null) {
            impossible.atTopology = work.context().cluster().topologyGeneration();
            return "";
        }
        impossible.atTopology = -1;
        for (int node : plan.keySet()) {
            work.scratch().reserve(node, unit.reservationId());
        }
        return "";
    }

    /** Its reservations last one cycle, so it is tried, and holds again, every cycle. */
    @Override
    public boolean wantsRetry(PendingUnit unit, UnitContext context) {
        return holdsCapacity(unit, context)
                && unit.state(Impossible.class, Impossible::new).atTopology != context.cluster().topologyGeneration();
    }

    @Override
    public String holdUp(PendingUnit unit, UnitContext context) {
        if (unit.state(Impossible.class, Impossible::new).atTopology == context.cluster().topologyGeneration()) {
            return FITS_NOWHERE;
        }
        if (unit.isPartlyPlaced(context.cluster())) {
            return "partly bound gang: it goes first and holds the nodes it needs until it is whole";
        }
        return starving(unit, context)
                ? "waiting longer than the starvation timeout (" + Durations.format(context.settings().starvationMillis())
                        + "): it holds the nodes it needs until it fits"
                : null;
    }

    @Override
    public long nextChangeMillis(PendingUnit unit, SchedulerSettings settings) {
        return unit.firstSeenMillis() + settings.starvationMillis();
    }

    /** What a plan puts on each node it holds, and how much must be freed for it in all. */
    private record Plan(Map<Integer, Resources> perNode, double shortfall) {}

    /** What the plan puts on each node it holds, or null if some member fits nowhere. */
    private static Map<Integer, Resources> plan(PendingUnit unit, SchedulingUnit tried, CycleWork work) {
        ScratchCluster scratch = work.scratch();
        Map<Integer, Resources> ownPlaced = unit.isGang() && tried.alreadyPlaced() > 0
                ? placedMembersByNode(unit, work.context().cluster(), scratch) : Map.of();
        List<BitSet> usable = new ArrayList<>(tried.pending().size());
        for (Pod pod : tried.pending()) {
            BitSet nodes = new BitSet(scratch.size());
            work.placer().markUsableNodes(pod, scratch, nodes);
            usable.add(nodes);
        }
        GangTopology.Level required = tried.topology().requiredLevel();
        if (required == null) {
            Plan plan = plan(tried, scratch, ownPlaced, usable, null);
            return plan == null ? null : plan.perNode();
        }
        TopologyDomains domains = scratch.snapshot().domains(required.key());
        Plan best = null;
        for (int domain = 0; domain < domains.count(); domain++) {
            Plan plan = plan(tried, scratch, ownPlaced, usable, domains.nodesIn(domain));
            if (plan != null && (best == null || plan.shortfall() < best.shortfall())) {
                best = plan;
            }
        }
        return best == null ? null : best.perNode();
    }

    /**
     * Each pending member on the node of its usable ones (among {@code within}, ascending, unless null) with the
     * least left to free; null if one fits on none.
     */
    private static Plan plan(SchedulingUnit tried, ScratchCluster scratch, Map<Integer, Resources> ownPlaced,
                             List<BitSet> usable, int[] within) {
        Map<Integer, Resources> plan = new HashMap<>();
        Map<Integer, Integer> plannedPods = new HashMap<>();
        double total = 0;
        for (int member = 0; member < tried.pending().size(); member++) {
            Pod pod = tried.pending().get(member);
            BitSet usableByMember = usable.get(member);
            int best = -1;
            double bestShortfall = Double.MAX_VALUE;
            if (within == null) {
                for (int node = usableByMember.nextSetBit(0); node >= 0; node = usableByMember.nextSetBit(node + 1)) {
                    double shortfall = shortfallIfItFits(pod, scratch.slot(node), plan, ownPlaced, plannedPods);
                    if (shortfall < bestShortfall) {
                        best = node;
                        bestShortfall = shortfall;
                    }
                }
            } else {
                for (int node : within) {
                    double shortfall = !usableByMember.get(node) ? Double.MAX_VALUE
                            : shortfallIfItFits(pod, scratch.slot(node), plan, ownPlaced, plannedPods);
                    if (shortfall < bestShortfall) {
                        best = node;
                        bestShortfall = shortfall;
                    }
                }
            }
            if (best < 0) {
                return null;
            }
            plan.merge(best, pod.requests(), Resources::plus);
            plannedPods.merge(best, 1, Integer::sum);
            total += bestShortfall;
        }
        return new Plan(plan, total);
    }

    /** The pod's {@link #shortfall} on the node beside what is planned there, or MAX_VALUE if it never fits there. */
    private static double shortfallIfItFits(Pod pod, NodeSlot slot, Map<Integer, Resources> plan,
                                            Map<Integer, Resources> ownPlaced, Map<Integer, Integer> plannedPods) {
        int node = slot.index();
        Resources planned = plan.getOrDefault(node, Resources.NONE);
        Resources kept = planned.plus(ownPlaced.getOrDefault(node, Resources.NONE));
        return fitsOnceFreed(pod, slot, kept, plannedPods.getOrDefault(node, 0)) ? shortfall(pod, slot, planned)
                : Double.MAX_VALUE;
    }

    private static Map<Integer, Resources> placedMembersByNode(PendingUnit unit, ClusterState cluster,
                                                               ScratchCluster scratch) {
        Map<Integer, Resources> placed = new HashMap<>();
        for (ClusterState.Placement placement : cluster.placements()) {
            Pod pod = placement.pod();
            int node = scratch.snapshot().indexOf(placement.nodeName());
            if (node >= 0 && pod.gang() != null && pod.gang().id().equals(unit.gang())) {
                placed.merge(node, pod.requests(), Resources::plus);
            }
        }
        return placed;
    }

    /** Whether the pod fits beside the unit's own pods there (placed and planned), once everything else ended. */
    private static boolean fitsOnceFreed(Pod pod, NodeSlot slot, Resources kept, int plannedPods) {
        Resources requests = pod.requests();
        for (int resource = 0; resource < requests.width(); resource++) {
            if (requests.get(resource) > 0 && kept.get(resource) + requests.get(resource) > slot.allocatable(resource)) {
                return false;
            }
        }
        long maxPods = slot.allocatable(ResourceNames.PODS);
        return maxPods <= 0 || plannedPods < maxPods;
    }

    /**
     * How much must still be freed on the node for the pod beside the members already planned there, as the
     * largest share of any resource it lacks.
     */
    private static double shortfall(Pod pod, NodeSlot slot, Resources planned) {
        Resources requests = pod.requests();
        double shortfall = 0;
        for (int resource = 0; resource < requests.width(); resource++) {
            long lacking = requests.get(resource) + planned.get(resource) - slot.free(resource);
            if (requests.get(resource) > 0 && lacking > 0) {
                shortfall = Math.max(shortfall, (double) lacking / slot.allocatable(resource));
            }
        }
        return shortfall;
    }

    private static boolean holdsCapacity(PendingUnit unit, UnitContext context) {
        return unit.isPartlyPlaced(context.cluster()) || starving(unit, context);
    }

    private static boolean starving(PendingUnit unit, UnitContext context) {
        return context.nowMillis() - unit.firstSeenMillis() >= context.settings().starvationMillis();
    }
}
