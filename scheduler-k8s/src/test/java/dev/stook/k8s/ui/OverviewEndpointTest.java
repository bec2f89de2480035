package dev.stook.k8s.ui;

import dev.stook.core.overview.Overview;
import dev.stook.k8s.loop.SchedulerProcess;
import dev.stook.k8s.testing.SecurePortClient;
import dev.stook.k8s.testing.TestCluster;
import dev.stook.k8s.testing.real.ControlPlane;
import dev.stook.k8s.testing.real.RealCluster;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code /api/v1/overview} on a running scheduler's secure port: its fields, and who sees which pods. */
class OverviewEndpointTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String OTHER = "other";
    private static final String GRANT = "overview-endpoint-test";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    @RegisterExtension
    final RealCluster cluster = new RealCluster();

    @AfterEach
    void revokeGrants() {
        cluster.client().rbac().roleBindings().inNamespace(TestCluster.NAMESPACE).withName(GRANT).delete();
        cluster.client().rbac().roles().inNamespace(TestCluster.NAMESPACE).withName(GRANT).delete();
    }

    @Test
    void theOverviewHasTheDocumentedFieldsAndTheQueuesNumbers() throws Exception {
        cluster.node("n1", "4", "16Gi");
        cluster.create("small", "1");
        cluster.create("huge", "16");
        SchedulerProcess scheduler = cluster.startScheduler();
        await().atMost(PATIENCE).until(() -> cluster.isBound("small") && cluster.podScheduled("huge").isPresent());

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(JSON.readTree(overview(scheduler, "",
                cluster.controlPlane().adminToken()).body()).at("/queues/0/resources/0/allocated").asString())
                .isEqualTo("1"));
        HttpResponse<String> response = overview(scheduler, "", cluster.controlPlane().adminToken());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode root = JSON.readTree(response.body());
        assertThat(fields(root)).containsExactly("asOfMillis", "queues", "namespaces", "unitsTotal", "units",
                "evictions", "cycles");
        JsonNode queue = root.at("/queues/0");
        assertThat(fields(queue)).containsExactly("path", "name", "parent", "depth", "leaf", "weight", "policy",
                "pendingPods", "resources", "borrowing");
        assertThat(queue.get("path").asString()).isEqualTo("default");
        assertThat(queue.get("pendingPods").asInt()).isEqualTo(1);
        JsonNode cpu = queue.at("/resources/0");
        assertThat(fields(cpu)).containsExactly("resource", "allocated", "fairShare", "guaranteed", "max", "pending",
                "capacity", "shares");
        assertThat(cpu.get("resource").asString()).isEqualTo("cpu");
        assertThat(cpu.get("capacity").asString()).isEqualTo("4");
        assertThat(cpu.get("max").isNull()).isTrue();
        assertThat(fields(cpu.get("shares"))).containsExactly("allocated", "fairShare", "guaranteed", "max", "pending");
        assertThat(cpu.at("/shares/allocated").asDouble()).isEqualTo(0.25);
        assertThat(root.get("namespaces").toString()).isEqualTo("[\"work\"]");
        assertThat(root.get("unitsTotal").asInt()).isEqualTo(1);
        JsonNode unit = root.at("/units/0");
        assertThat(fields(unit)).containsExactly("namespace", "pods", "explanation");
        assertThat(unit.get("pods").toString()).isEqualTo("[\"huge\"]");
        assertThat(fields(unit.get("explanation"))).containsExactly("unit", "queue", "queueProblem", "standing", "gang",
                "lastAttempt", "waitingMillis", "localityWaitLeftMillis", "holdUps");
        assertThat(unit.at("/explanation/lastAttempt/message").asString())
                .isEqualTo("0/1 node fits: 1 Insufficient cpu");
        assertThat(fields(root.at("/cycles/0"))).containsExactly("atMillis", "durationMillis", "binds", "evictions",
                "waits");
        Overview read = OverviewJson.read(response.body());
        assertThat(OverviewJson.write(read)).isEqualTo(response.body().strip());
    }

    @Test
    void eachCallerSeesOnlyThePodsOfNamespacesWhereTheyMayListPods() throws Exception {
        KubernetesClient admin = cluster.client();
        if (admin.namespaces().withName(OTHER).get() == null) {
            admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(OTHER).endMetadata().build())
                    .create();
        }
        cluster.node("n1", "4", "16Gi");
        cluster.create("huge", "16");
        admin.pods().inNamespace(OTHER).resource(TestCluster.pod("secret", "16").editMetadata().withNamespace(OTHER)
                .endMetadata().build()).create();
        ControlPlane.Person reader = cluster.controlPlane().reader();
        grantListPods(reader);
        SchedulerProcess scheduler = cluster.startScheduler();
        await().atMost(PATIENCE).until(() -> cluster.podScheduled("huge").isPresent());
        await().atMost(PATIENCE).until(() -> JSON.readTree(overview(scheduler, "", cluster.controlPlane().adminToken())
                .body()).get("unitsTotal").asInt() == 2);

        JsonNode byReader = JSON.readTree(overview(scheduler, "", reader.token()).body());
        JsonNode byOutsider = JSON.readTree(overview(scheduler, "", cluster.controlPlane().outsider().token()).body());
        HttpResponse<String> withoutToken = overview(scheduler, "", null);
        HttpResponse<String> badLimit = overview(scheduler, "?limit=many", reader.token());

        assertThat(byReader.get("namespaces").toString()).isEqualTo("[\"work\"]");
        assertThat(byReader.get("unitsTotal").asInt()).isEqualTo(1);
        assertThat(byReader.at("/units/0/pods").toString()).isEqualTo("[\"huge\"]");
        assertThat(byReader.at("/queues/0/pendingPods").asInt()).as("the queue tree is everyone's").isEqualTo(2);
        assertThat(byOutsider.get("namespaces").size()).isZero();
        assertThat(byOutsider.get("units").size()).isZero();
        assertThat(byOutsider.toString()).doesNotContain("secret").doesNotContain("huge");
        assertThat(withoutToken.statusCode()).isEqualTo(401);
        assertThat(badLimit.statusCode()).isEqualTo(400);
    }

    @Test
    void thePageItselfNeedsNoTokenHoldsNoDataAndMayRunOnlyItsOwnScript() throws Exception {
        SchedulerProcess scheduler = cluster.startScheduler();
        await().atMost(PATIENCE).until(scheduler::isReady);

        HttpResponse<String> page = SecurePortClient.get(scheduler.healthPort(), PageHandler.PATH, null);
        HttpResponse<String> script = SecurePortClient.get(scheduler.healthPort(), PageHandler.PATH + "app.js", null);
        HttpResponse<String> other = SecurePortClient.get(scheduler.healthPort(), PageHandler.PATH + "../metrics", null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("script-src 'self'").doesNotContain("unsafe");
        assertThat(page.body()).contains("<table id=\"queues\">");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).contains("textContent").doesNotContain("innerHTML");
        assertThat(other.statusCode()).isNotEqualTo(200);
    }

    private HttpResponse<String> overview(SchedulerProcess scheduler, String query, String token) throws Exception {
        return SecurePortClient.get(scheduler.healthPort(), OverviewHandler.PATH + query, token);
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    private void grantListPods(ControlPlane.Person person) {
        KubernetesClient admin = cluster.client();
        admin.rbac().roles().inNamespace(TestCluster.NAMESPACE).resource(new RoleBuilder()
                .withNewMetadata().withName(GRANT).withNamespace(TestCluster.NAMESPACE).endMetadata()
                .addNewRule().withApiGroups("").withResources("pods").withVerbs("list").endRule()
                .build()).create();
        admin.rbac().roleBindings().inNamespace(TestCluster.NAMESPACE).resource(new RoleBindingBuilder()
                .withNewMetadata().withName(GRANT).withNamespace(TestCluster.NAMESPACE).endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "Role", GRANT)
                .addNewSubject().withKind("User").withName(person.name()).withApiGroup("rbac.authorization.k8s.io")
                .endSubject().build()).create();
    }
}
