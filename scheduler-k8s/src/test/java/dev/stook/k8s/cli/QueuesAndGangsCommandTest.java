package dev.stook.k8s.cli;

import dev.stook.k8s.loop.SchedulerProcess;
import dev.stook.k8s.testing.TestCluster;
import dev.stook.k8s.testing.real.RealCluster;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code stook queues} and {@code stook gangs} against a running scheduler: batch holds 3 of the 4 cpus on a
 * guarantee of 1, and a gang of research.nlp, which is guaranteed nothing and so cannot reclaim, waits for 4.
 */
class QueuesAndGangsCommandTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    @RegisterExtension
    final RealCluster cluster = new RealCluster();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private SchedulerProcess scheduler;

    @BeforeEach
    void aBorrowingQueueAndAWaitingGang() {
        cluster.writeQueueConfig("""
                queues:
                  - name: research
                    children: [{name: nlp}]
                  - name: batch
                    guaranteed: {cpu: "1"}
                placement: [{queue: batch}]
                """);
        cluster.node("n1", "4", "16Gi");
        cluster.create("blocker", "3");
        for (String member : new String[] {"train-0", "train-1"}) {
            cluster.create(TestCluster.pod(member, "2").editMetadata().withAnnotations(Map.of("stook.dev/gang", "train",
                    "stook.dev/gang-min-members", "2", "stook.dev/queue", "research.nlp")).endMetadata());
        }
        scheduler = cluster.startScheduler();
        await().atMost(PATIENCE).until(() -> cluster.isBound("blocker") && cluster.podScheduled("train-0").isPresent());
    }

    @Test
    void queuesPrintsTheTreeWithSharesAndBorrowing() {
        await().atMost(PATIENCE).untilAsserted(() -> {
            out.getBuffer().setLength(0);
            assertThat(asAdmin("queues")).isZero();
            assertThat(out.toString()).contains("batch     0        3/");
        });

        assertThat(out.toString()).startsWith("QUEUE     PENDING  CPU held/fair/guaranteed/cap")
                .contains("research  2        0/", "  nlp     2        0/")
                .contains("2 cpu from unguaranteed capacity 2");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void gangsListsTheWaitingGangWithWhyAndFiltersByQueue() {
        assertThat(asAdmin("gangs", "--queue", "research")).isZero();
        String research = out.toString();
        out.getBuffer().setLength(0);
        assertThat(asAdmin("gangs", "--queue", "batch")).isZero();
        String batch = out.toString();
        out.getBuffer().setLength(0);
        assertThat(run("gangs", "--scheduler", "https://localhost:" + scheduler.healthPort(), "--kubeconfig",
                cluster.controlPlane().kubeconfigOf(cluster.controlPlane().outsider()).toString())).isZero();

        assertThat(research).startsWith("NAMESPACE  GANG OR POD  QUEUE         PROGRESS")
                .contains("work       train        research.nlp  2 created, 0 placeable, 0 placed, needs 2")
                .contains("    gang work/train: 0/2 members placeable; 0/1 node fits member train-")
                .contains(": 1 Insufficient cpu\n    held up: nothing changed since its last attempt failed");
        assertThat(batch).isEqualTo("No pending gangs or pods you may see.\n");
        assertThat(out.toString()).as("the outsider may list no pods").isEqualTo(batch);
    }

    @Test
    void anUnreachableSchedulerExitsTwoSayingWhy() {
        assertThat(run("gangs", "--scheduler", "https://localhost:1", "--kubeconfig",
                cluster.controlPlane().adminKubeconfig().toString())).isEqualTo(GangsCommand.UNAVAILABLE);

        assertThat(err.toString()).startsWith("stook gangs: the scheduler cannot be asked: https://localhost:1/");
    }

    private int asAdmin(String... args) {
        return run(Stream.concat(Arrays.stream(args), Stream.of("--scheduler", "https://localhost:"
                + scheduler.healthPort(), "--kubeconfig", cluster.controlPlane().adminKubeconfig().toString()))
                .toArray(String[]::new));
    }

    private int run(String... args) {
        CommandLine command = StookCommand.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }
}
