package dev.stook.k8s.tenancy;

import dev.stook.k8s.loop.SchedulerProcess;
import dev.stook.k8s.testing.TestCluster;
import dev.stook.k8s.testing.real.RealCluster;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A queue that admits submitters by namespace labels follows the labels as they change. */
class NamespaceLabelAccessTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String TEAM_NAMESPACE = "vision";
    @RegisterExtension
    final RealCluster cluster = new RealCluster();

    @Test
    void aNamespaceGainsAccessWhenLabelledAndLosesItWhenUnlabelled() {
        labelNamespace(Map.of());
        cluster.writeQueueConfig("""
                queues:
                  - name: ml
                    submitters: {namespaceSelector: {matchLabels: {example.com/team: ml}}}
                placement:
                  - {queue: ml}
                """);
        cluster.node("n1", "4", "16Gi");
        SchedulerProcess scheduler = cluster.startScheduler();
        await().atMost(PATIENCE).until(() -> scheduler.activeQueues().current().queue("ml") != null);

        createInTeamNamespace("first");
        await().atMost(PATIENCE).until(() -> refusedAccess("first"));

        labelNamespace(Map.of("example.com/team", "ml"));
        await().atMost(PATIENCE).until(() -> bound("first"));

        labelNamespace(Map.of());
        createInTeamNamespace("second");
        await().atMost(PATIENCE).until(() -> refusedAccess("second"));
        assertThat(bound("second")).isFalse();
    }

    private void labelNamespace(Map<String, String> labels) {
        cluster.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(TEAM_NAMESPACE)
                .withLabels(labels).endMetadata().build()).createOr(existing -> existing.update());
    }

    private void createInTeamNamespace(String name) {
        cluster.client().pods().inNamespace(TEAM_NAMESPACE).resource(TestCluster.pod(name, "1").editMetadata()
                .withNamespace(TEAM_NAMESPACE).endMetadata().build()).create();
    }

    private boolean refusedAccess(String name) {
        var pod = cluster.client().pods().inNamespace(TEAM_NAMESPACE).withName(name).get();
        return pod.getStatus().getConditions().stream().filter(c -> "PodScheduled".equals(c.getType()))
                .map(PodCondition::getMessage).anyMatch(message -> message.contains(
                        "namespace vision may not submit to queue ml (submitters: namespaces labelled"
                                + " example.com/team=ml)"));
    }

    private boolean bound(String name) {
        String node = cluster.client().pods().inNamespace(TEAM_NAMESPACE).withName(name).get().getSpec().getNodeName();
        return node != null && !node.isEmpty();
    }
}
