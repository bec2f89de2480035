package dev.stook.sim;

import dev.stook.core.cycle.SchedulerSettings;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GangSimulationTest {
    private static final SchedulerSettings PER_POD = SchedulerSettings.DEFAULTS.withGangAdmission(false);

    /**
     * One 4-cpu node. A 2-cpu pod runs 0s-10s; a gang of two 2-cpu pods (minimum 2, work 5s) arrives at
     * 0s behind it. Per pod, one member binds at 0s and idles until its partner binds at 10s; with gang
     * admission both bind at 10s. Either way the gang works 10s-15s.
     */
    private static final String LATE_PARTNER = """
            name: late-partner
            cycleInterval: 1s
            nodeGroups: [{name: n, count: 1, allocatable: {cpu: "4", memory: 8Gi}}]
            workloads:
              - {name: blocker, jobs: 1, arrival: {every: 1s}, requests: {cpu: "2"}, duration: 10s}
              - {name: gang, jobs: 1, arrival: {every: 1s}, podsPerJob: 2, gangMinMembers: 2,
                 requests: {cpu: "2"}, duration: 5s}
            """;

    /**
     * Two 4-cpu nodes. A whole-node pod runs 0s-10s on one; gang a (two whole-node pods, queue x) arrives
     * at 0s, gang b (the same, queue y) at 1s. Per pod, a-0 takes the free node at 0s and b-0 the other
     * when it frees at 10s (y holds less than x): each gang holds one node and waits for the other forever.
     * Neither queue has a guarantee, so nothing is evicted.
     */
    private static final String CROSSED_GANGS = """
            name: crossed-gangs
            cycleInterval: 1s
            queues:
              queues: [{name: x}, {name: y}]
              placement: [{queue: x}]
            nodeGroups: [{name: n, count: 2, allocatable: {cpu: "4", memory: 8Gi}}]
            workloads:
              - {name: blocker, jobs: 1, arrival: {every: 1s}, requests: {cpu: "4"}, duration: 10s}
              - {name: a, jobs: 1, arrival: {every: 1s}, podsPerJob: 2, gangMinMembers: 2,
                 requests: {cpu: "4"}, duration: 5s}
              - {name: b, queue: y, jobs: 1, start: 1s, arrival: {every: 1s}, podsPerJob: 2, gangMinMembers: 2,
                 requests: {cpu: "4"}, duration: 5s}
            """;

    @Test
    void aGangWorksOnlyOnceItsMinimumRunsAndItsEarlyMembersHoldResourcesIdle() {
        Scenario scenario = ScenarioLoader.parse(LATE_PARTNER, "late-partner.yaml");

        SimulationReport perPod = Simulator.run(scenario, PER_POD);
        SimulationReport stook = Simulator.run(scenario);

        assertThat(perPod.jobCompletion().maxMillis()).isEqualTo(15_000);
        assertThat(perPod.gangs().partiallyStartedGangs()).isEqualTo(1);
        assertThat(perPod.gangs().idleHeld().cpuCoreSeconds()).isCloseTo(2 * 10.0, within(1e-9));
        assertThat(perPod.gangs().idleHeld().nodeSeconds()).isCloseTo(0.5 * 10, within(1e-9));
        assertThat(stook.jobCompletion().maxMillis()).isEqualTo(15_000);
        assertThat(stook.gangs()).isEqualTo(new GangOutcome(0, new GangOutcome.IdleHeld(0, 0)));
        assertThat(stook.waits().maxMillis()).isEqualTo(10_000);
        assertThat(stook.ending().reason()).isEqualTo(RunEnding.Reason.COMPLETED);
    }

    @Test
    void perPodPlacementDeadlocksCrossedGangsThatGangAdmissionRunsInTurn() {
        Scenario scenario = ScenarioLoader.parse(CROSSED_GANGS, "crossed-gangs.yaml");

        SimulationReport perPod = Simulator.run(scenario, PER_POD);
        SimulationReport stook = Simulator.run(scenario);

        assertThat(perPod.ending().deadlocked()).isTrue();
        assertThat(perPod.ending().reason()).isEqualTo(RunEnding.Reason.NO_PROGRESS);
        assertThat(perPod.ending().stuckJobs()).containsExactly(
                new RunEnding.StuckJob("a-0", 1, 1, 2), new RunEnding.StuckJob("b-0", 1, 1, 2));
        assertThat(perPod.jobsCompleted()).isEqualTo(1);
        assertThat(perPod.gangs().partiallyStartedGangs()).isEqualTo(2);

        assertThat(stook.ending().deadlocked()).isFalse();
        assertThat(stook.jobsCompleted()).isEqualTo(3);
        assertThat(stook.gangs().partiallyStartedGangs()).isZero();
        // one gang runs 10s-15s, the other 15s-20s
        assertThat(stook.evictions()).isZero();
        assertThat(stook.makespanMillis()).isEqualTo(20_000);
    }

    @Test
    void aRunStopsAtItsMaxVirtualTimeAndListsTheUnfinishedJobs() {
        Scenario scenario = ScenarioLoader.parse(CROSSED_GANGS.replace("cycleInterval: 1s",
                "cycleInterval: 1s\nmaxVirtualTime: 5s"), "crossed-gangs.yaml");

        RunEnding ending = Simulator.run(scenario, PER_POD).ending();

        assertThat(ending.reason()).isEqualTo(RunEnding.Reason.HORIZON);
        assertThat(ending.atMillis()).isEqualTo(5_000);
        assertThat(ending.stuckJobs()).extracting(RunEnding.StuckJob::job).containsExactly("blocker-0", "a-0", "b-0");
    }

    @Test
    void theSimulatorWakesWhenTimeAloneChangesADecision() {
        // the waiting pod starts to starve at 301s, when nothing arrives or finishes: a cycle runs then too
        SimulationReport report = Simulator.run(ScenarioLoader.parse("""
                name: starving
                cycleInterval: 1s
                nodeGroups: [{name: n, count: 1, allocatable: {cpu: "4"}}]
                workloads:
                  - {name: long, jobs: 1, arrival: {every: 1s}, requests: {cpu: "4"}, duration: 1000s}
                  - {name: next, jobs: 1, start: 1s, arrival: {every: 1s}, requests: {cpu: "4"}, duration: 1s}
                """, "starving.yaml"));

        assertThat(report.cycles()).isEqualTo(4);
        assertThat(report.makespanMillis()).isEqualTo(1_001_000);
    }

    @Test
    void underContentionGangAdmissionStartsNoGangPartiallyAndFinishesJobsSooner() {
        Scenario scenario = ScenarioLoader.load(Path.of("../config/scenarios/gang-contention.yaml"));

        SimulationReport stook = Simulator.run(scenario);
        SimulationReport perPod = Simulator.run(scenario, PER_POD);

        assertThat(stook.gangs().partiallyStartedGangs()).isZero();
        assertThat(stook.gangs().idleHeld().nodeSeconds()).isZero();
        assertThat(stook.jobsCompleted()).isEqualTo(stook.jobsSubmitted());
        assertThat(perPod.gangs().partiallyStartedGangs()).isPositive();
        assertThat(perPod.gangs().idleHeld().nodeSeconds()).isPositive();
        assertThat(stook.jobCompletion().meanMillis()).isLessThan(perPod.jobCompletion().meanMillis());
    }

    @Test
    void bothPoliciesAreDeterministicForASeed() {
        Scenario scenario = ScenarioLoader.loadDefault();

        for (SchedulerSettings settings : new SchedulerSettings[] {SchedulerSettings.DEFAULTS, PER_POD}) {
            SimulationReport first = Simulator.run(scenario, settings);
            SimulationReport second = Simulator.run(scenario, settings);
            assertThat(second).usingRecursiveComparison()
                    .ignoringFields("engineNanos", "engineCpuNanos", "cycleTimes", "cycleCpuTimes", "peakHeapAfterGcBytes")
                    .isEqualTo(first);
        }
    }
}
