package dev.stook.k8s.cli;

import dev.stook.k8s.loop.SchedulerProcess;
import dev.stook.k8s.testing.TestCluster;
import dev.stook.k8s.testing.real.ControlPlane;
import dev.stook.k8s.testing.real.RealCluster;
import dev.stook.k8s.testing.real.StookAccess;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.stook.k8s.testing.TestCluster.SYSTEM_NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code stook run} as a user starts it, on a real API server. Its start-up checks run while it starts watching,
 * so these pin what must still hold: nothing is acted on before the checks have passed.
 */
class RunCommandOnARealServerTest {
    /** The API server's authorizer sees RBAC changes through a watch: a moment after they are written. */
    private static final Duration RBAC_PATIENCE = Duration.ofSeconds(15);
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String LEASE = "stook-scheduler";

    @RegisterExtension
    final RealCluster cluster = new RealCluster();

    @TempDir
    Path dir;

    @Test
    void aMissingPermissionIsOneLineAndNoLeaseIsSought() throws IOException {
        String name = "stook-unbinding";
        String token = StookAccess.serviceAccountWithDeployedRbacExcept(cluster.controlPlane(), name, "pods/binding");
        Path kubeconfig = cluster.controlPlane().kubeconfigOf(new ControlPlane.Person(name, token));
        Path settings = settings("");
        cluster.node("n1", "16", "64Gi");
        cluster.create("p", "1");

        await().atMost(RBAC_PATIENCE).untilAsserted(() -> {
            StringWriter err = new StringWriter();
            assertThat(run(err, "run", "--kubeconfig", kubeconfig.toString(), "--config", settings.toString()))
                    .isEqualTo(RunCommand.SETUP_ERROR);
            assertThat(err.toString()).isEqualTo("stook run: missing RBAC permission: this identity may not create"
                    + " pods/binding (all namespaces); grant what deploy/scheduler/rbac.yaml grants"
                    + " (kubectl apply -k deploy/)\n");
        });

        assertThat(cluster.client().leases().inNamespace(SYSTEM_NAMESPACE).withName(LEASE).get()).isNull();
        assertThat(cluster.isBound("p")).isFalse();
    }

    @Test
    void withTheDeployedRbacItBindsThenEndsOnLosingTheLease() throws Exception {
        Path settings = settings("leaseDuration: 2s\nrenewDeadline: 1500ms\nretryPeriod: 500ms\n");
        cluster.node("n1", "16", "64Gi");
        cluster.create("p", "1");

        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> run(new StringWriter(), "run",
                "--kubeconfig", cluster.controlPlane().stookKubeconfig().toString(), "--config", settings.toString()));
        await().atMost(PATIENCE).until(() -> cluster.isBound("p"));
        cluster.client().leases().inNamespace(SYSTEM_NAMESPACE).withName(LEASE).edit(lease -> new LeaseBuilder(lease)
                .editSpec().withHolderIdentity("another-instance").withLeaseDurationSeconds(3_600)
                .withRenewTime(ZonedDateTime.now(ZoneOffset.UTC)).endSpec().build());

        assertThat(exit.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isEqualTo(SchedulerProcess.EXIT_LEADERSHIP_LOST);
        assertThat(cluster.nodeOf("p")).isEqualTo("n1");
    }

    private Path settings(String more) throws IOException {
        return Files.writeString(dir.resolve("stook.yaml"), "namespace: " + TestCluster.SYSTEM_NAMESPACE
                + "\nhealthPort: 0\n" + more);
    }

    private static int run(StringWriter err, String... args) {
        CommandLine cli = StookCommand.commandLine();
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
