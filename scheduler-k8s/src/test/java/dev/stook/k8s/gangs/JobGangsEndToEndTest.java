package dev.stook.k8s.gangs;

import dev.stook.k8s.testing.ClusterInvariants;
import dev.stook.k8s.testing.TestCluster;
import dev.stook.k8s.testing.real.ControlPlane;
import dev.stook.k8s.testing.real.RealCluster;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Job whose pod template asks for it ({@code stook.dev/gang-from-job}) runs as one gang of its parallelism,
 * with the real Job controller making its pods: nothing starts until all of them fit, and a pod the controller
 * adds as another completes joins the running gang.
 */
class JobGangsEndToEndTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    @RegisterExtension
    final RealCluster cluster = new RealCluster(ControlPlane.Options.FULL);

    @Test
    void aJobsPodsStartTogetherOnceAllFitAndAPodAddedForTheNextCompletionJoinsThem() {
        cluster.node("n1", "2", "8Gi");
        cluster.startScheduler();
        cluster.client().batch().v1().jobs().inNamespace(TestCluster.NAMESPACE).resource(job("etl", 3, 4)).create();

        await().atMost(PATIENCE).until(() -> pods("etl").size() == 3 && pods("etl").stream().allMatch(pod ->
                message(pod).startsWith("gang work/Job/etl: 2/3 members placeable")));
        assertThat(pods("etl")).noneMatch(ClusterInvariants::isBound);

        cluster.node("n2", "2", "8Gi");
        await().atMost(PATIENCE).until(() -> pods("etl").size() == 3 && pods("etl").stream()
                .allMatch(ClusterInvariants::isBound));

        Pod finished = pods("etl").get(0);
        cluster.client().pods().resource(finished).editStatus(pod -> {
            pod.getStatus().setPhase("Succeeded");
            return pod;
        });
        await().atMost(PATIENCE).until(() -> pods("etl").size() == 3 && pods("etl").stream()
                .noneMatch(pod -> pod.getMetadata().getName().equals(finished.getMetadata().getName()))
                && pods("etl").stream().allMatch(ClusterInvariants::isBound));
    }

    @Test
    void aJobWithoutTheAnnotationIsScheduledPodByPod() {
        cluster.node("n1", "2", "8Gi");
        cluster.startScheduler();
        Job plain = job("plain", 3, 3);
        plain.getSpec().getTemplate().getMetadata().setAnnotations(null);
        cluster.client().batch().v1().jobs().inNamespace(TestCluster.NAMESPACE).resource(plain).create();

        await().atMost(PATIENCE).until(() -> pods("plain").size() == 3
                && pods("plain").stream().filter(ClusterInvariants::isBound).count() == 2);
    }

    private static Job job(String name, int parallelism, int completions) {
        return new JobBuilder().withNewMetadata().withNamespace(TestCluster.NAMESPACE).withName(name).endMetadata()
                .withNewSpec().withParallelism(parallelism).withCompletions(completions).withNewTemplate()
                .withNewMetadata().addToAnnotations("stook.dev/gang-from-job", "true").endMetadata()
                .withNewSpec().withSchedulerName("stook").withRestartPolicy("Never").addNewContainer().withName("main")
                .withImage("busybox").withNewResources().addToRequests("cpu", new Quantity("1"))
                .addToRequests("memory", new Quantity("1Gi")).endResources().endContainer().endSpec().endTemplate()
                .endSpec().build();
    }

    /** The Job's pods that did not succeed. */
    private List<Pod> pods(String job) {
        return cluster.client().pods().inNamespace(TestCluster.NAMESPACE).withLabel("job-name", job).list().getItems()
                .stream().filter(pod -> !"Succeeded".equals(pod.getStatus().getPhase())).toList();
    }

    private static String message(Pod pod) {
        return pod.getStatus() == null || pod.getStatus().getConditions() == null ? ""
                : pod.getStatus().getConditions().stream().filter(c -> "PodScheduled".equals(c.getType()))
                .map(PodCondition::getMessage).filter(m -> m != null).findFirst().orElse("");
    }
}
