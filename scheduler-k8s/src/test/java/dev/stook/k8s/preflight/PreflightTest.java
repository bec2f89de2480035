package dev.stook.k8s.preflight;

import dev.stook.k8s.testing.TestCluster;
import dev.stook.k8s.testing.real.RealCluster;
import dev.stook.k8s.testing.real.StookAccess;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Map;

import static dev.stook.k8s.testing.TestCluster.SYSTEM_NAMESPACE;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class PreflightTest {
    private static final String QUEUES = "stook-queues";
    /** The API server's authorizer sees RBAC changes through a watch: a moment after they are written. */
    private static final Duration RBAC_PATIENCE = Duration.ofSeconds(15);

    @RegisterExtension
    final RealCluster cluster = new RealCluster();

    @Test
    void stooksServiceAccountWithTheDeployedRbacPassesEveryCheck() {
        assertThatCode(() -> Preflight.check(cluster.controlPlane().stookConfig(), SYSTEM_NAMESPACE, QUEUES, true))
                .doesNotThrowAnyException();
    }

    @Test
    void aServiceAccountLackingOnePermissionIsToldWhichVerbAndResource() {
        Config limited = serviceAccountWithDeployedRbacExcept("stook-limited", "pods/binding");

        await().atMost(RBAC_PATIENCE).untilAsserted(() ->
                assertThatThrownBy(() -> Preflight.check(limited, SYSTEM_NAMESPACE, QUEUES, true))
                        .isInstanceOf(SetupProblem.class)
                        .hasMessage("missing RBAC permission: this identity may not create pods/binding (all namespaces);"
                                + " grant what deploy/scheduler/rbac.yaml grants (kubectl apply -k deploy/)"));
    }

    @Test
    void theWorkloadPermissionsAreNeededOnlyWhileDefaultSpreadConstraintsAreOn() {
        Config limited = serviceAccountWithDeployedRbacExcept("stook-no-workloads", "replicasets");

        await().atMost(RBAC_PATIENCE).untilAsserted(() ->
                assertThatThrownBy(() -> Preflight.check(limited, SYSTEM_NAMESPACE, QUEUES, true))
                        .isInstanceOf(SetupProblem.class)
                        .hasMessageStartingWith("missing RBAC permissions: this identity may not list replicasets.apps"
                                + " (all namespaces), list statefulsets.apps (all namespaces), watch replicasets.apps"));
        assertThatCode(() -> Preflight.check(limited, SYSTEM_NAMESPACE, QUEUES, false)).doesNotThrowAnyException();
    }

    @Test
    void wrongCredentialsAreToldApartFromAnUnreachableServer() {
        Config stranger = new ConfigBuilder(cluster.controlPlane().adminConfig()).withOauthToken("not-a-token").build();

        assertThatThrownBy(() -> Preflight.check(stranger, SYSTEM_NAMESPACE, QUEUES, true))
                .isInstanceOf(SetupProblem.class)
                .hasMessage("the API server at " + stranger.getMasterUrl() + " does not accept the credentials (401"
                        + " Unauthorized): renew the token or client certificate in the kubeconfig");
    }

    @Test
    void aQueueConfigMapInAnotherNamespaceIsPointedOut() {
        cluster.client().configMaps().inNamespace(TestCluster.NAMESPACE).resource(new ConfigMapBuilder()
                .withNewMetadata().withNamespace(TestCluster.NAMESPACE).withName(QUEUES).endMetadata()
                .withData(Map.of("queues.yaml", "queues: [{name: default}]\n")).build()).create();

        assertThatThrownBy(() -> Preflight.check(cluster.controlPlane().adminConfig(), SYSTEM_NAMESPACE, QUEUES, true))
                .isInstanceOf(SetupProblem.class)
                .hasMessage("queue ConfigMap stook-queues is in namespace work, but Stook reads it from namespace"
                        + " stook-system: move it there, or set namespace: work in the --config file");
    }

    @Test
    void aMissingQueueConfigMapIsNoProblem() {
        assertThatCode(() -> Preflight.check(cluster.controlPlane().adminConfig(), SYSTEM_NAMESPACE, QUEUES, true))
                .doesNotThrowAnyException();
    }

    @Test
    void aMissingNamespaceIsNamed() {
        assertThatThrownBy(() -> Preflight.check(cluster.controlPlane().adminConfig(), "nowhere", QUEUES, true))
                .isInstanceOf(SetupProblem.class)
                .hasMessage("namespace nowhere does not exist: create it (kubectl create namespace nowhere), or set"
                        + " namespace: in the --config file to the one Stook should use");
    }

    private Config serviceAccountWithDeployedRbacExcept(String name, String resource) {
        String token = StookAccess.serviceAccountWithDeployedRbacExcept(cluster.controlPlane(), name, resource);
        return new ConfigBuilder(cluster.controlPlane().adminConfig()).withOauthToken(token).build();
    }
}
