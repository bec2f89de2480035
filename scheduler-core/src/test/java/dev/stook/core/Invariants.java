package dev.stook.core;

import dev.stook.core.cluster.ClusterState;
import dev.stook.core.model.Node;
import dev.stook.core.model.ResourceNames;
import dev.stook.core.model.Resources;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks of DESIGN.md §5's invariants, computed independently of the engine's own accounting. */
public final class Invariants {
    private Invariants() {}

    /** No node holds more than it offers, on any resource, counting pods as a resource. */
    public static void assertNoNodeOvercommitted(ClusterState cluster, Map<String, Node> nodes, String context) {
        int width = ResourceNames.count();
        Map<String, long[]> used = new HashMap<>();
        for (ClusterState.Placement placement : cluster.placements()) {
            long[] sum = used.computeIfAbsent(placement.nodeName(), n -> new long[width]);
            for (int slot = 0; slot < width; slot++) {
                sum[slot] += placement.pod().requests().get(slot);
            }
            sum[ResourceNames.PODS]++;
        }
        used.forEach((nodeName, sum) -> {
            Resources allocatable = nodes.get(nodeName).allocatable();
            for (int slot = 0; slot < width; slot++) {
                assertThat(sum[slot])
                        .as("%s: node %s over-committed on %s", context, nodeName, ResourceNames.nameOf(slot))
                        .isLessThanOrEqualTo(allocatable.get(slot));
            }
        });
    }
}
