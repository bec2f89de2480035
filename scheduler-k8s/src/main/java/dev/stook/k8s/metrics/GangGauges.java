package dev.stook.k8s.metrics;

import dev.stook.core.cluster.ClusterState;
import dev.stook.core.cycle.Scheduler;
import dev.stook.core.gang.GangId;
import dev.stook.core.gang.GangMembership;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Gangs by state: {@code waiting} (members pending, none placed), {@code partial} (some members placed but
 * fewer than the minimum: Stook never does that itself, so members were lost after admission) and
 * {@code admitted} (at least the minimum placed, bound or being bound).
 */
final class GangGauges {
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicInteger partial = new AtomicInteger();
    private final AtomicInteger admitted = new AtomicInteger();

    GangGauges(MeterRegistry registry) {
        register(registry, "waiting", waiting);
        register(registry, "partial", partial);
        register(registry, "admitted", admitted);
    }

    private static void register(MeterRegistry registry, String state, AtomicInteger count) {
        Gauge.builder("stook.gangs", count, AtomicInteger::get).description("Gangs by admission state")
                .tag("state", state).register(registry);
    }

    void refresh(Scheduler scheduler) {
        ClusterState cluster = scheduler.cluster();
        Map<GangId, Integer> minimumByGang = new HashMap<>();
        for (GangMembership gang : scheduler.pendingGangs()) {
            minimumByGang.put(gang.id(), gang.minMembers());
        }
        for (ClusterState.Placement placement : cluster.placements()) {
            GangMembership gang = placement.pod().gang();
            if (gang != null) {
                minimumByGang.putIfAbsent(gang.id(), gang.minMembers());
            }
        }
        int waitingNow = 0;
        int partialNow = 0;
        int admittedNow = 0;
        for (Map.Entry<GangId, Integer> gang : minimumByGang.entrySet()) {
            int placed = cluster.placedMembers(gang.getKey());
            if (placed >= gang.getValue()) {
                admittedNow++;
            } else if (placed > 0) {
                partialNow++;
            } else {
                waitingNow++;
            }
        }
        waiting.set(waitingNow);
        partial.set(partialNow);
        admitted.set(admittedNow);
    }
}
