package dev.stook.k8s.health;

import dev.stook.k8s.loop.SchedulerProcess;
import dev.stook.k8s.testing.SecurePortClient;
import dev.stook.k8s.testing.TestCluster;
import dev.stook.k8s.testing.real.ControlPlane;
import dev.stook.k8s.testing.real.RealCluster;
import dev.stook.k8s.tls.ClientTrust;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The secure port of a running scheduler, with callers the real API server knows and RBAC it enforces. */
class SecurePortTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Path METRICS_READER = Path.of("..", "deploy", "scheduler", "metrics-reader.yaml");
    private static final String GRANT = "secure-port-test";
    @RegisterExtension
    final RealCluster cluster = new RealCluster();

    @AfterEach
    void revokeGrants() {
        KubernetesClient admin = cluster.client();
        admin.rbac().clusterRoleBindings().withName(GRANT).delete();
        admin.rbac().roleBindings().inNamespace(TestCluster.NAMESPACE).withName(GRANT).delete();
        admin.rbac().roles().inNamespace(TestCluster.NAMESPACE).withName(GRANT).delete();
    }

    @Test
    void probesNeedNoToken() throws Exception {
        SchedulerProcess scheduler = cluster.startScheduler();
        await().atMost(PATIENCE).until(scheduler::isReady);

        HttpResponse<String> healthz = SecurePortClient.get(scheduler.healthPort(), "/healthz", null);
        HttpResponse<String> readyz = SecurePortClient.get(scheduler.healthPort(), "/readyz", null);

        assertThat(healthz.statusCode()).isEqualTo(200);
        assertThat(healthz.body()).startsWith("ok\n");
        assertThat(readyz.statusCode()).isEqualTo(200);
    }

    @Test
    void everythingElseWithoutATokenOrWithOneTheApiServerRejectsIs401() throws Exception {
        cluster.create("huge", "16");
        SchedulerProcess scheduler = cluster.startScheduler();

        for (String path : List.of("/metrics", "/explain/work/huge", "/explain/work", "/debug/pprof")) {
            HttpResponse<String> none = SecurePortClient.get(scheduler.healthPort(), path, null);
            assertThat(none.statusCode()).as(path).isEqualTo(401);
            assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
            assertThat(none.body()).doesNotContain("stook_").doesNotContain("huge");
            assertThat(SecurePortClient.get(scheduler.healthPort(), path, "not-a-token-of-this-cluster").statusCode())
                    .as(path).isEqualTo(401);
        }
    }

    @Test
    void aKnownUserWithoutRbacIs403() throws Exception {
        cluster.node("n1", "4", "16Gi");
        cluster.create("huge", "16");
        SchedulerProcess scheduler = cluster.startScheduler();
        await().atMost(PATIENCE).until(scheduler::isLeading);
        String outsider = cluster.controlPlane().outsider().token();

        HttpResponse<String> metrics = SecurePortClient.get(scheduler.healthPort(), "/metrics", outsider);
        HttpResponse<String> explain = SecurePortClient.get(scheduler.healthPort(), "/explain/work/huge", outsider);

        assertThat(metrics.statusCode()).isEqualTo(403);
        assertThat(metrics.body()).isEqualTo("Forbidden: user \"outsider\" may not get path \"/metrics\"\n");
        assertThat(explain.statusCode()).isEqualTo(403);
        assertThat(explain.body()).isEqualTo("Forbidden: user \"outsider\" may not get pod work/huge\n");
    }

    @Test
    void aReaderBoundToTheShippedRoleGetsMetrics() throws Exception {
        ControlPlane.Person reader = cluster.controlPlane().reader();
        try (InputStream role = Files.newInputStream(METRICS_READER)) {
            cluster.client().load(role).items().forEach(item -> cluster.client().resource(item)
                    .createOr(existing -> existing.update()));
        }
        cluster.client().rbac().clusterRoleBindings().resource(new ClusterRoleBindingBuilder()
                .withNewMetadata().withName(GRANT).endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", "stook-metrics-reader")
                .addNewSubject().withKind("User").withName(reader.name()).withApiGroup("rbac.authorization.k8s.io")
                .endSubject().build()).create();
        SchedulerProcess scheduler = cluster.startScheduler();
        await().atMost(PATIENCE).until(scheduler::isLeading);

        HttpResponse<String> metrics = SecurePortClient.get(scheduler.healthPort(), "/metrics", reader.token());
        HttpResponse<String> explain = SecurePortClient.get(scheduler.healthPort(), "/explain/work/huge", reader.token());

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("stook_leader 1");
        assertThat(explain.statusCode()).isEqualTo(403);
    }

    @Test
    void explainAnswersOnlyAboutPodsTheCallerMayGet() throws Exception {
        cluster.node("n1", "4", "16Gi");
        cluster.create("huge", "16");
        cluster.create("secret-huge", "16");
        ControlPlane.Person reader = cluster.controlPlane().reader();
        grantGetPod(reader, "huge");
        SchedulerProcess scheduler = cluster.startScheduler();
        await().atMost(PATIENCE).until(() -> cluster.podScheduled("secret-huge").isPresent());

        HttpResponse<String> allowed = SecurePortClient.get(scheduler.healthPort(), "/explain/work/huge", reader.token());
        HttpResponse<String> other = SecurePortClient.get(scheduler.healthPort(), "/explain/work/secret-huge",
                reader.token());
        HttpResponse<String> metrics = SecurePortClient.get(scheduler.healthPort(), "/metrics", reader.token());

        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.body()).contains("Insufficient cpu");
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.body()).isEqualTo("Forbidden: user \"reader\" may not get pod work/secret-huge\n");
        assertThat(metrics.statusCode()).isEqualTo(403);
    }

    @Test
    void slowClientsHoldingConnectionsOpenDoNotHoldUpTheProbes() throws Exception {
        SchedulerProcess scheduler = cluster.startScheduler();
        await().atMost(PATIENCE).until(scheduler::isReady);
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 32; i++) {
                slow.add(stalledHandshake(scheduler.healthPort()));
            }
            slow.add(stalledRequest(scheduler.healthPort()));

            assertTimeoutPreemptively(Duration.ofSeconds(3), () -> {
                assertThat(SecurePortClient.get(scheduler.healthPort(), "/healthz", null).statusCode()).isEqualTo(200);
                assertThat(SecurePortClient.get(scheduler.healthPort(), "/readyz", null).statusCode()).isEqualTo(200);
            });
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    /** The first byte of a TLS record, and nothing more. */
    private static Socket stalledHandshake(int port) throws Exception {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        OutputStream out = socket.getOutputStream();
        out.write(0x16);
        out.flush();
        return socket;
    }

    /** A finished handshake, then half a request. */
    private static Socket stalledRequest(int port) throws Exception {
        Socket socket = ClientTrust.anyone().getSocketFactory()
                .createSocket("localhost", port);
        socket.getOutputStream().write("GET /metrics HTTP/1.1\r\nHost: loc".getBytes());
        socket.getOutputStream().flush();
        return socket;
    }

    private void grantGetPod(ControlPlane.Person person, String pod) {
        KubernetesClient admin = cluster.client();
        admin.rbac().roles().inNamespace(TestCluster.NAMESPACE).resource(new RoleBuilder()
                .withNewMetadata().withName(GRANT).withNamespace(TestCluster.NAMESPACE).endMetadata()
                .addNewRule().withApiGroups("").withResources("pods").withResourceNames(pod).withVerbs("get").endRule()
                .build()).create();
        admin.rbac().roleBindings().inNamespace(TestCluster.NAMESPACE).resource(new RoleBindingBuilder()
                .withNewMetadata().withName(GRANT).withNamespace(TestCluster.NAMESPACE).endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "Role", GRANT)
                .addNewSubject().withKind("User").withName(person.name()).withApiGroup("rbac.authorization.k8s.io")
                .endSubject().build()).create();
    }
}
