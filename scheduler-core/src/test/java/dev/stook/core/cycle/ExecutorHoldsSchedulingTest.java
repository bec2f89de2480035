package dev.stook.core.cycle;

import dev.stook.core.cluster.ClusterState;
import dev.stook.core.model.Pod;
import dev.stook.core.model.PodId;
import dev.stook.core.plugins.PluginProfile;
import dev.stook.core.queue.QueueConfigParser;
import dev.stook.core.spark.ExecutorHolds;
import dev.stook.core.spark.HoldRecord;
import dev.stook.core.spark.SparkRole;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.stook.core.Fixtures.node;
import static dev.stook.core.Fixtures.pod;
import static dev.stook.core.Fixtures.res;
import static org.assertj.core.api.Assertions.assertThat;

class ExecutorHoldsSchedulingTest {
    private final ClusterState cluster = new ClusterState();
    private long now = 1_000;
    private final Scheduler scheduler = new Scheduler(cluster, PluginProfile.standard(),
            SchedulerSettings.DEFAULTS.withSparkHoldMillis(60_000), () -> now);

    private static Pod driver(String name, int executors, String executorCpu) {
        return pod(name, "1", "1Gi").withLabels(Map.of("spark-app-selector", "app-" + name))
                .withSpark(new SparkRole.Driver("app-" + name, executors, res(executorCpu, "1Gi")));
    }

    private static Pod executor(String name, String driver, String cpu) {
        return pod(name, cpu, "1Gi").withSpark(new SparkRole.Executor("app-" + driver, driver));
    }

    private static Pod executorByApp(String name, String app, String cpu) {
        return pod(name, cpu, "1Gi").withSpark(new SparkRole.Executor(app, null));
    }

    private List<Decision.Bind> binds(List<Decision> decisions) {
        return decisions.stream().filter(d -> d instanceof Decision.Bind).map(d -> (Decision.Bind) d).toList();
    }

    private List<Decision.Wait> waits(List<Decision> decisions) {
        return decisions.stream().filter(d -> d instanceof Decision.Wait).map(d -> (Decision.Wait) d).toList();
    }

    private String nodeOf(String pod) {
        return cluster.placementOf(new PodId("default", pod)).orElseThrow().nodeName();
    }

    @Test
    void aDriverIsBoundOnlyWhenItAndAllItsHoldsFitAtOnce() {
        cluster.upsertNode(node("n1", "4", "16Gi"));
        cluster.upsertNode(node("n2", "4", "16Gi"));
        scheduler.submit(driver("too-many", 4, "2"));

        List<Decision> tooMany = scheduler.runCycle();

        assertThat(binds(tooMany)).isEmpty();
        assertThat(waits(tooMany)).singleElement().satisfies(wait -> {
            assertThat(wait.pod().id().name()).isEqualTo("too-many");
            assertThat(wait.reason()).isEqualTo(UnitTrial.UNSCHEDULABLE);
            assertThat(wait.message()).startsWith("driver needs 4 executor holds of cpu=2,memory=1Gi beside it; 3 fit; "
                    + "0/2 nodes fit an executor hold:");
        });
        assertThat(cluster.placedPodCount()).isZero();

        scheduler.withdraw(new PodId("default", "too-many"));
        scheduler.submit(driver("spark", 3, "2"));
        List<Decision> admitted = scheduler.runCycle();

        assertThat(binds(admitted)).extracting(bind -> bind.pod().id().name()).containsExactly("spark");
        assertThat(scheduler.executorHolds().liveHolds()).isEqualTo(3);
        assertThat(scheduler.executorHolds().recordOf(new PodId("default", "spark")).orElseThrow().nodes())
                .hasSize(3);
        assertThat(cluster.queueUsage("default")).isEqualTo(res("7", "4Gi"));
    }

    @Test
    void holdsAreUsageThatOtherPodsAndTheQueueMaxSee() {
        cluster.upsertNode(node("n1", "4", "16Gi"));
        scheduler.updateQueues(QueueConfigParser.parse("""
                queues: [{name: spark, max: {cpu: 4}}, {name: other}]
                """));
        scheduler.submit(driver("spark", 2, "1").inQueue("spark"));
        assertThat(binds(scheduler.runCycle())).hasSize(1);

        scheduler.submit(pod("flood", "2", "1Gi").inQueue("other"));
        scheduler.submit(pod("same-queue", "2", "1Gi").inQueue("spark"));
        List<Decision> decisions = scheduler.runCycle();

        assertThat(binds(decisions)).isEmpty();
        assertThat(waits(decisions)).extracting(wait -> wait.pod().id().name() + ": " + wait.reason())
                .containsExactlyInAnyOrder("flood: Unschedulable", "same-queue: " + Scheduler.QUEUE_OVER_QUOTA);
    }

