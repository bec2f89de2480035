package dev.stook.k8s.constraints;

import dev.stook.core.model.Pod;
import dev.stook.k8s.loop.SchedulerProcess;
import dev.stook.k8s.testing.TestCluster;
import dev.stook.k8s.testing.real.ControlPlane;
import dev.stook.k8s.testing.real.RealCluster;
import dev.stook.k8s.translate.PodTranslator;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * kube-scheduler's default spread constraints on the real API server, the stock kube-scheduler placing its own
 * copy of the pods (other labels, other selecting objects) as the reference. Node a already runs six pods of
 * each app; node b runs one big pod of no app, so that by resources alone a is the better node, as the pods no
 * object selects show. Pods a Service selects, or pods a ReplicaSet controls, spread to b instead.
 */
class DefaultSpreadEndToEndTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String[] SCHEDULERS = {"stook", "default-scheduler"};
    /** Zoned nodes: kube-scheduler v1.20 leaves nodes lacking a default constraint's key out of its scoring. */
    private static final String ZONE = "topology.kubernetes.io/zone";
    @RegisterExtension
    final RealCluster cluster = new RealCluster(ControlPlane.Options.WITH_KUBE_SCHEDULER);

    private static String prefix(String scheduler) {
        return scheduler.equals("stook") ? "stook" : "kube";
    }

    private static PodBuilder pod(String name, String app, String cpu) {
        return TestCluster.pod(name, cpu).editMetadata().addToLabels("app", app).endMetadata();
    }

    /**
     * Node a (zone one) with six pods of each scheduler's web app already bound, node b (zone two) with one big
     * pod of no app.
     */
    private void nodesWithAppPodsOnA() {
        cluster.node("a", "8", "64Gi", Map.of(ZONE, "one"));
        cluster.node("b", "8", "64Gi", Map.of(ZONE, "two"));
        for (String scheduler : SCHEDULERS) {
            for (int i = 0; i < 6; i++) {
                cluster.create(pod(prefix(scheduler) + "-running-" + i, prefix(scheduler) + "-web", "100m")
                        .editSpec().withNodeName("a").endSpec());
            }
        }
        cluster.create(TestCluster.pod("filler", "3").editSpec().withNodeName("b").editFirstContainer()
                .editResources().addToRequests("memory", new Quantity("8Gi")).endResources().endContainer()
                .endSpec());
    }

    /** Three web pods and one batch pod per scheduler; {@code webPod} finishes each web pod. */
    private void createNewPods(BiFunction<String, PodBuilder, PodBuilder> webPod) {
        for (String scheduler : SCHEDULERS) {
            for (int i = 0; i < 3; i++) {
                cluster.create(webPod.apply(scheduler, pod(prefix(scheduler) + "-web-" + i, prefix(scheduler) + "-web",
                        "100m").editSpec().withSchedulerName(scheduler).endSpec()));
            }
            cluster.create(pod(prefix(scheduler) + "-batch", prefix(scheduler) + "-batch", "100m")
                    .editSpec().withSchedulerName(scheduler).endSpec());
        }
    }

    private void assertSelectedPodsSpreadToBAndTheOthersStayOnA() {
        for (String scheduler : SCHEDULERS) {
            List<String> web = IntStream.range(0, 3).mapToObj(i -> prefix(scheduler) + "-web-" + i).toList();
            String batch = prefix(scheduler) + "-batch";
            await().atMost(PATIENCE).until(() -> web.stream().allMatch(cluster::isBound) && cluster.isBound(batch));
            String who = scheduler.equals("stook") ? "stook" : "the reference";
            assertThat(web.stream().map(cluster::nodeOf)).as(who + ": selected pods").containsOnly("b");
            assertThat(cluster.nodeOf(batch)).as(who + ": a pod nothing selects").isEqualTo("a");
        }
    }

    @Test
    void podsAServiceSelectsSpreadAwayFromTheNodeCrowdedWithTheirPeers() {
        nodesWithAppPodsOnA();
        for (String scheduler : SCHEDULERS) {
            cluster.client().services().inNamespace(TestCluster.NAMESPACE).resource(new ServiceBuilder()
                    .withNewMetadata().withNamespace(TestCluster.NAMESPACE).withName(prefix(scheduler) + "-web")
                    .endMetadata().withNewSpec().addToSelector("app", prefix(scheduler) + "-web").addNewPort()
                    .withPort(80).endPort().endSpec().build()).create();
        }
        cluster.startScheduler();
        createNewPods((scheduler, pod) -> pod);

        assertSelectedPodsSpreadToBAndTheOthersStayOnA();
    }

    @Test
    void podsAReplicaSetControlsSpreadLikewiseOnceItExists() {
        nodesWithAppPodsOnA();
        SchedulerProcess stook = cluster.startScheduler();
        Map<String, ReplicaSet> controllers = new HashMap<>();
        for (String scheduler : SCHEDULERS) {
            String app = prefix(scheduler) + "-web";
            controllers.put(scheduler, cluster.client().apps().replicaSets().inNamespace(TestCluster.NAMESPACE)
                    .resource(new ReplicaSetBuilder().withNewMetadata().withNamespace(TestCluster.NAMESPACE)
                            .withName(app).endMetadata().withNewSpec().withReplicas(0).withNewSelector()
                            .addToMatchLabels("app", app).endSelector().withNewTemplate().withNewMetadata()
                            .addToLabels("app", app).endMetadata().withNewSpec().addNewContainer().withName("main")
                            .withImage("busybox").endContainer().endSpec().endTemplate().endSpec().build())
                    .create());
        }
        BiFunction<String, PodBuilder, PodBuilder> controlled = (scheduler, pod) -> pod.editMetadata()
                .addNewOwnerReference().withApiVersion("apps/v1").withKind("ReplicaSet")
                .withName(controllers.get(scheduler).getMetadata().getName())
                .withUid(controllers.get(scheduler).getMetadata().getUid()).withController(true).endOwnerReference()
                .endMetadata();
        // The ReplicaSet and its pods come through separate watches: a pod seen first would not be spread.
        Pod probe = PodTranslator.translate(controlled.apply("stook", pod("probe", "stook-web", "100m")).build());
        await().atMost(PATIENCE).until(() -> stook.cluster().snapshot().workloads().selectorFor(probe) != null);
        createNewPods(controlled);

        assertSelectedPodsSpreadToBAndTheOthersStayOnA();
    }
}
