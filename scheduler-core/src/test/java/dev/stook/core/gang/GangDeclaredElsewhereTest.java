package dev.stook.core.gang;

import dev.stook.core.cluster.ClusterState;
import dev.stook.core.cycle.Decision;
import dev.stook.core.cycle.Scheduler;
import dev.stook.core.cycle.SchedulerSettings;
import dev.stook.core.model.Pod;
import dev.stook.core.model.PodId;
import dev.stook.core.plugins.PluginProfile;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.stook.core.Fixtures.node;
import static dev.stook.core.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

/** A gang whose declaring object is missing waits, saying for what; once declared it is admitted whole. */
class GangDeclaredElsewhereTest {
    private static final String SOURCE = "Volcano PodGroup train";
    private final ClusterState cluster = new ClusterState();
    private final Scheduler scheduler = new Scheduler(cluster, PluginProfile.standard(), SchedulerSettings.DEFAULTS,
            () -> 1_000);

    @Test
    void membersWaitForTheirMissingPodGroupAndTheExplanationNamesIt() {
        cluster.upsertNode(node("n1", "8", "16Gi"));
        String awaiting = "Volcano PodGroup train to be created (scheduling.volcano.sh/v1beta1)";
        for (int i = 0; i < 2; i++) {
            scheduler.submit(member(i, new GangMembership(new GangId("default", "train"), 0,
                    GangMembership.DEFAULT_TIMEOUT_MILLIS, GangTopology.NONE, SOURCE, awaiting)));
        }

        List<Decision> decisions = scheduler.runCycle();

        assertThat(decisions).hasSize(2).allSatisfy(d -> {
            assertThat(d).isInstanceOf(Decision.Wait.class);
            assertThat(((Decision.Wait) d).reason()).isEqualTo(Scheduler.GANG_WAITING);
            assertThat(((Decision.Wait) d).message()).isEqualTo("gang default/train: waiting for " + awaiting);
        });
        assertThat(scheduler.explain(new PodId("default", "train-0")).pending().gang().source()).isEqualTo(SOURCE);
    }

    @Test
    void aMemberJoiningAGangWhoseReasonIsUnchangedIsToldItToo() {
        cluster.upsertNode(node("n1", "8", "16Gi"));
        GangMembership awaiting = new GangMembership(new GangId("default", "train"), 0,
                GangMembership.DEFAULT_TIMEOUT_MILLIS, GangTopology.NONE, SOURCE, "Volcano PodGroup train to be created");
        scheduler.submit(member(0, awaiting));
        assertThat(scheduler.runCycle()).hasSize(1);

        scheduler.submit(member(1, awaiting));
        List<Decision> decisions = scheduler.runCycle();

        assertThat(decisions).hasSize(1).first().isInstanceOfSatisfying(Decision.Wait.class, wait ->
                assertThat(wait.pod().id()).isEqualTo(new PodId("default", "train-1")));
        assertThat(scheduler.runCycle()).as("nothing new to say").isEmpty();
    }

    @Test
    void aDeclaredMinimumHoldsTheGangUntilThatManyExistThenAdmitsItWhole() {
        cluster.upsertNode(node("n1", "8", "16Gi"));
        GangMembership declared = new GangMembership(new GangId("default", "train"), 3,
                GangMembership.DEFAULT_TIMEOUT_MILLIS, GangTopology.NONE, SOURCE, null);
        scheduler.submit(member(0, declared));
        scheduler.submit(member(1, declared));

        assertThat(scheduler.runCycle()).noneMatch(d -> d instanceof Decision.Bind);

        scheduler.submit(member(2, declared));
        assertThat(scheduler.runCycle()).filteredOn(d -> d instanceof Decision.Bind).hasSize(3);
    }

    private static Pod member(int index, GangMembership membership) {
        return pod("train-" + index, "1", "1Gi").createdAt(index).inGang(membership);
    }
}
