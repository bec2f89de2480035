package dev.stook.core.cycle;

import dev.stook.core.cluster.ClusterSnapshot;
import dev.stook.core.cluster.NodeSlot;
import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.cluster.TopologyDomains;
import dev.stook.core.gang.GangId;
import dev.stook.core.locality.ChunkSet;
import dev.stook.core.locality.LocalChunks;
import dev.stook.core.model.Pod;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which domains of one topology level (say, racks) may hold a gang, and in which order to try them.
 *
 * <p>A domain is a candidate only when the free capacity of its nodes, summed, covers every resource that
 * the gang's minimum asks for: necessary, not sufficient (the trial decides). A gang with members already
 * placed may only join the domains those members are in.
 *
 * <p>Candidates are tried in this order: first the domains holding most of the gang's data (for a gang
 * reading cached chunks: summed over members, the most bytes one node of the domain holds of what that
 * member reads); then best fit, the domain left with the least room in the gang's scarcest resource, so
 * that large free domains stay whole for large gangs; then by domain number, so runs repeat.
 */
final class DomainChoice {
    /** The level's domains: how many exist, how many are too small, and the candidates in order. */
    record Candidates(int domains, int tooSmall, List<UnitTrial.Domain> ordered) {}

    private record Scored(UnitTrial.Domain domain, long localBytes, double room, int number) {}

    private static final Comparator<Scored> ORDER = Comparator.comparingLong(Scored::localBytes).reversed()
            .thenComparingDouble(Scored::room).thenComparingInt(Scored::number);

    Candidates candidates(SchedulingUnit unit, ScratchCluster scratch, String key) {
        ClusterSnapshot snapshot = scratch.snapshot();
        TopologyDomains domains = snapshot.domains(key);
        long[] need = minimumNeed(unit);
        BitSet allowed = unit.alreadyPlaced() > 0 ? domainsOfPlacedMembers(unit, snapshot, domains) : null;
        long[] local = unit.pending().stream().anyMatch(p -> p.dataReads().readsData())
                ? localBytesPerDomain(unit, snapshot, domains) : null;
        List<Scored> fitting = new ArrayList<>();
        int tooSmall = 0;
        for (int d = 0; d < domains.count(); d++) {
            if (allowed != null && !allowed.get(d)) {
                continue;
            }
            double room = room(need, domains.nodesIn(d), scratch);
            if (room < 1) {
                tooSmall++;
                continue;
            }
            int[] nodes = domains.nodesIn(d);
            String value = snapshot.node(nodes[0]).labels().get(key);
            fitting.add(new Scored(new UnitTrial.Domain(key, value, nodes), local == null ? 0 : local[d], room, d));
        }
        fitting.sort(ORDER);
        return new Candidates(domains.count(), tooSmall, fitting.stream().map(Scored::domain).toList());
    }

    /**
     * Per resource, what the smallest members that make up the gang's minimum ask for together: no domain
     * offering less can hold the gang.
     */
    private static long[] minimumNeed(SchedulingUnit unit) {
        List<Pod> pods = unit.pending();
        int members = Math.max(1, Math.min(pods.size(), unit.minMember() - unit.alreadyPlaced()));
        int width = 0;
        for (Pod pod : pods) {
            width = Math.max(width, pod.requests().width());
        }
        long[] need = new long[width];
        long[] amounts = new long[pods.size()];
        for (int slot = 0; slot < width; slot++) {
            for (int i = 0; i < pods.size(); i++) {
                amounts[i] = pods.get(i).requests().get(slot);
            }
            Arrays.sort(amounts);
            for (int i = 0; i < members; i++) {
                need[slot] += amounts[i];
            }
        }
        return need;
    }

    /**
     * How many times over the domain's free capacity covers the need, in the scarcest resource; below 1 it
     * cannot hold the gang. Nodes held for another unit offer nothing.
     */
    private static double room(long[] need, int[] nodes, ScratchCluster scratch) {
        long[] free = new long[need.length];
        for (int node : nodes) {
            if (scratch.isReserved(node)) {
                continue;
            }
            NodeSlot slot = scratch.slot(node);
            if (slot.node().unschedulable()) {
                continue;
            }
            for (int r = 0; r < need.length; r++) {
                free[r] += Math.max(0, slot.free(r));
            }
        }
        double room = Double.MAX_VALUE;
        for (int r = 0; r < need.length; r++) {
            if (need[r] > 0) {
                room = Math.min(room, (double) free[r] / need[r]);
            }
        }
        return room;
    }

    private static BitSet domainsOfPlacedMembers(SchedulingUnit unit, ClusterSnapshot snapshot,
                                                 TopologyDomains domains) {
        GangId gang = unit.pending().get(0).gang().id();
        BitSet allowed = new BitSet(domains.count());
        for (int node = 0; node < snapshot.size(); node++) {
            int domain = domains.domainOf(node);
            if (domain == TopologyDomains.NO_DOMAIN || allowed.get(domain)) {
                continue;
            }
            for (Pod pod : snapshot.pods(node)) {
                if (pod.gang() != null && pod.gang().id().equals(gang)) {
                    allowed.set(domain);
                    break;
                }
            }
        }
        return allowed;
    }

    /** Per domain, the sum over members of the most of the member's bytes one node of the domain holds. */
    private static long[] localBytesPerDomain(SchedulingUnit unit, ClusterSnapshot snapshot, TopologyDomains domains) {
        long[] total = new long[domains.count()];
        Map<ChunkSet, long[]> bestChunksByReads = new HashMap<>();
        for (Pod pod : unit.pending()) {
            if (!pod.dataReads().readsData()) {
                continue;
            }
            long[] bestChunks = bestChunksByReads.computeIfAbsent(pod.dataReads().chunks(),
                    reads -> bestChunksPerDomain(snapshot.chunkHolders().localChunks(reads), domains));
            for (int d = 0; d < total.length; d++) {
                total[d] += bestChunks[d] * pod.dataReads().chunkBytes();
            }
        }
        return total;
    }

    private static long[] bestChunksPerDomain(LocalChunks local, TopologyDomains domains) {
        long[] best = new long[domains.count()];
        for (int i = 0; i < local.holderCount(); i++) {
            int domain = domains.domainOf(local.holder(i));
            if (domain != TopologyDomains.NO_DOMAIN) {
                best[domain] = Math.max(best[domain], local.chunks(i));
            }
        }
        return best;
    }
}
