package dev.stook.sim;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QueueSimulationTest {
    /**
     * One 4-cpu node. Queue a (weight 1) and b (weight 3) each have a backlog of 1-cpu, 10s pods from t=0
     * and no guarantee, so the fair shares are exactly 1 and 3 cpus (25% and 75%); every finish hands the
     * freed cpu to the queue below its share. a's 8 pods and b's 24 run in 8 rounds: both end at 80s.
     */
    private static final String WEIGHTED = """
            name: weighted
            cycleInterval: 1s
            queues:
              queues:
                - {name: a, weight: 1}
                - {name: b, weight: 3}
            nodeGroups: [{name: n, count: 1, allocatable: {cpu: "4", memory: 4Gi, pods: "110"}}]
            workloads:
              - {name: wa, queue: a, jobs: 1, podsPerJob: 8, arrival: {every: 1s}, requests: {cpu: "1", memory: 1Gi}, duration: 10s}
              - {name: wb, queue: b, jobs: 1, podsPerJob: 24, arrival: {every: 1s}, requests: {cpu: "1", memory: 1Gi}, duration: 10s}
            """;

    /**
     * One 4-cpu node, grace 5s. From t=0 queue b holds it all: two non-preemptible pods (inside its 2-cpu
     * guarantee) and a 2-pod gang. At 10s queue a's two pods arrive, owed its 2-cpu guarantee, and b is
     * above its fair share of 2: the engine evicts the preemptible gang whole. The victims are gone at
     * 15s, a binds then and ends at 25s; the gang's two replacements bind at 25s and end at 125s.
     */
    private static final String RECLAIM = """
            name: reclaim
            cycleInterval: 1s
            evictionGrace: 5s
            queues:
              queues:
                - {name: a, guaranteed: {cpu: "2", memory: 2Gi}}
                - {name: b, guaranteed: {cpu: "2", memory: 2Gi}}
            nodeGroups: [{name: n, count: 1, allocatable: {cpu: "4", memory: 4Gi, pods: "110"}}]
            workloads:
              - {name: steady, queue: b, preemptible: false, jobs: 1, podsPerJob: 2, arrival: {every: 1s},
                 requests: {cpu: "1", memory: 1Gi}, duration: 200s}
              - {name: train, queue: b, jobs: 1, podsPerJob: 2, gangMinMembers: 2, arrival: {every: 1s},
                 requests: {cpu: "1", memory: 1Gi}, duration: 100s}
              - {name: urgent, queue: a, start: 10s, jobs: 1, podsPerJob: 2, arrival: {every: 1s},
                 requests: {cpu: "1", memory: 1Gi}, duration: 10s}
            """;

    @Test
    void weightedQueuesHoldExactlyTheirFairShares() {
        SimulationReport report = Simulator.run(ScenarioLoader.parse(WEIGHTED, "weighted.yaml"));

        assertThat(report.makespanMillis()).isEqualTo(80_000);
        QueueOutcome a = queue(report, "a");
        QueueOutcome b = queue(report, "b");
        assertThat(a.backloggedMillis()).isEqualTo(70_000);
        assertThat(a.meanShare()).isEqualTo(0.25);
        assertThat(a.meanFairShare()).isEqualTo(0.25);
        assertThat(b.meanShare()).isEqualTo(0.75);
        assertThat(b.meanFairShare()).isEqualTo(0.75);
        assertThat(a.shareError()).isZero();
        assertThat(b.meanDeviation()).isZero();
        assertThat(report.evictions()).isZero();
    }

    @Test
    void reclaimEvictsThePreemptibleGangWholeAndItsReplacementsFinishTheJob() {
        SimulationReport report = Simulator.run(ScenarioLoader.parse(RECLAIM, "reclaim.yaml"));

        assertThat(report.evictions()).isEqualTo(2);
        assertThat(report.nonPreemptibleEvictions()).isZero();
        assertThat(report.podsSubmitted()).isEqualTo(6 + 2);
        assertThat(report.podsScheduled()).isEqualTo(8);
        assertThat(report.jobsCompleted()).isEqualTo(3);
        assertThat(report.ending().reason()).isEqualTo(RunEnding.Reason.COMPLETED);
        assertThat(report.makespanMillis()).isEqualTo(200_000);
        // urgent: arrives 10s, binds 15s, ends 25s; train: its replacements bind at 25s and end at 125s
        assertThat(report.jobCompletion().p50Millis()).isEqualTo(125_000);
        assertThat(report.jobCompletion().maxMillis()).isEqualTo(200_000);
        assertThat(report.gangs().partiallyStartedGangs()).isZero();
        QueueOutcome a = queue(report, "a");
        assertThat(a.reclaim().count()).isEqualTo(1);
        assertThat(a.reclaim().maxMillis()).isEqualTo(5_000);
        assertThat(a.reclaimOpenAtEnd()).isZero();
        assertThat(queue(report, "b").evictions()).isEqualTo(2);
    }

    @Test
    void theFifoBaselineNeverEvictsAndIsJudgedAgainstTheScenarioQueues() {
        SimulationReport report = Simulator.run(ScenarioLoader.parse(RECLAIM, "reclaim.yaml"),
                dev.stook.core.cycle.SchedulerSettings.DEFAULTS, QueueSetup.FIFO_BASELINE);

        assertThat(report.evictions()).isZero();
        assertThat(report.queues()).extracting(QueueOutcome::path).containsExactly("a", "b");
        // a waits for the gang to end at 100s: owed from 10s to 100s
        assertThat(queue(report, "a").reclaim().maxMillis()).isEqualTo(90_000);
        assertThat(report.jobsCompleted()).isEqualTo(3);
    }

    @Test
    void runsAreDeterministic() {
        Scenario scenario = ScenarioLoader.parse(RECLAIM, "reclaim.yaml").withSeed(11);
        List<SimulationReport> runs = List.of(Simulator.run(scenario), Simulator.run(scenario));

        assertThat(runs.get(0).queues()).isEqualTo(runs.get(1).queues());
        assertThat(runs.get(0).jobCompletion()).isEqualTo(runs.get(1).jobCompletion());
        assertThat(runs.get(0).waits()).isEqualTo(runs.get(1).waits());
        assertThat(ReportFormatter.format(runs.get(0)).replaceAll("(?s)Engine.*", ""))
                .isEqualTo(ReportFormatter.format(runs.get(1)).replaceAll("(?s)Engine.*", ""));
    }

    private static QueueOutcome queue(SimulationReport report, String path) {
        return report.queues().stream().filter(q -> q.path().equals(path)).findFirst().orElseThrow();
    }
}