    @Test
    void anExecutorTakesAHoldOfItsDriverAndReplacesItsUsage() {
        cluster.upsertNode(node("n1", "3", "16Gi"));
        cluster.upsertNode(node("n2", "2", "16Gi"));
        scheduler.updateQueues(QueueConfigParser.parse("queues: [{name: spark}, {name: other}]"));
        scheduler.submit(driver("spark", 2, "2").inQueue("spark"));
        scheduler.runCycle();
        scheduler.submit(pod("flood", "1", "1Gi").inQueue("other"));
        scheduler.runCycle();
        assertThat(cluster.queueUsage("spark")).isEqualTo(res("5", "3Gi"));

        scheduler.submit(executor("exec-1", "spark", "2"));
        scheduler.submit(executorByApp("exec-2", "app-spark", "1500m"));
        List<Decision> decisions = scheduler.runCycle();

        assertThat(binds(decisions)).extracting(bind -> bind.pod().id().name()).containsExactlyInAnyOrder("exec-1",
                "exec-2");
        assertThat(List.of(nodeOf("exec-1"), nodeOf("exec-2"))).containsExactlyInAnyOrder("n1", "n2");
        assertThat(binds(decisions)).allMatch(bind -> "spark".equals(bind.pod().queue()));
        assertThat(scheduler.executorHolds().liveHolds()).isZero();
        assertThat(cluster.queueUsage("spark")).isEqualTo(res("4500m", "3Gi"));
        assertThat(scheduler.executorHolds().driverOfTaker(new PodId("default", "exec-1")))
                .contains(new PodId("default", "spark"));
        assertThat(scheduler.explain(new PodId("default", "exec-1")).executorHolds())
                .isEqualTo("took an executor hold of driver spark, found by its owner reference");
        assertThat(scheduler.explain(new PodId("default", "exec-2")).executorHolds())
                .isEqualTo("took an executor hold of driver spark, found by spark-app-selector app-spark");
    }

    @Test
    void executorsBeyondTheHoldsOrTooBigForThemAreScheduledAsOrdinaryPodsOfTheDriversQueue() {
        cluster.upsertNode(node("n1", "16", "16Gi"));
        scheduler.updateQueues(QueueConfigParser.parse("queues: [{name: spark}, {name: other}]"));
        scheduler.submit(driver("spark", 1, "1").inQueue("spark"));
        scheduler.runCycle();

        scheduler.submit(executor("big", "spark", "4"));
        List<Decision> decisions = scheduler.runCycle();

        assertThat(binds(decisions)).singleElement().satisfies(bind -> assertThat(bind.pod().queue()).isEqualTo("spark"));
        assertThat(scheduler.executorHolds().liveHolds()).isEqualTo(1);
        assertThat(scheduler.explain(new PodId("default", "big")).executorHolds()).isNull();
        assertThat(cluster.queueUsage("spark")).isEqualTo(res("6", "3Gi"));
    }

    @Test
    void aDriversHoldsGoWhenItEnds() {
        cluster.upsertNode(node("n1", "4", "16Gi"));
        scheduler.submit(driver("spark", 3, "1"));
        scheduler.runCycle();
        scheduler.submit(pod("waiting", "2", "1Gi"));
        assertThat(binds(scheduler.runCycle())).isEmpty();

        cluster.removePod(new PodId("default", "spark"));
        List<Decision> decisions = scheduler.runCycle();

        assertThat(binds(decisions)).extracting(bind -> bind.pod().id().name()).containsExactly("waiting");
        assertThat(scheduler.executorHolds().liveHolds()).isZero();
        assertThat(cluster.placedPodCount()).isEqualTo(1);
    }

    @Test
    void holdsNotTakenInTimeAreReleasedAndCounted() {
        cluster.upsertNode(node("n1", "4", "16Gi"));
        scheduler.submit(driver("spark", 3, "1"));
        scheduler.runCycle();
        scheduler.submit(executor("exec-1", "spark", "1"));
        scheduler.runCycle();
        assertThat(scheduler.nextTimedChangeMillis()).isEqualTo(61_000);

        now = 61_000;
        scheduler.runCycle();

        ExecutorHolds holds = scheduler.executorHolds();
        assertThat(holds.liveHolds()).isZero();
        assertThat(holds.expiredTotal()).isEqualTo(2);
        assertThat(cluster.placedPodCount()).isEqualTo(2);
        assertThat(scheduler.explain(new PodId("default", "spark")).executorHolds())
                .isEqualTo("holds 0 of 3 executors' capacity; 1 taken by executors, 2 released unused at "
                        + "1970-01-01T00:01:01Z");
    }

