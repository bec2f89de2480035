package dev.stook.k8s.metrics;

import dev.stook.core.cluster.ClusterState;
import dev.stook.core.cycle.Decision;
import dev.stook.core.gang.GangId;
import dev.stook.core.model.Pod;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Finds the gangs a cycle admitted and how long each waited. */
final class GangAdmissions {
    private GangAdmissions() {}

    /**
     * For every gang whose binds in these decisions brought it to its minimum, the time from its earliest
     * such member's creation to {@code nowMillis}. The cluster state must already hold the binds (assumed).
     */
    static List<Long> waitsMillis(List<Decision> decisions, ClusterState cluster, long nowMillis) {
        Map<GangId, List<Pod>> boundByGang = new LinkedHashMap<>();
        for (Decision decision : decisions) {
            if (decision instanceof Decision.Bind bind && bind.pod().gang() != null) {
                boundByGang.computeIfAbsent(bind.pod().gang().id(), gang -> new ArrayList<>()).add(bind.pod());
            }
        }
        List<Long> waits = new ArrayList<>();
        boundByGang.forEach((gang, bound) -> {
            int minMembers = bound.get(0).gang().minMembers();
            int placed = cluster.placedMembers(gang);
            if (placed >= minMembers && placed - bound.size() < minMembers) {
                long created = bound.stream().mapToLong(Pod::createdAtMillis).min().orElseThrow();
                waits.add(Math.max(0, nowMillis - created));
            }
        });
        return waits;
    }
}
