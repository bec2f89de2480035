package dev.stook.core.cycle;

import dev.stook.core.cluster.ClusterState;
import dev.stook.core.explain.LastAttempt;
import dev.stook.core.gang.GangId;
import dev.stook.core.gang.GangMembership;
import dev.stook.core.model.Pod;
import dev.stook.core.plugins.PluginProfile;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.stook.core.Fixtures.node;
import static dev.stook.core.Fixtures.pod;
import static dev.stook.core.cycle.SchedulerTest.binds;
import static org.assertj.core.api.Assertions.assertThat;

class SchedulingGatesTest {
    private final ClusterState cluster = new ClusterState();
    private final Scheduler scheduler = new Scheduler(cluster, PluginProfile.standard(), SchedulerSettings.DEFAULTS,
            () -> 0);

    private static Pod member(int index) {
        return pod("train-" + index, "1", "1Gi").inGang(new GangMembership(new GangId("default", "train"), 2, 300_000));
    }

    @Test
    void aGatedPodWaitsWithTheGatesNamedAndIsPlacedOnceTheyAreRemoved() {
        cluster.upsertNode(node("n1", "4", "8Gi"));
        Pod pod = pod("p", "1", "1Gi");
        Pod gated = pod.withSchedulingGates(List.of("example.com/quota", "example.com/data"));
        scheduler.submit(gated);

        List<Decision> decisions = scheduler.runCycle();

        String message = "the pod has scheduling gates example.com/data, example.com/quota left; it is scheduled"
                + " once they are removed";
        assertThat(decisions).containsExactly(new Decision.Wait(gated, SchedulingGates.REASON, message));
        assertThat(scheduler.explain(pod.id()).pending().lastAttempt())
                .isEqualTo(new LastAttempt(SchedulingGates.REASON, message));
        assertThat(scheduler.explain(pod.id()).pending().holdUps()).containsExactly(message);

        scheduler.submit(pod);
        assertThat(binds(scheduler.runCycle())).containsExactly("default/p->n1");
    }

    @Test
    void aGangWithOneGatedMemberIsNotTried() {
        cluster.upsertNode(node("n1", "4", "8Gi"));
        scheduler.submit(member(0));
        scheduler.submit(member(1).withSchedulingGates(List.of("example.com/ready")));

        assertThat(scheduler.runCycle()).allSatisfy(decision -> {
            assertThat(decision).isInstanceOf(Decision.Wait.class);
            assertThat(((Decision.Wait) decision).reason()).isEqualTo(SchedulingGates.REASON);
            assertThat(((Decision.Wait) decision).message()).startsWith("gang default/train: 1 members have");
        }).hasSize(2);

        scheduler.submit(member(1));
        assertThat(binds(scheduler.runCycle())).containsExactlyInAnyOrder("default/train-0->n1", "default/train-1->n1");
    }
}
