package dev.stook.core.cycle;

import dev.stook.core.cluster.ClusterState;
import dev.stook.core.explain.GangProgress;
import dev.stook.core.explain.LastAttempt;
import dev.stook.core.explain.PendingExplanation;
import dev.stook.core.explain.PodExplanation;
import dev.stook.core.explain.QueuePlace;
import dev.stook.core.explain.QueueStanding;
import dev.stook.core.explain.QueueStanding.ResourceStanding;
import dev.stook.core.model.Pod;
import dev.stook.core.model.PodId;
import dev.stook.core.plugins.PluginProfile;
import dev.stook.core.queue.QueueConfigParser;
import dev.stook.core.queue.QueuePolicy;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.stook.core.Fixtures.member;
import static dev.stook.core.Fixtures.node;
import static dev.stook.core.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

class ExplainTest {
    private static final String NOTHING_CHANGED = "nothing changed since its last attempt failed: it is tried again"
            + " when capacity is released (a pod ends or is evicted, a node is added or changes) or its pods change";
    private final ClusterState cluster = new ClusterState();
    private long now = 1_000;
    private final Scheduler scheduler = new Scheduler(cluster, PluginProfile.standard(), SchedulerSettings.DEFAULTS,
            () -> now);

    @Test
    void aPodWaitingOnCpuShowsItsQueueStandingAndTheNodesReasons() {
        cluster.upsertNode(node("n1", "4", "16Gi"));
        cluster.upsertNode(node("n2", "4", "16Gi"));
        scheduler.submit(pod("small", "3", "1Gi").createdAt(1));
        scheduler.submit(pod("huge", "6", "2Gi").createdAt(2));
        scheduler.runCycle();
        now += 42_000;

        PodExplanation explanation = scheduler.explain(new PodId("default", "huge"));

        assertThat(explanation.status()).isEqualTo(PodExplanation.Status.PENDING);
        assertThat(explanation.queue()).isEqualTo("default");
        assertThat(explanation.pending()).isEqualTo(new PendingExplanation("default/huge",
                new QueuePlace("default", QueuePolicy.PRIORITY, 1, 1), null,
                new QueueStanding(3.0 / 8, 1.0, 0, List.of(
                        new ResourceStanding("cpu", "3", "8", "0", null),
                        new ResourceStanding("memory", "1Gi", "3Gi", "0", null))),
                null, new LastAttempt("Unschedulable", "0/2 nodes fit: 2 Insufficient cpu"), 42_000, 0,
                List.of(NOTHING_CHANGED)));
    }

    @Test
    void aPodNotTriedYetHasNoLastAttemptAndIsTriedNextCycle() {
        cluster.upsertNode(node("n1", "4", "16Gi"));
        scheduler.submit(pod("p", "1", "1Gi"));

        PendingExplanation pending = scheduler.explain(new PodId("default", "p")).pending();

        assertThat(pending.lastAttempt()).isNull();
        assertThat(pending.holdUps()).isEmpty();
    }

    @Test
    void aGangWaitingForMembersShowsItsProgress() {
        cluster.upsertNode(node("n1", "8", "16Gi"));
        for (int i = 0; i < 2; i++) {
            scheduler.submit(member("train", i, 3, "3", i));
        }
        scheduler.runCycle();

        PendingExplanation pending = scheduler.explain(new PodId("default", "train-1")).pending();

        String waiting = "gang default/train: waiting for members to be created, 2 of 3 exist";
        assertThat(pending.unit()).isEqualTo("default/train");
        assertThat(pending.gang()).isEqualTo(new GangProgress("default/train", 2, 0, 3, -1, "stook.dev/gang"));
        assertThat(pending.lastAttempt()).isEqualTo(new LastAttempt(Scheduler.GANG_WAITING, waiting));
        assertThat(pending.holdUps()).containsExactly(waiting);
    }

    @Test
    void aGangThatDoesNotFitShowsHowManyMembersWerePlaceable() {
        cluster.upsertNode(node("n1", "4", "16Gi"));
        cluster.upsertNode(node("n2", "4", "16Gi"));
        for (int i = 0; i < 3; i++) {
            scheduler.submit(member("train", i, 3, "3", i));
        }
        scheduler.runCycle();

        PendingExplanation pending = scheduler.explain(new PodId("default", "train-0")).pending();

        assertThat(pending.gang()).isEqualTo(new GangProgress("default/train", 3, 0, 3, 2, "stook.dev/gang"));
        assertThat(pending.lastAttempt()).isEqualTo(new LastAttempt(UnitTrial.UNSCHEDULABLE,
                "gang default/train: 2/3 members placeable; 0/2 nodes fit member train-2: 2 Insufficient cpu"));
    }

    @Test
    void aQueueAtItsMaxShowsTheCapAndTheQuotaReason() {
        cluster.upsertNode(node("n1", "8", "16Gi"));
        scheduler.updateQueues(QueueConfigParser.parse("queues: [{name: a, max: {cpu: 3}, guaranteed: {cpu: 2}}, {name: b}]"));
        scheduler.submit(pod("first", "2", "1Gi").inQueue("a").createdAt(1));
        scheduler.submit(pod("second", "2", "1Gi").inQueue("a").createdAt(2));
        scheduler.submit(pod("third", "2", "1Gi").inQueue("a").createdAt(3));
        scheduler.runCycle();

        PendingExplanation pending = scheduler.explain(new PodId("default", "third")).pending();

        assertThat(pending.queue()).isEqualTo(new QueuePlace("a", QueuePolicy.PRIORITY, 2, 2));
        assertThat(pending.lastAttempt()).isEqualTo(new LastAttempt(Scheduler.QUEUE_OVER_QUOTA,
                "queue a is at its max (cpu: needs 2, 1 of 3 left)"));
        assertThat(pending.standing().dominantShare()).isEqualTo(2.0 / 8);
        assertThat(pending.standing().guaranteedShare()).isEqualTo(2.0 / 8);
        assertThat(pending.standing().resources()).first()
                .isEqualTo(new ResourceStanding("cpu", "2", "3", "2", "3"));
        assertThat(pending.holdUps()).containsExactly(NOTHING_CHANGED);
    }

    @Test
    void aPlacedPodShowsItsNodeAssumedThenBound() {
        cluster.upsertNode(node("n1", "4", "16Gi"));
        Pod pod = pod("p", "1", "1Gi");
        scheduler.submit(pod);
        scheduler.runCycle();
        PodId id = pod.id();

        assertThat(scheduler.explain(id)).isEqualTo(PodExplanation.placed(id, "n1", "default", true));
        cluster.podBound(pod.inQueue("default"), "n1");
        assertThat(scheduler.explain(id)).isEqualTo(
                new PodExplanation(id, PodExplanation.Status.BOUND, "n1", "default", null));
    }

    @Test
    void aPodStookDoesNotKnowIsUnknown() {
        PodId id = new PodId("default", "nobody");

        assertThat(scheduler.explain(id)).isEqualTo(new PodExplanation(id, PodExplanation.Status.UNKNOWN, null, null, null));
    }
}
