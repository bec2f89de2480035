package dev.stook.k8s.admit;

import dev.stook.core.cluster.ClusterState;
import dev.stook.core.model.Pod;
import dev.stook.k8s.loop.SchedulerProcess;
import dev.stook.k8s.testing.TestCluster;
import dev.stook.k8s.testing.real.RealCluster;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static dev.stook.k8s.testing.TestCluster.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a pod is charged to and whether it may be evicted are fixed when Stook binds it: the binding records
 * them on the pod (kube-apiserver copies a Binding's annotations onto the pod), sealed so that its owner can
 * neither edit the record nor forge one.
 */
class AdmissionRecordEndToEndTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String QUEUES = """
            queues:
              - name: theirs
                submitters: {namespaces: [other-team]}
              - name: ours
            placement:
              - {queue: ours}
            """;
    @RegisterExtension
    final RealCluster cluster = new RealCluster();

    @Test
    void editsAfterBindingChangeNeitherTheQueueNorPreemptibility() {
        cluster.writeQueueConfig(QUEUES);
        cluster.node("n1", "8", "32Gi");
        SchedulerProcess scheduler = cluster.startScheduler();
        cluster.create(TestCluster.pod("borrower", "1"));
        await().atMost(PATIENCE).until(() -> cluster.isBound("borrower"));
        assertThat(cluster.get("borrower").getMetadata().getAnnotations())
                .containsEntry(AdmissionRecord.QUEUE, "ours").containsEntry(AdmissionRecord.PREEMPTIBLE, "true")
                .containsKey(AdmissionRecord.SEAL);

        cluster.client().pods().inNamespace(NAMESPACE).withName("borrower").edit(pod -> new PodBuilder(pod)
                .editMetadata().addToAnnotations(Map.of("stook.dev/queue", "theirs", "stook.dev/preemptible", "false",
                        AdmissionRecord.PREEMPTIBLE, "false")).endMetadata().build());
        // The watch shows changes in order: once the next pod is seen bound, the edit has been seen too.
        cluster.create(TestCluster.pod("later", "1"));
        await().atMost(PATIENCE).until(() -> placement(scheduler, "later").filter(p -> !p.assumed()).isPresent());

        Pod borrower = placement(scheduler, "borrower").orElseThrow().pod();
        assertThat(borrower.queue()).isEqualTo("ours");
        assertThat(borrower.preemptible()).isTrue();

        scheduler.close();
        SchedulerProcess next = cluster.startScheduler();
        await().atMost(PATIENCE).until(() -> placement(next, "borrower").isPresent());
        Pod afterFailover = placement(next, "borrower").orElseThrow().pod();
        assertThat(afterFailover.queue()).as("read back by the next leader").isEqualTo("ours");
        assertThat(afterFailover.preemptible()).isTrue();
    }

    @Test
    void aNonPreemptiblePodStaysSoForTheNextLeader() {
        cluster.writeQueueConfig("""
                queues:
                  - name: ours
                    guaranteed: {cpu: "2"}
                placement:
                  - {queue: ours}
                """);
        cluster.node("n1", "8", "32Gi");
        SchedulerProcess scheduler = cluster.startScheduler();
        cluster.create(TestCluster.pod("protected", "1").editMetadata().addToAnnotations("stook.dev/preemptible", "false")
                .endMetadata());
        await().atMost(PATIENCE).until(() -> cluster.isBound("protected"));
        cluster.client().pods().inNamespace(NAMESPACE).withName("protected").edit(pod -> new PodBuilder(pod)
                .editMetadata().removeFromAnnotations("stook.dev/preemptible").endMetadata().build());

        scheduler.close();
        SchedulerProcess next = cluster.startScheduler();

        await().atMost(PATIENCE).until(() -> placement(next, "protected").isPresent());
        assertThat(placement(next, "protected").orElseThrow().pod().preemptible()).isFalse();
    }

    @Test
    void aPodStookDidNotBindIsChargedOnlyWhereItsNamespaceMaySubmitAndIsPreemptible() {
        cluster.writeQueueConfig(QUEUES);
        cluster.node("n1", "8", "32Gi");
        SchedulerProcess scheduler = cluster.startScheduler();
        cluster.create(TestCluster.pod("squatter", "1").editMetadata().addToAnnotations(Map.of(
                        "stook.dev/queue", "theirs", "stook.dev/preemptible", "false",
                        AdmissionRecord.QUEUE, "theirs", AdmissionRecord.PREEMPTIBLE, "false", AdmissionRecord.SEAL, "v1.forged"))
                .endMetadata().editSpec().withNodeName("n1").endSpec());

        await().atMost(PATIENCE).until(() -> placement(scheduler, "squatter").isPresent());

        Pod squatter = placement(scheduler, "squatter").orElseThrow().pod();
        assertThat(squatter.queue()).isEqualTo("ours");
        assertThat(squatter.preemptible()).isTrue();
    }

    private static Optional<ClusterState.Placement> placement(SchedulerProcess scheduler, String name) {
        return scheduler.cluster().placements().stream()
                .filter(p -> p.pod().id().namespace().equals(NAMESPACE) && p.pod().id().name().equals(name)).findFirst();
    }
}
