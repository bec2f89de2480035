package dev.stook.k8s.cli;

import dev.stook.k8s.loop.SchedulerProcess;
import dev.stook.k8s.testing.TestCluster;
import dev.stook.k8s.testing.real.ControlPlane;
import dev.stook.k8s.testing.real.RealCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ExplainCommandTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    @RegisterExtension
    final RealCluster cluster = new RealCluster();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void asksTheRunningSchedulerAndPrintsItsExplanation() {
        cluster.node("n1", "4", "16Gi");
        cluster.create("huge", "16");
        SchedulerProcess scheduler = cluster.startScheduler();
        await().atMost(PATIENCE).until(() -> cluster.podScheduled("huge").isPresent());

        int exit = explain("work/huge", "--scheduler", "https://localhost:" + scheduler.healthPort(),
                "--kubeconfig", cluster.controlPlane().adminKubeconfig().toString());

        assertThat(exit).isEqualTo(ExplainCommand.EXPLAINED);
        assertThat(out.toString()).startsWith("""
                work/huge: pending
                  unit          work/huge
                  queue         default (priority policy), position 1 of 1
                  queue share   0.0% of the cluster; fair share 100.0%, guaranteed 0.0%
                """).contains("""
                  last attempt  Unschedulable: 0/1 node fits: 1 Insufficient cpu
                """).contains("  held up       nothing changed since its last attempt failed");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aPodTheSchedulerDoesNotKnowExitsOneWithItsAnswer() {
        cluster.node("n1", "4", "16Gi");
        SchedulerProcess scheduler = cluster.startScheduler();
        await().atMost(PATIENCE).until(() -> scheduler.isLeading() && scheduler.isReady());

        // Leading comes before the first rebuild from the caches; until then the scheduler cannot answer.
        await().atMost(PATIENCE).untilAsserted(() -> {
            err.getBuffer().setLength(0);
            assertThat(explain("work/nobody", "--scheduler", "https://localhost:" + scheduler.healthPort(),
                    "--kubeconfig", cluster.controlPlane().adminKubeconfig().toString()))
                    .isEqualTo(ExplainCommand.NOT_FOUND);
        });
        assertThat(err.toString()).startsWith("stook explain: Stook has no pending or placed pod work/nobody");
    }

    @Test
    void aCallerWhoMayNotGetThePodIsToldSoByTheScheduler() {
        cluster.node("n1", "4", "16Gi");
        cluster.create("huge", "16");
        SchedulerProcess scheduler = cluster.startScheduler();
        await().atMost(PATIENCE).until(() -> cluster.podScheduled("huge").isPresent());
        ControlPlane plane = cluster.controlPlane();

        int exit = explain("work/huge", "--scheduler", "https://localhost:" + scheduler.healthPort(),
                "--kubeconfig", plane.kubeconfigOf(plane.outsider()).toString());

        assertThat(exit).isEqualTo(ExplainCommand.UNAVAILABLE);
        assertThat(out.toString()).startsWith("FALLBACK: the scheduler cannot be asked (https://localhost:"
                + scheduler.healthPort() + "/explain/work/huge answered 403: Forbidden: user \"outsider\" may not get"
                + " pod work/huge).\n");
        assertThat(err.toString()).startsWith("stook explain: the API server could not be asked either:")
                .contains("forbidden");
    }

    @Test
    void fallsBackToTheConditionAndEventsWhenTheSchedulerIsGone() {
        cluster.node("n1", "4", "16Gi");
        cluster.create("huge", "16");
        SchedulerProcess scheduler = cluster.startScheduler();
        await().atMost(PATIENCE).until(() -> cluster.eventReasons(TestCluster.NAMESPACE, "huge").contains("FailedScheduling"));
        int port = scheduler.healthPort();
        scheduler.close();

        int exit = explain("work/huge", "--scheduler", "https://localhost:" + port,
                "--kubeconfig", cluster.controlPlane().adminKubeconfig().toString());

        assertThat(exit).isEqualTo(ExplainCommand.EXPLAINED);
        assertThat(out.toString()).startsWith("FALLBACK: the scheduler cannot be asked (https://localhost:" + port
                + "/explain/work/huge did not answer (ConnectException)).\n").contains("""
                work/huge (as the API server records it)
                  node          none
                  PodScheduled  False, Unschedulable: 0/1 node fits: 1 Insufficient cpu
                  events
                """).containsPattern("    \\S+  Warning  FailedScheduling  0/1 node fits: 1 Insufficient cpu\n");
    }

    @Test
    void aTargetWithoutNamespaceIsAUsageError() {
        assertThat(explain("huge")).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).startsWith("expected NAMESPACE/POD, got \"huge\"");
    }

    private int explain(String... args) {
        CommandLine cli = StookCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        String[] full = new String[args.length + 1];
        full[0] = "explain";
        System.arraycopy(args, 0, full, 1, args.length);
        return cli.execute(full);
    }
}
