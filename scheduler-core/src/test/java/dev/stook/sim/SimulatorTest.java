package dev.stook.sim;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SimulatorTest {
    /**
     * One node with room for two pods; three one-pod jobs arrive at 50ms, 1050ms and 2050ms and run 3s.
     * On the 100ms grid: job 0 binds at 100 (waits 50), job 1 at 1100 (50); job 2 finds the node full
     * until job 0 ends at 3100, binds then (waits 1050) and ends at 6100.
     */
    private static final String TINY = """
            name: tiny
            cycleInterval: 100ms
            nodeGroups: [{name: n, count: 1, allocatable: {cpu: "2", memory: 4Gi}}]
            workloads:
              - {name: w, jobs: 3, start: 50ms, arrival: {every: 1s}, requests: {cpu: "1", memory: 1Gi}, duration: 3s}
            """;

    @Test
    void tinyScenarioHasHandComputedTimes() {
        SimulationReport report = Simulator.run(ScenarioLoader.parse(TINY, "tiny.yaml"));

        assertThat(report.podsSubmitted()).isEqualTo(3);
        assertThat(report.podsScheduled()).isEqualTo(3);
        assertThat(report.podsNeverScheduled()).isZero();
        assertThat(report.makespanMillis()).isEqualTo(6_100);
        assertThat(report.waits()).isEqualTo(new DurationStats(3, 1_150 / 3.0, 50, 1_050, 1_050));
        assertThat(report.cycles()).isEqualTo(4);
        // cpu held: 1 of 2 during [100,1100), 2 during [1100,4100), 1 during [4100,6100)
        assertThat(report.utilisation().cpu()).isCloseTo(9_000.0 / (2 * 6_100), within(1e-9));
        assertThat(report.utilisation().memory()).isCloseTo(9_000.0 / (4 * 6_100), within(1e-9));
        assertThat(report.utilisation().buckets()).hasSize(10);
        assertThat(report.utilisation().buckets().get(2).cpu()).isEqualTo(1.0);
    }

    @Test
    void everyCycleIsTimed() {
        SimulationReport report = Simulator.run(ScenarioLoader.parse(TINY, "tiny.yaml"));

        assertThat(report.cycleTimes().count()).isEqualTo(4);
        assertThat(report.cycleCpuTimes().count()).isEqualTo(4);
        assertThat(report.cycleTimes().p50Nanos()).isPositive()
                .isLessThanOrEqualTo(report.cycleTimes().p99Nanos());
        assertThat(report.cycleTimes().p99Nanos()).isLessThanOrEqualTo(report.cycleTimes().maxNanos());
        assertThat(report.maxHeapBytes()).isEqualTo(Runtime.getRuntime().maxMemory());
    }

    @Test
    void aPodGivesBackItsResourcesWhenItsDurationEnds() {
        SimulationReport report = Simulator.run(ScenarioLoader.parse("""
                name: sequential
                cycleInterval: 1s
                nodeGroups: [{name: n, count: 1, allocatable: {cpu: "4", memory: 8Gi}}]
                workloads:
                  - {name: w, jobs: 3, arrival: {every: 1s}, requests: {cpu: "4", memory: 1Gi}, duration: 10s}
                """, "sequential.yaml"));

        // each pod takes the whole node: the next one binds exactly when the previous one ends
        assertThat(report.makespanMillis()).isEqualTo(30_000);
        assertThat(report.waits().maxMillis()).isEqualTo(20_000 - 2_000);
        assertThat(report.utilisation().cpu()).isEqualTo(1.0);
    }

    @Test
    void podsThatFitNowhereAreNeverScheduled() {
        SimulationReport report = Simulator.run(ScenarioLoader.parse("""
                name: too-big
                nodeGroups: [{name: n, count: 2, allocatable: {cpu: "4", memory: 8Gi}}]
                workloads:
                  - {name: small, jobs: 2, arrival: {every: 1s}, requests: {cpu: "1"}, duration: 5s}
                  - {name: huge, jobs: 3, arrival: {every: 1s}, requests: {cpu: "64"}, duration: 5s}
                  - {name: gpu, jobs: 1, arrival: {every: 1s}, requests: {nvidia.com/gpu: "1"}, duration: 5s}
                """, "too-big.yaml"));

        assertThat(report.podsSubmitted()).isEqualTo(6);
        assertThat(report.podsScheduled()).isEqualTo(2);
        assertThat(report.podsNeverScheduled()).isEqualTo(4);
        assertThat(report.makespanMillis()).isEqualTo(6_000);
    }

    @Test
    void sameSeedGivesTheSameReport() {
        Scenario scenario = ScenarioLoader.loadDefault();

        SimulationReport first = Simulator.run(scenario);
        SimulationReport second = Simulator.run(scenario);

        assertThat(second).usingRecursiveComparison()

                .ignoringFields("engineNanos", "engineCpuNanos", "cycleTimes", "cycleCpuTimes", "peakHeapAfterGcBytes")

                .isEqualTo(first);
        assertThat(first.podsScheduled()).isPositive();
    }

    @Test
    void differentSeedsGiveDifferentArrivals() {
        Scenario scenario = ScenarioLoader.loadDefault();

        List<Long> one = arrivals(scenario.withSeed(1));
        List<Long> other = arrivals(scenario.withSeed(2));

        assertThat(one).hasSameSizeAs(other).isNotEqualTo(other);
        assertThat(arrivals(scenario.withSeed(1))).isEqualTo(one);
    }

    @Test
    void fixedArrivalsFollowTheirInterval() {
        Scenario scenario = ScenarioLoader.parse("""
                name: fixed
                nodeGroups: [{name: n, count: 1, allocatable: {cpu: "1"}}]
                workloads:
                  - {name: w, jobs: 3, start: 5s, podsPerJob: 2, arrival: {every: 2s}, requests: {cpu: 1m}, duration: 1s}
                """, "fixed.yaml");

        List<SimJob> jobs = WorkloadGenerator.jobs(scenario);

        assertThat(jobs).extracting(SimJob::arrivalMillis).containsExactly(5_000L, 7_000L, 9_000L);
        assertThat(jobs.get(1).pods()).extracting(p -> p.id().name()).containsExactly("w-1-0", "w-1-1");
        assertThat(jobs.get(1).pods().get(0).createdAtMillis()).isEqualTo(7_000);
    }

    private static List<Long> arrivals(Scenario scenario) {
        return WorkloadGenerator.jobs(scenario).stream().map(SimJob::arrivalMillis).toList();
    }
}
