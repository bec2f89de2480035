package dev.stook.core.preempt;

import dev.stook.core.cluster.ClusterSnapshot;
import dev.stook.core.cluster.ClusterState;
import dev.stook.core.gang.GangId;
import dev.stook.core.model.Pod;
import dev.stook.core.model.PodId;
import dev.stook.core.queue.QueueView;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What may be evicted this cycle, grouped so a gang goes whole or not at all. A group is left out
 * entirely if any member is non-preemptible, only assumed (its binding is in flight), or already being
 * evicted. Built once per cycle, asked per waiting unit.
 */
public final class VictimPool {
    private final List<VictimGroup> groups = new ArrayList<>();
    private final Set<PodId> evicting;

    /**
     * @param snapshot the cycle's snapshot; pods on nodes it lacks cannot make room in it and are left out
     * @param evicting pods chosen as victims and not yet gone; read again on every question, as it grows
     */
    public VictimPool(List<ClusterState.Placement> placements, ClusterSnapshot snapshot, Set<PodId> evicting) {
        this.evicting = evicting;
        Map<String, List<ClusterState.Placement>> byOwner = new LinkedHashMap<>();
        for (ClusterState.Placement placement : placements) {
            Pod pod = placement.pod();
            if (pod.queue() != null) {
                String key = pod.gang() != null ? pod.gang().id().toString() : pod.id().toString();
                byOwner.computeIfAbsent(key, k -> new ArrayList<>()).add(placement);
            }
        }
        byOwner.forEach((name, members) -> {
            if (members.stream().allMatch(m -> evictable(m, snapshot))) {
                groups.add(group(name, members, snapshot));
            }
        });
    }

    /**
     * The eligible groups in the order victims are taken: most-over-share queue first, then lowest
     * priority, then youngest.
     *
     * @param ownGang the waiting unit's gang (null for a lone pod): its running members are never its victims
     * @param usable  nodes the waiting unit could use: evicting elsewhere cannot help it
     */
    public List<VictimGroup> candidates(Predicate<VictimGroup> eligible, QueueView queues, GangId ownGang,
                                        BitSet usable) {
        String own = ownGang == null ? null : ownGang.toString();
        Comparator<VictimGroup> order = Comparator
                .comparingDouble((VictimGroup g) -> -queues.overShare(g.queue()))
                .thenComparingInt(VictimGroup::priority)
                .thenComparingLong(g -> -g.createdAtMillis())
                .thenComparing(VictimGroup::name);
        List<VictimGroup> candidates = new ArrayList<>();
        for (VictimGroup group : groups) {
            if (group.occupiesAny(usable) && !group.name().equals(own) && eligible.test(group) && !beingEvicted(group)) {
                candidates.add(group);
            }
        }
        candidates.sort(order);
        return candidates;
    }

    private boolean beingEvicted(VictimGroup group) {
        for (Pod pod : group.pods()) {
            if (evicting.contains(pod.id())) {
                return true;
            }
        }
        return false;
    }

    private static boolean evictable(ClusterState.Placement placement, ClusterSnapshot snapshot) {
        return !placement.assumed() && placement.pod().preemptible() && snapshot.indexOf(placement.nodeName()) >= 0;
    }

    private static VictimGroup group(String name, List<ClusterState.Placement> members, ClusterSnapshot snapshot) {
        List<Pod> pods = new ArrayList<>(members.size());
        int[] nodes = new int[members.size()];
        int priority = Integer.MIN_VALUE;
        long created = Long.MIN_VALUE;
        for (int i = 0; i < members.size(); i++) {
            Pod pod = members.get(i).pod();
            pods.add(pod);
            nodes[i] = snapshot.indexOf(members.get(i).nodeName());
            priority = Math.max(priority, pod.priority());
            created = Math.max(created, pod.createdAtMillis());
        }
        return new VictimGroup(name, pods.get(0).queue(), pods, nodes, priority, created);
    }
}
