package dev.stook.core.preempt;

import dev.stook.core.cluster.ClusterState;
import dev.stook.core.gang.GangId;
import dev.stook.core.model.Pod;
import dev.stook.core.model.PodId;

import java.util.ArrayList;
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

    /** @param evicting pods chosen as victims and not yet gone; read again on every question, as it grows */
    public VictimPool(List<ClusterState.Placement> placements, Set<PodId> evicting) {
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
            if (members.stream().allMatch(VictimPool::evictable)) {
                groups.add(group(name, members));
            }
        });
    }

    /**
     * The eligible groups in the order victims are taken: most-over-share queue first, then lowest
     * priority, then youngest.
     *
     * @param ownGang the waiting unit's gang (null for a lone pod): its running members are never its victims
     */
    public List<VictimGroup> candidates(Predicate<VictimGroup> eligible, Map<String, Double> overShare, GangId ownGang) {
        String own = ownGang == null ? null : ownGang.toString();
        Comparator<VictimGroup> order = Comparator
                .comparingDouble((VictimGroup g) -> -overShare.getOrDefault(g.queue(), 0.0))
                .thenComparingInt(VictimGroup::priority)
                .thenComparingLong(g -> -g.createdAtMillis())
                .thenComparing(VictimGroup::name);
        return groups.stream().filter(g -> !g.name().equals(own))
                .filter(g -> g.pods().stream().noneMatch(pod -> evicting.contains(pod.id())))
                .filter(eligible).sorted(order).toList();
    }

    private static boolean evictable(ClusterState.Placement placement) {
        return !placement.assumed() && placement.pod().preemptible();
    }

    private static VictimGroup group(String name, List<ClusterState.Placement> members) {
        Pod first = members.get(0).pod();
        int priority = members.stream().mapToInt(m -> m.pod().priority()).max().orElse(0);
        long created = members.stream().mapToLong(m -> m.pod().createdAtMillis()).max().orElse(0);
        return new VictimGroup(name, first.queue(), members.stream().map(ClusterState.Placement::pod).toList(),
                members.stream().map(ClusterState.Placement::nodeName).toList(), priority, created);
    }
}
