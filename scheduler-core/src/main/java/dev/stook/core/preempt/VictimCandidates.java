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
 * Gathers what may be evicted, grouped so a gang goes whole or not at all, in the order victims are
 * taken: most-over-share queue first, then lowest priority, then youngest. A group is left out entirely
 * if any member is non-preemptible, only assumed (its binding is in flight), or already being evicted.
 */
public final class VictimCandidates {
    public static final Comparator<VictimGroup> EVICTION_ORDER = Comparator
            .comparingDouble((VictimGroup g) -> -g.queueOverShare())
            .thenComparingInt(VictimGroup::priority)
            .thenComparingLong(g -> -g.createdAtMillis())
            .thenComparing(VictimGroup::name);

    private VictimCandidates() {}

    /**
     * @param eligible   which of Stook's placed pods the waiting unit may take from (by queue, priority)
     * @param overShare  per leaf queue, its allocation over its fair share
     * @param evicting   pods already chosen as victims and not yet gone
     * @param ownGang    the waiting unit's gang (null for a lone pod): its running members are never its victims
     */
    public static List<VictimGroup> collect(List<ClusterState.Placement> placements, Predicate<Pod> eligible,
                                            Map<String, Double> overShare, Set<PodId> evicting, GangId ownGang) {
        Map<String, List<ClusterState.Placement>> byOwner = new LinkedHashMap<>();
        for (ClusterState.Placement placement : placements) {
            Pod pod = placement.pod();
            if (pod.queue() != null && (pod.gang() == null || !pod.gang().id().equals(ownGang))) {
                String key = pod.gang() != null ? pod.gang().id().toString() : pod.id().toString();
                byOwner.computeIfAbsent(key, k -> new ArrayList<>()).add(placement);
            }
        }
        List<VictimGroup> groups = new ArrayList<>();
        byOwner.forEach((name, members) -> {
            if (members.stream().allMatch(m -> evictable(m, eligible, evicting))) {
                groups.add(group(name, members, overShare));
            }
        });
        groups.sort(EVICTION_ORDER);
        return groups;
    }

    private static boolean evictable(ClusterState.Placement placement, Predicate<Pod> eligible, Set<PodId> evicting) {
        Pod pod = placement.pod();
        return !placement.assumed() && pod.preemptible() && !evicting.contains(pod.id()) && eligible.test(pod);
    }

    private static VictimGroup group(String name, List<ClusterState.Placement> members, Map<String, Double> overShare) {
        Pod first = members.get(0).pod();
        int priority = members.stream().mapToInt(m -> m.pod().priority()).max().orElse(0);
        long created = members.stream().mapToLong(m -> m.pod().createdAtMillis()).max().orElse(0);
        return new VictimGroup(name, first.queue(), members.stream().map(ClusterState.Placement::pod).toList(),
                members.stream().map(ClusterState.Placement::nodeName).toList(),
                overShare.getOrDefault(first.queue(), 0.0), priority, created);
    }
}