    @Test
    void aNewLeaderRebuildsTheRecordedHoldsWithoutDecidingAgain() {
        cluster.upsertNode(node("n1", "4", "16Gi"));
        cluster.upsertNode(node("n2", "4", "16Gi"));
        Pod driver = driver("spark", 3, "1").inQueue("default");
        cluster.podBound(driver, "n1");
        cluster.podBound(executor("exec-1", "spark", "1").inQueue("default"), "n2");
        ExecutorHolds holds = scheduler.executorHolds();
        holds.takenEarlier(new PodId("default", "exec-1"), driver.id(), "n2", cluster);
        holds.recorded(driver, new HoldRecord(res("1", "1Gi"), List.of("n2", "n2", "n2"), 60_000));

        scheduler.submit(pod("fills-n1", "3", "1Gi"));
        scheduler.submit(pod("wants-n2", "2", "1Gi"));
        List<Decision> decisions = scheduler.runCycle();

        assertThat(holds.liveHolds()).isEqualTo(2);
        assertThat(holds.summary(driver.id()).orElseThrow().liveNodes()).containsExactly("n2", "n2");
        assertThat(binds(decisions)).extracting(bind -> bind.pod().id().name() + "@" + bind.nodeName())
                .containsExactly("fills-n1@n1");
        assertThat(cluster.queueUsage("default")).isEqualTo(res("7", "5Gi"));
        assertThat(scheduler.explain(driver.id()).executorHolds())
                .isEqualTo("holds 2 of 3 executors' capacity on n2 (2); 1 taken by executors; those left are released"
                        + " at 1970-01-01T00:01:00Z");
    }

    @Test
    void anExecutorReadBackAsHavingTakenAHoldAfterTheRebuildReleasesOneOnItsNode() {
        cluster.upsertNode(node("n1", "4", "16Gi"));
        Pod driver = driver("spark", 2, "1").inQueue("default");
        cluster.podBound(driver, "n1");
        ExecutorHolds holds = scheduler.executorHolds();
        holds.recorded(driver, new HoldRecord(res("1", "1Gi"), List.of("n1", "n1"), 60_000));
        scheduler.runCycle();
        assertThat(holds.liveHolds()).isEqualTo(2);

        cluster.podBound(executor("exec-1", "spark", "1").inQueue("default"), "n1");
        holds.takenEarlier(new PodId("default", "exec-1"), driver.id(), "n1", cluster);
        holds.takenEarlier(new PodId("default", "exec-1"), driver.id(), "n1", cluster);

        assertThat(holds.liveHolds()).isEqualTo(1);
        assertThat(cluster.queueUsage("default")).isEqualTo(res("3", "3Gi"));
    }

    @Test
    void reclaimNeverEvictsAHold() {
        cluster.upsertNode(node("n1", "4", "16Gi"));
        scheduler.updateQueues(QueueConfigParser.parse("queues: [{name: owed, guaranteed: {cpu: 4}}, {name: spark}]"));
        scheduler.submit(driver("spark", 3, "1").inQueue("spark"));
        Decision.Bind admitted = binds(scheduler.runCycle()).get(0);
        cluster.podBound(admitted.pod(), admitted.nodeName());

        scheduler.submit(pod("owed-pod", "1", "1Gi").inQueue("owed"));
        List<Decision> decisions = scheduler.runCycle();

        assertThat(decisions).filteredOn(d -> d instanceof Decision.Evict)
                .extracting(d -> d.pod().id().name()).containsExactly("spark");
    }

    @Test
    void aRecordReadBackBeforeItIsBuiltGivesWayToANewerOneOfADriverRecreatedUnderTheSameName() {
        cluster.upsertNode(node("n1", "4", "16Gi"));
        cluster.upsertNode(node("n2", "4", "16Gi"));
        Pod driver = driver("spark", 1, "1").inQueue("default");
        cluster.podBound(driver, "n1");
        ExecutorHolds holds = scheduler.executorHolds();
        holds.recorded(driver, new HoldRecord(res("1", "1Gi"), List.of("n1"), 60_000));
        holds.recorded(driver, new HoldRecord(res("2", "1Gi"), List.of("n2"), 60_000));

        scheduler.runCycle();
        holds.recorded(driver, new HoldRecord(res("3", "1Gi"), List.of("n1"), 60_000));

        assertThat(holds.summary(driver.id()).orElseThrow().liveNodes()).containsExactly("n2");
        assertThat(cluster.queueUsage("default")).isEqualTo(res("3", "2Gi"));
    }

    @Test
    void aRecordPastItsDeadlineRebuildsNothing() {
        cluster.upsertNode(node("n1", "4", "16Gi"));
        Pod driver = driver("spark", 2, "1").inQueue("default");
        cluster.podBound(driver, "n1");
        scheduler.executorHolds().recorded(driver, new HoldRecord(res("1", "1Gi"), List.of("n1", "n1"), 500));

        scheduler.runCycle();

        assertThat(scheduler.executorHolds().liveHolds()).isZero();
        assertThat(cluster.placedPodCount()).isEqualTo(1);
    }
}
