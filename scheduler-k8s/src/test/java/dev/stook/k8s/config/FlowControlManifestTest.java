package dev.stook.k8s.config;

import dev.stook.k8s.testing.real.RealCluster;
import dev.stook.k8s.tls.ClientTrust;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API Priority and Fairness objects in deploy/ are accepted by a real API server and classify Stook's
 * requests: lease requests by their own flow schema, everything else by Stook's.
 */
class FlowControlManifestTest {
    private static final Path FLOW_CONTROL = Path.of("..", "deploy", "scheduler", "flowcontrol.yaml");
    private static final String FLOW_SCHEMA_HEADER = "X-Kubernetes-PF-FlowSchema-UID";
    @RegisterExtension
    final RealCluster cluster = new RealCluster();

    @Test
    void stooksRequestsAreClassifiedByItsOwnFlowSchemas() throws Exception {
        KubernetesClient admin = cluster.client();
        try (InputStream manifests = Files.newInputStream(FLOW_CONTROL)) {
            admin.load(manifests).items().forEach(item -> admin.resource(item).createOr(existing -> existing.update()));
        }

        assertThat(flowSchemaOf("/api/v1/namespaces/work/pods")).isEqualTo(uidOf("stook"));
        assertThat(flowSchemaOf("/apis/coordination.k8s.io/v1/namespaces/stook-system/leases/stook-scheduler"))
                .isEqualTo(uidOf("stook-leader-election"));
    }

    private String uidOf(String flowSchema) {
        return cluster.client().genericKubernetesResources("flowcontrol.apiserver.k8s.io/v1beta1", "FlowSchema")
                .withName(flowSchema).get().getMetadata().getUid();
    }

    /** The flow schema the API server put a get of Stook's ServiceAccount in (found or not). */
    private String flowSchemaOf(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(cluster.controlPlane().apiServer().resolve(path))
                .header("Authorization", "Bearer " + cluster.controlPlane().stookConfig().getOauthToken()).GET().build();
        HttpResponse<Void> response = HttpClient.newBuilder().sslContext(ClientTrust.anyone()).build()
                .send(request, HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).as(path).isIn(200, 404);
        return response.headers().firstValue(FLOW_SCHEMA_HEADER).orElse(null);
    }
}
