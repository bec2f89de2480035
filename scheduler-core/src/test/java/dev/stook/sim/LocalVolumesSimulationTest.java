package dev.stook.sim;

import dev.stook.core.cluster.ClusterState;
import dev.stook.core.cycle.Decision;
import dev.stook.core.cycle.Scheduler;
import dev.stook.core.cycle.SchedulerSettings;
import dev.stook.core.cycle.SchedulingObserver;
import dev.stook.core.volume.Claim;
import dev.stook.core.volume.PersistentVolume;
import dev.stook.core.volume.Storage;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local-volumes scenario, checked after every cycle: every pod holding a place that claims a disk runs on
 * the node of the disk its claim is bound to, that disk holds the shard the claim selects, and no disk serves
 * two claims; every pod is scheduled in the end.
 */
class LocalVolumesSimulationTest {
    @Test
    void everyReaderRunsBesideADiskHoldingItsShardAndNoDiskServesTwoClaims() {
        Scenario scenario = ScenarioLoader.load(Path.of("../config/scenarios/local-volumes.yaml"));
        int[] checked = new int[1];
        SchedulingObserver invariants = new SchedulingObserver() {
            @Override
            public void cycleFinished(Scheduler scheduler, List<Decision> decisions, long nowMillis, long durationNanos) {
                checked[0] += assertDisksHold(scheduler.cluster());
            }

            @Override
            public void stateChanged(Scheduler scheduler, long nowMillis) {
            }
        };

        SimulationReport report = Simulator.run(scenario, SchedulerSettings.DEFAULTS, QueueSetup.SCENARIO, invariants);

        assertThat(report.podsScheduled()).isEqualTo(240 + 20 * 4 + 300);
        assertThat(checked[0]).as("placements with a disk checked").isGreaterThan(1000);
    }

    private static int assertDisksHold(ClusterState cluster) {
        Storage storage = cluster.storage();
        Set<String> disksInUse = new HashSet<>();
        int checked = 0;
        for (ClusterState.Placement placement : cluster.placements()) {
            for (String name : placement.pod().claims()) {
                Claim claim = storage.claim(placement.pod().id().namespace(), name);
                assertThat(claim).as(placement.pod().id() + "'s claim").isNotNull();
                assertThat(claim.bound()).as(claim.key() + " bound").isTrue();
                PersistentVolume disk = storage.volume(claim.volumeName());
                assertThat(disk.name()).as("the disk of " + placement.pod().id())
                        .startsWith(placement.nodeName() + "-disk-");
                assertThat(claim.selector().matches(disk.labels())).as("the disk holds the claim's shard").isTrue();
                assertThat(disksInUse.add(disk.name())).as(disk.name() + " serves one claim").isTrue();
                checked++;
            }
        }
        return checked;
    }
}
