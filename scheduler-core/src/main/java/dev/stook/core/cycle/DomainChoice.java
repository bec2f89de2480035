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
 * Which domains of a topology level (say, racks) may hold a gang, and in which order to try them. Made for
 * one gang and one state of the scratch copy: what each node has free is read once for every level.
 *
 * <p>A domain is a candidate only when it could hold the gang's minimum: the free capacity of its nodes,
 * summed, covers every resource the smallest members making up that minimum ask for, and its nodes have
 * that many places for a member asking for no more of any resource than the gang's smallest asks. Both
 * are necessary, not sufficient: the trial decides. A gang with members already placed may only join the
 * domains those members are in.
 *
 * <p>Candidates are tried in this order: first the domains holding most of the gang's data (for a gang
 * reading cached chunks: summed over members, the most bytes one node of the domain holds of what that
 * member reads); then best fit, the domain left with the least room in the gang's scarcest resource
 * (free capacity divided by what the gang needs), so that large free domains stay whole for large gangs;
 * then by domain number, so runs repeat.
 */
final class DomainChoice {
    /** The level's domains: how many exist, how many cannot hold the gang, and the candidates in order. */
    record Candidates(int domains, int tooSmall, List<UnitTrial.Domain> ordered) {}

    private record Scored(UnitTrial.Domain domain, long localBytes, double room, int number) {}

    private static final Comparator<Scored> ORDER = Comparator.comparingLong(Scored::localBytes).reversed()
            .thenComparingDouble(Scored::room).thenComparingInt(Scored::number);

    private final SchedulingUnit unit;
    private final ClusterSnapshot snapshot;
    private final long[] need;
    private final int members;
    /** Per node, what it has free of each resource the gang needs; null for nodes no member may use. */
    private final long[][] free;
    /** Per node, how many of the gang's smallest member it has room for. */
    private final long[] places;
    private final boolean readsData;

    DomainChoice(SchedulingUnit unit, ScratchCluster scratch) {
        this.unit = unit;
        this.snapshot = scratch.snapshot();
        List<Pod> pods = unit.pending();
        this.members = Math.max(1, Math.min(pods.size(), unit.minMember() - unit.alreadyPlaced()));
        this.need = minimumNeed(pods, members);
        long[] smallest = smallestMember(pods, need.length);
        this.free = new long[scratch.size()][];
        this.places = new long[scratch.size()];
        for (int node = 0; node < scratch.size(); node++) {
            if (scratch.isReserved(node)) {
                continue;
            }
            NodeSlot slot = scratch.slot(node);
            if (slot.node().unschedulable()) {
                continue;
            }
            long[] nodeFree = new long[need.length];
            long nodePlaces = Long.MAX_VALUE;
            for (int r = 0; r < need.length; r++) {
                nodeFree[r] = Math.max(0, slot.free(r));
                if (smallest[r] > 0) {
                    nodePlaces = Math.min(nodePlaces, nodeFree[r] / smallest[r]);
                }
            }
            free[node] = nodeFree;
            places[node] = nodePlaces == Long.MAX_VALUE ? members : nodePlaces;
        }
        this.readsData = pods.stream().anyMatch(p -> p.dataReads().readsData());
    }

    Candidates candidates(String key) {
        TopologyDomains domains = snapshot.domains(key);
        BitSet allowed = unit.alreadyPlaced() > 0 ? domainsOfPlacedMembers(domains) : null;
        long[] local = readsData ? localBytesPerDomain(domains) : null;
        List<Scored> fitting = new ArrayList<>();
        int tooSmall = 0;
        for (int d = 0; d < domains.count(); d++) {
            if (allowed != null && !allowed.get(d)) {
                continue;
            }
            int[] nodes = domains.nodesIn(d);
            double room = room(nodes);
            if (room < 1) {
                tooSmall++;
                continue;
            }
            String value = snapshot.node(nodes[0]).labels().get(key);
            fitting.add(new Scored(new UnitTrial.Domain(key, value, nodes), local == null ? 0 : local[d], room, d));
        }
        fitting.sort(ORDER);
        return new Candidates(domains.count(), tooSmall, fitting.stream().map(Scored::domain).toList());
    }

    /**
     * How many times over the nodes' free capacity covers the need, in the scarcest resource; 0 when they
     * have too few places for the gang's minimum. Below 1 they cannot hold the gang.
     */
    private double room(int[] nodes) {
        long[] total = new long[need.length];
        long totalPlaces = 0;
        for (int node : nodes) {
            if (free[node] != null) {
                totalPlaces += places[node];
                for (int r = 0; r < need.length; r++) {
                    total[r] += free[node][r];
                }
            }
        }
        if (totalPlaces < members) {
            return 0;
        }
        double room = Double.MAX_VALUE;
        for (int r = 0; r < need.length; r++) {
            if (need[r] > 0) {
                room = Math.min(room, (double) total[r] / need[r]);
            }
        }
        return room;
    }

    /** Per resource, what the smallest members making up the gang's minimum ask for together. */
    private static long[] minimumNeed(List<Pod> pods, int members) {
        int width = 0;
        for (Pod pod : pods) {
            width = Math.max(width, pod.requests().width());
        }
        long[] need = new long[width];
        long[] amounts = new long[pods.size()];
        for (int r = 0; r < width; r++) {
            for (int i = 0; i < pods.size(); i++) {
                amounts[i] = pods.get(i).requests().get(r);
            }
            Arrays.sort(amounts);
            for (int i = 0; i < members; i++) {
                need[r] += amounts[i];
            }
        }
        return need;
    }

    /** Per resource, the least any member asks for. */
    private static long[] smallestMember(List<Pod> pods, int width) {
        long[] smallest = new long[width];
        Arrays.fill(smallest, Long.MAX_VALUE);
        for (Pod pod : pods) {
            for (int r = 0; r < width; r++) {
                smallest[r] = Math.min(smallest[r], pod.requests().get(r));
            }
        }
        return smallest;
    }

    private BitSet domainsOfPlacedMembers(TopologyDomains domains) {
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
    private long[] localBytesPerDomain(TopologyDomains domains) {
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
