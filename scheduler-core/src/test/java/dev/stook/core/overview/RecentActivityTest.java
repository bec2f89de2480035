package dev.stook.core.overview;

import dev.stook.core.cycle.Decision;
import dev.stook.core.model.Pod;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.stook.core.Fixtures.res;
import static org.assertj.core.api.Assertions.assertThat;

class RecentActivityTest {
    private final RecentActivity activity = new RecentActivity();

    @Test
    void evictionsAreKeptNewestFirstWithTheirReasonsAndOnlyForVisibleNamespaces() {
        activity.cycleFinished(null, List.of(evict("ns-a", "old")), 1_000, 1_000_000);
        activity.cycleFinished(null, List.of(evict("ns-b", "other"), evict("ns-a", "new")), 2_000, 3_000_000);

        assertThat(activity.evictions("ns-a"::equals)).containsExactly(
                new RecentActivity.Eviction(2_000, "ns-a", "new", "q", "Preempted", "for gang x in queue q"),
                new RecentActivity.Eviction(1_000, "ns-a", "old", "q", "Preempted", "for gang x in queue q"));
        assertThat(activity.cycles()).containsExactly(new RecentActivity.CycleTiming(2_000, 3.0, 0, 2, 0),
                new RecentActivity.CycleTiming(1_000, 1.0, 0, 1, 0));
    }

    @Test
    void onlyTheLastCyclesAndEvictionsAreKept() {
        for (int i = 0; i < RecentActivity.EVICTIONS_KEPT + 5; i++) {
            activity.cycleFinished(null, List.of(evict("ns", "p" + i)), i, 0);
        }

        assertThat(activity.evictions(any -> true)).hasSize(RecentActivity.EVICTIONS_KEPT)
                .first().extracting(RecentActivity.Eviction::pod).isEqualTo("p" + (RecentActivity.EVICTIONS_KEPT + 4));
        assertThat(activity.cycles()).hasSize(RecentActivity.CYCLES_KEPT);
    }

    private static Decision evict(String namespace, String name) {
        return new Decision.Evict(Pod.of(namespace, name, res("1", "1Gi")).inQueue("q"), "Preempted",
                "for gang x in queue q");
    }
}
