package dev.stook.k8s.testing.real;

import dev.stook.k8s.testing.TestCluster;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
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

    /**
     * A new ServiceAccount in Stook's namespace bound to copies of the roles in {@code deploy/scheduler/rbac.yaml}
     * without the rule for {@code resource}; returns a token the API server issued for it.
     */
    public static String serviceAccountWithDeployedRbacExcept(ControlPlane plane, String name, String resource) {
        String namespace = TestCluster.SYSTEM_NAMESPACE;
        try (KubernetesClient admin = plane.adminClient(); InputStream rbac = Files.newInputStream(DEPLOY_RBAC)) {
            admin.serviceAccounts().inNamespace(namespace).resource(new ServiceAccountBuilder().withNewMetadata()
                    .withNamespace(namespace).withName(name).endMetadata().build())
                    .createOr(existing -> existing.update());
            Subject subject = new Subject(null, "ServiceAccount", name, namespace);
            for (HasMetadata item : admin.load(rbac).items()) {
                item.getMetadata().setName(name);
                if (item instanceof ClusterRole role) {
                    role.getRules().removeIf(rule -> rule.getResources().contains(resource));
                } else if (item instanceof ClusterRoleBinding binding) {
                    binding.getRoleRef().setName(name);
                    binding.setSubjects(List.of(subject));
                } else if (item instanceof RoleBinding binding) {
                    binding.getRoleRef().setName(name);
                    binding.setSubjects(List.of(subject));
                }
                admin.resource(item).createOr(existing -> existing.update());
            }
            return admin.serviceAccounts().inNamespace(namespace).withName(name)
                    .tokenRequest(new TokenRequestBuilder().withNewSpec().withExpirationSeconds(600L).endSpec().build())
                    .getStatus().getToken();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
