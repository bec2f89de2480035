package dev.stook.core.cycle;

import dev.stook.core.cluster.ClusterState;
import dev.stook.core.gang.GangId;
import dev.stook.core.model.Pod;
import dev.stook.core.plugins.PluginProfile;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static dev.stook.core.Fixtures.member;
import static dev.stook.core.Fixtures.node;
import static dev.stook.core.Fixtures.pod;
import static dev.stook.core.cycle.SchedulerTest.binds;
import static dev.stook.core.cycle.SchedulerTest.waits;
import static org.assertj.core.api.Assertions.assertThat;

class GangSchedulingTest {
    private final ClusterState cluster = new ClusterState();
    private long now;

    private Scheduler scheduler(SchedulerSettings settings) {
        return new Scheduler(cluster, PluginProfile.standard(), settings, () -> now);
    }

    private Scheduler stook() {
        return scheduler(SchedulerSettings.DEFAULTS);
    }

    private void nodes(int count, String cpu) {
        for (int i = 0; i < count; i++) {
            cluster.upsertNode(node("n" + i, cpu, "64Gi"));
        }
    }

    /** Two 8-pod gangs, each pod needing a whole node, arrive interleaved on 10 nodes. */
    private List<Pod> interleavedGangs() {
        List<Pod> pods = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            pods.add(member("a", i, 8, "8", 2L * i));
            pods.add(member("b", i, 8, "8", 2L * i + 1));
        }
        return pods;
    }

    @Test
    void perPodPlacementDeadlocksTwoGangsThatStookRunsOneAfterTheOther() {
        nodes(10, "8");
        Scheduler baseline = scheduler(SchedulerSettings.DEFAULTS.withGangAdmission(false));
        interleavedGangs().forEach(baseline::submit);

        assertThat(binds(baseline.runCycle())).containsExactly(
                "default/a-0->n0", "default/b-0->n1", "default/a-1->n2", "default/b-1->n3", "default/a-2->n4",
                "default/b-2->n5", "default/a-3->n6", "default/b-3->n7", "default/a-4->n8", "default/b-4->n9");
        assertThat(baseline.pendingPods()).as("both gangs half started, neither can ever run").isEqualTo(6);

        ClusterState stookCluster = new ClusterState();
        for (int i = 0; i < 10; i++) {
            stookCluster.upsertNode(node("n" + i, "8", "64Gi"));
        }
        Scheduler stook = new Scheduler(stookCluster, PluginProfile.standard(), SchedulerSettings.DEFAULTS, () -> now);
        interleavedGangs().forEach(stook::submit);

        List<Decision> first = stook.runCycle();
        assertThat(binds(first)).containsExactlyElementsOf(
                IntStream.range(0, 8).mapToObj(i -> "default/a-" + i + "->n" + i).toList());
        assertThat(waits(first)).hasSize(8).allMatch(w -> w.endsWith(
                "gang default/b: 2/8 members placeable; 0/10 nodes fit member b-2: 10 Insufficient cpu"));

        for (int i = 0; i < 8; i++) {
            stookCluster.removePod(member("a", i, 8, "8", 0).id());
        }
        assertThat(binds(stook.runCycle())).containsExactlyElementsOf(
                IntStream.range(0, 8).mapToObj(i -> "default/b-" + i + "->n" + i).toList());
    }

    @Test
    void aGangWhoseMembersAreNotAllCreatedIsNotTried() {
        nodes(4, "8");
        Scheduler scheduler = stook();
        scheduler.submit(member("job", 0, 4, "1", 0));
        scheduler.submit(member("job", 1, 4, "1", 0));

        assertThat(waits(scheduler.runCycle())).containsExactly(
                "default/job-0: gang default/job: waiting for members to be created, 2 of 4 exist",
                "default/job-1: gang default/job: waiting for members to be created, 2 of 4 exist");

        scheduler.submit(member("job", 2, 4, "1", 0));
        scheduler.submit(member("job", 3, 4, "1", 0));
        assertThat(binds(scheduler.runCycle())).hasSize(4);
    }

    @Test
    void elasticMembersBeyondTheMinimumFollowWhenThereIsRoom() {
        nodes(3, "4");
        Scheduler scheduler = stook();
        for (int i = 0; i < 4; i++) {
            scheduler.submit(member("elastic", i, 2, "4", 0));
        }

        List<Decision> first = scheduler.runCycle();
        assertThat(binds(first)).hasSize(3);
        assertThat(waits(first)).containsExactly("default/elastic-3: gang default/elastic: 3 members placed, minimum 2; "
                + "0/3 nodes fit member elastic-3: 3 Insufficient cpu");

        first.stream().filter(d -> d instanceof Decision.Bind).map(d -> (Decision.Bind) d)
                .forEach(b -> cluster.podBound(b.pod(), b.nodeName()));
        cluster.removePod(member("elastic", 0, 2, "4", 0).id());
        assertThat(binds(scheduler.runCycle())).containsExactly("default/elastic-3->n0");
    }

    @Test
    void aReplacementMemberJoinsItsRunningGangAlone() {
        nodes(4, "4");
        Scheduler scheduler = stook();
        for (int i = 0; i < 3; i++) {
            scheduler.submit(member("g", i, 3, "4", 0));
        }
        for (Decision decision : scheduler.runCycle()) {
            cluster.podBound(decision.pod(), ((Decision.Bind) decision).nodeName());
        }
        cluster.removePod(member("g", 1, 3, "4", 0).id());
        assertThat(cluster.placedMembers(new GangId("default", "g"))).as("the rest keep running").isEqualTo(2);

        scheduler.submit(member("g", 3, 3, "4", 10));

        assertThat(binds(scheduler.runCycle())).containsExactly("default/g-3->n1");
    }

    @Test
    void mixedMembersFormOneGang() {
        cluster.upsertNode(node("big", "8", "64Gi"));
        cluster.upsertNode(node("small", "2", "64Gi"));
        Scheduler scheduler = stook();
        scheduler.submit(member("spark", 0, 3, "6", 0));
        scheduler.submit(member("spark", 1, 3, "2", 0));
        scheduler.submit(member("spark", 2, 3, "2", 0));

        assertThat(binds(scheduler.runCycle())).containsExactlyInAnyOrder(
                "default/spark-0->big", "default/spark-1->big", "default/spark-2->small");
    }

    @Test
    void withoutADeclaredMinimumTheGangIsTriedWhenItStopsGrowing() {
        nodes(4, "8");
        Scheduler scheduler = stook();
        for (int i = 0; i < 3; i++) {
            scheduler.submit(member("pg", i, 0, "8", 0));
        }

        assertThat(binds(scheduler.runCycle())).isEmpty();
        assertThat(scheduler.nextTimedChangeMillis()).isEqualTo(1_000);

        now = 1_000;
        assertThat(binds(scheduler.runCycle())).hasSize(3);
    }

    @Test
    void aUnitAlreadyStarvingDoesNotHideAnotherUnitsTimedChange() {
        nodes(1, "8");
        Scheduler scheduler = stook();
        scheduler.submit(pod("huge", "64", "1Gi"));
        now = SchedulerSettings.DEFAULTS.starvationMillis() + 5_000;
        for (int i = 0; i < 2; i++) {
            scheduler.submit(member("pg", i, 0, "1", now));
        }

        assertThat(scheduler.nextTimedChangeMillis()).isEqualTo(now + SchedulerSettings.DEFAULTS.gangSettleMillis());
    }

    @Test
    void membersDisagreeingOnTheMinimumWaitWithAReasonAndOthersRun() {
        nodes(2, "8");
        Scheduler scheduler = stook();
        scheduler.submit(member("bad", 0, 2, "1", 0));
        scheduler.submit(member("bad", 1, 3, "1", 0));
        scheduler.submit(pod("fine", "1", "1Gi"));

        List<Decision> decisions = scheduler.runCycle();

        assertThat(binds(decisions)).containsExactly("default/fine->n0");
        assertThat(waits(decisions)).allMatch(w -> w.endsWith(
                "gang default/bad: members disagree on stook.dev/gang-min-members [2, 3]; give every member the same value"));
        assertThat(decisions).filteredOn(d -> d instanceof Decision.Wait)
                .allMatch(d -> ((Decision.Wait) d).reason().equals(Scheduler.GANG_WAITING));
    }

    @Test
    void aGangPastItsTimeoutIsReportedAndKeepsItsTurn() {
        nodes(2, "8");
        Scheduler scheduler = stook();
        for (int i = 0; i < 3; i++) {
            scheduler.submit(member("stuck", i, 3, "8", 0));
        }
        assertThat(waits(scheduler.runCycle())).hasSize(3);
        assertThat(scheduler.runCycle()).as("nothing new to say").isEmpty();

        now = 300_000;
        assertThat(waits(scheduler.runCycle())).hasSize(3).allMatch(w -> w.endsWith(
                "gang default/stuck: 2/3 members placeable; 0/2 nodes fit member stuck-2: 2 Insufficient cpu; "
                        + "waiting longer than its 5m gang-timeout"));
        assertThat(scheduler.pendingPods()).isEqualTo(3);

        cluster.upsertNode(node("n2", "8", "64Gi"));
        assertThat(binds(scheduler.runCycle())).hasSize(3);
    }

    @Test
    void smallPodsBackfillUntilAWaitingGangStarvesThenCapacityIsHeldForIt() {
        nodes(4, "4");
        Scheduler scheduler = scheduler(SchedulerSettings.DEFAULTS.withStarvationMillis(60_000));
        Pod blocker = pod("blocker", "4", "1Gi").createdAt(0);
        cluster.podBound(blocker, "n0");
        for (int i = 0; i < 4; i++) {
            scheduler.submit(member("wide", i, 4, "4", 1));
        }
        scheduler.submit(pod("early", "4", "1Gi").createdAt(2));
        assertThat(binds(scheduler.runCycle())).as("backfill before starvation").containsExactly("default/early->n1");

        now = 60_000;
        cluster.removePod(pod("early", "4", "1Gi").id());
        scheduler.submit(pod("late", "4", "1Gi").createdAt(3));
        List<Decision> starving = scheduler.runCycle();
        assertThat(binds(starving)).as("the freed node is held for the starving gang").isEmpty();
        assertThat(waits(starving)).contains("default/late: 0/4 nodes fit: 4 held for a unit waiting longer");

        cluster.removePod(blocker.id());
        assertThat(binds(scheduler.runCycle())).hasSize(4).allMatch(b -> b.startsWith("default/wide-"));
    }

    @Test
    void aGangLeftPartlyBoundByACrashIsFinishedFirstWithCapacityHeldForIt() {
        nodes(4, "4");
        cluster.podBound(member("half", 0, 4, "4", 0), "n0");
        cluster.podBound(member("half", 1, 4, "4", 0), "n1");
        Pod foreign = pod("foreign", "4", "1Gi");
        cluster.podBound(foreign, "n2");
        Scheduler restarted = stook();
        restarted.submit(pod("urgent", "4", "1Gi").withPriority(1000).createdAt(-5));
        restarted.submit(member("half", 2, 4, "4", 0));
        restarted.submit(member("half", 3, 4, "4", 0));

        List<Decision> first = restarted.runCycle();
        assertThat(binds(first)).as("nothing fits the gang yet, and the two nodes it needs are held for it").isEmpty();
        assertThat(waits(first)).contains("default/urgent: 0/4 nodes fit: 2 Insufficient cpu, 2 held for a unit"
                + " waiting longer");

        cluster.removePod(foreign.id());
        assertThat(binds(restarted.runCycle())).containsExactlyInAnyOrder("default/half-2->n2", "default/half-3->n3");
    }
}
