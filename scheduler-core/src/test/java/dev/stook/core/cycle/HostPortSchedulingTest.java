package dev.stook.core.cycle;

import dev.stook.core.cluster.ClusterState;
import dev.stook.core.model.HostPort;
import dev.stook.core.model.Pod;
import dev.stook.core.plugins.PluginProfile;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.stook.core.Fixtures.member;
import static dev.stook.core.Fixtures.node;
import static dev.stook.core.Fixtures.pod;
import static dev.stook.core.cycle.SchedulerTest.binds;
import static dev.stook.core.cycle.SchedulerTest.waits;
import static org.assertj.core.api.Assertions.assertThat;

class HostPortSchedulingTest {
    private static final HostPort METRICS = new HostPort("TCP", "", 9100);
    private final ClusterState cluster = new ClusterState();
    private final Scheduler scheduler = new Scheduler(cluster, PluginProfile.standard(), SchedulerSettings.DEFAULTS,
            () -> 0);

    private static Pod takingThePort(Pod pod) {
        return pod.withConstraints(pod.constraints().withHostPorts(List.of(METRICS)));
    }

    @Test
    void podsAskingForTheSameHostPortGoToDifferentNodesAndTheOneTooManyWaits() {
        cluster.upsertNode(node("n1", "16", "64Gi"));
        cluster.upsertNode(node("n2", "4", "64Gi"));
        for (int i = 0; i < 3; i++) {
            scheduler.submit(takingThePort(pod("agent-" + i, "1", "1Gi").createdAt(i)));
        }

        List<Decision> decisions = scheduler.runCycle();

        assertThat(binds(decisions)).containsExactly("default/agent-0->n1", "default/agent-1->n2");
        assertThat(waits(decisions)).containsExactly("default/agent-2: 0/2 nodes fit: 2 node(s) didn't have free"
                + " ports for the requested pod ports");
    }

    @Test
    void aGangWhoseMembersAllWantOnePortIsAdmittedOnlyWithANodePerMember() {
        cluster.upsertNode(node("n1", "64", "64Gi"));
        for (int i = 0; i < 2; i++) {
            scheduler.submit(takingThePort(member("ps", i, 2, "1", 0)));
        }
        assertThat(binds(scheduler.runCycle())).as("both would need the port on the one node").isEmpty();

        cluster.upsertNode(node("n2", "64", "64Gi"));
        assertThat(binds(scheduler.runCycle())).containsExactlyInAnyOrder("default/ps-0->n1", "default/ps-1->n2");
    }
}
