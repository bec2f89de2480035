package dev.stook.sim;

import dev.stook.core.cluster.ClusterState;
import dev.stook.core.cycle.Decision;
import dev.stook.core.cycle.Scheduler;
import dev.stook.core.cycle.SchedulerSettings;
import dev.stook.core.cycle.SchedulingObserver;
import dev.stook.core.model.Node;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The constraints scenario, checked after every cycle: no node runs two pods of one shuffle gang, the
 * running pods of a zonal job share one zone, and every pod is scheduled in the end.
 */
class InterPodRulesSimulationTest {
    private static final String ZONE = "topology.kubernetes.io/zone";

    @Test
    void theScenarioRunsToTheEndWithEveryRuleHeldAtEveryCycle() {
        Scenario scenario = ScenarioLoader.load(Path.of("../config/scenarios/constraints.yaml"));
        Map<String, String> zoneOf = new HashMap<>();
        for (NodeGroup group : scenario.nodeGroups()) {
            for (Node node : group.nodes()) {
                zoneOf.put(node.name(), node.labels().get(ZONE));
            }
        }
        int[] cycles = new int[1];
        SchedulingObserver invariants = new SchedulingObserver() {
            @Override
            public void cycleFinished(Scheduler scheduler, List<Decision> decisions, long nowMillis, long durationNanos) {
                assertRulesHold(scheduler.cluster(), zoneOf);
                cycles[0]++;
            }

            @Override
            public void stateChanged(Scheduler scheduler, long nowMillis) {
            }
        };

        SimulationReport report = Simulator.run(scenario, SchedulerSettings.DEFAULTS, QueueSetup.SCENARIO, invariants);

        assertThat(cycles[0]).isGreaterThan(100);
        assertThat(report.podsScheduled()).isEqualTo(40 * 16 + 60 * 6 + 50 * 8 + 400 * 2);
    }

    private static void assertRulesHold(ClusterState cluster, Map<String, String> zoneOf) {
        Set<String> shuffleMembersOnNodes = new HashSet<>();
        Map<String, String> zonalJobZone = new HashMap<>();
        for (ClusterState.Placement placement : cluster.placements()) {
            String job = placement.pod().labels().get(PodRule.JOB);
            if (job.startsWith("shuffle-")) {
                assertThat(shuffleMembersOnNodes.add(job + "@" + placement.nodeName()))
                        .as("two members of %s on %s", job, placement.nodeName()).isTrue();
            }
            if (job.startsWith("zonal-")) {
                String zone = zoneOf.get(placement.nodeName());
                assertThat(zonalJobZone.computeIfAbsent(job, j -> zone)).as("zone of %s", job).isEqualTo(zone);
            }
        }
    }
}
