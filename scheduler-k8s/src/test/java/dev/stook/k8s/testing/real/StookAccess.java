package dev.stook.k8s.testing.real;

import dev.stook.k8s.testing.TestCluster;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Makes a fresh cluster ready for Stook as {@code deploy/} installs it: its namespace, the test namespace,
 * and the ServiceAccount with the RBAC of {@code deploy/scheduler/rbac.yaml}, which
 * {@link ControlPlane#stookConfig()} authenticates as.
 */
public final class StookAccess {
    private static final Path DEPLOY_RBAC = Path.of("..", "deploy", "scheduler", "rbac.yaml");

    private StookAccess() {
    }

    public static void grant(ControlPlane plane) {
        try (KubernetesClient admin = plane.adminClient(); InputStream rbac = Files.newInputStream(DEPLOY_RBAC)) {
            ClusterReset.ensureNamespaces(admin, List.of(TestCluster.NAMESPACE, TestCluster.SYSTEM_NAMESPACE));
            admin.load(rbac).items().forEach(item -> admin.resource(item).createOr(existing -> existing.update()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
