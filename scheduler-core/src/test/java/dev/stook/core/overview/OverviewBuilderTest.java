package dev.stook.core.overview;

import dev.stook.core.cluster.ClusterState;
import dev.stook.core.cycle.Decision;
import dev.stook.core.cycle.Scheduler;
import dev.stook.core.cycle.SchedulerSettings;
import dev.stook.core.explain.UnitExplanation;
import dev.stook.core.model.Pod;
import dev.stook.core.model.PodId;
import dev.stook.core.plugins.PluginProfile;
import dev.stook.core.queue.QueueConfigParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.stook.core.Fixtures.node;
import static dev.stook.core.Fixtures.res;
import static org.assertj.core.api.Assertions.assertThat;

class OverviewBuilderTest {
    private final ClusterState cluster = new ClusterState();
    private final Scheduler scheduler = new Scheduler(cluster, PluginProfile.standard(), SchedulerSettings.DEFAULTS,
            () -> 60_000);
    private final RecentActivity activity = new RecentActivity();

    /** b holds 5 of the 8 cpus on a guarantee of 2; a, guaranteed 2, holds nothing and waits for 8. */
    @BeforeEach
    void twoQueuesOneBorrowing() {
        cluster.upsertNode(node("n1", "4", "16Gi"));
        cluster.upsertNode(node("n2", "4", "16Gi"));
        scheduler.updateQueues(QueueConfigParser.parse("""
                queues:
                  - {name: a, guaranteed: {cpu: "2"}, max: {cpu: "8"}}
                  - name: b
                    guaranteed: {cpu: "2"}
                    children: [{name: batch}]
                """));
        for (int i = 0; i < 5; i++) {
            scheduler.submit(pod("team-b", "b" + i, "1", "b.batch"));
        }
        bind(scheduler.runCycle());
        scheduler.submit(pod("team-a", "big", "8", "a"));
        scheduler.submit(pod("secret", "hidden", "8", "a"));
        activity.cycleFinished(scheduler, scheduler.runCycle(), 60_000, 2_000_000);
    }

    @Test
    void queuesShowWhatTheyHoldTheirSharesAndWhoBorrowsFromWhom() {
        Overview overview = OverviewBuilder.build(scheduler, activity, new OverviewQuery(any -> true, null, null, 10));

        assertThat(overview.queues()).extracting(QueueRow::path).containsExactly("a", "b", "b.batch");
        QueueRow a = overview.queues().get(0);
        assertThat(a.pendingPods()).isEqualTo(2);
        assertThat(a.resources().get(0)).isEqualTo(new QueueResource("cpu", "0", a.resources().get(0).fairShare(),
                "2", "8", a.resources().get(0).pending(), "8", new QueueResource.Shares(0, 
                        a.resources().get(0).shares().fairShare(), 0.25, 1.0, a.resources().get(0).shares().pending())));
        QueueRow b = overview.queues().get(1);
        assertThat(b.resources()).extracting(QueueResource::resource).containsExactly("cpu", "memory");
        assertThat(b.resources().get(0).allocated()).isEqualTo("5");
        assertThat(b.resources().get(0).max()).isNull();
        assertThat(b.borrowing()).containsExactly(new QueueRow.Loan("cpu", "3",
                List.of(new QueueRow.Lender("a", "2"), new QueueRow.Lender(null, "1"))));
        QueueRow batch = overview.queues().get(2);
        assertThat(batch.parent()).isEqualTo("b");
        assertThat(batch.depth()).isEqualTo(1);
        assertThat(batch.borrowing()).containsExactly(new QueueRow.Loan("cpu", "5",
                List.of(new QueueRow.Lender("b", "5"))));
        assertThat(overview.cycles()).hasSize(1);
        assertThat(overview.cycles().get(0).durationMillis()).isEqualTo(2.0);
    }

    @Test
    void onlyUnitsInVisibleNamespacesAreListedWithTheirExplanation() {
        Overview overview = OverviewBuilder.build(scheduler, activity,
                new OverviewQuery(Set.of("team-a", "team-b")::contains, null, null, 10));

        assertThat(overview.namespaces()).containsExactly("team-a");
        assertThat(overview.unitsTotal()).isEqualTo(1);
        UnitExplanation big = overview.units().get(0);
        assertThat(big.namespace()).isEqualTo("team-a");
        assertThat(big.pods()).containsExactly("big");
        assertThat(big.explanation()).isEqualTo(scheduler.explain(new PodId("team-a", "big")).pending());
        assertThat(big.explanation().lastAttempt().message()).contains("Insufficient cpu");
    }

    @Test
    void theQueueAndNamespaceFiltersAndTheLimitNarrowTheUnits() {
        assertThat(OverviewBuilder.build(scheduler, activity, new OverviewQuery(any -> true, "b", null, 10)).units())
                .isEmpty();
        assertThat(OverviewBuilder.build(scheduler, activity, new OverviewQuery(any -> true, "a", "secret", 10))
                .units()).extracting(UnitExplanation::pods).containsExactly(List.of("hidden"));
        Overview limited = OverviewBuilder.build(scheduler, activity, new OverviewQuery(any -> true, null, null, 1));
        assertThat(limited.units()).hasSize(1);
        assertThat(limited.unitsTotal()).isEqualTo(2);
        assertThat(limited.namespaces()).containsExactly("secret", "team-a");
    }

    private static Pod pod(String namespace, String name, String cpu, String queue) {
        return Pod.of(namespace, name, res(cpu, "1Gi")).inQueue(queue);
    }

    private void bind(List<Decision> decisions) {
        for (Decision decision : decisions) {
            if (decision instanceof Decision.Bind bind) {
                cluster.podBound(bind.pod(), bind.nodeName());
            }
        }
    }
}
