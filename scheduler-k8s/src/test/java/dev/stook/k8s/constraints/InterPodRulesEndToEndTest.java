package dev.stook.k8s.constraints;

import dev.stook.k8s.testing.TestCluster;
import dev.stook.k8s.testing.real.ControlPlane;
import dev.stook.k8s.testing.real.RealCluster;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.PodAffinityTermBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Inter-pod affinity, anti-affinity and topology spread on the real API server, with the stock kube-scheduler
 * placing its own copy of the pods (other labels, so the two sets do not see each other) as the reference
 * where the rule leaves one right answer.
 */
class InterPodRulesEndToEndTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String HOSTNAME = "kubernetes.io/hostname";
    private static final String[] SCHEDULERS = {"stook", "default-scheduler"};
    @RegisterExtension
    final RealCluster cluster = new RealCluster(ControlPlane.Options.WITH_KUBE_SCHEDULER);

    private static PodAffinityTerm near(String app, String topologyKey) {
        return new PodAffinityTermBuilder().withTopologyKey(topologyKey)
                .withLabelSelector(new LabelSelectorBuilder().addToMatchLabels("app", app).build()).build();
    }

    private static PodBuilder labelled(String name, String app, String scheduler) {
        return TestCluster.pod(name, "1").editMetadata().addToLabels("app", app).endMetadata()
                .editSpec().withSchedulerName(scheduler).endSpec();
    }

    private static PodBuilder awayFromOwnApp(String name, String app, String scheduler) {
        return labelled(name, app, scheduler).editSpec().withNewAffinity().withNewPodAntiAffinity()
                .addToRequiredDuringSchedulingIgnoredDuringExecution(near(app, HOSTNAME))
                .endPodAntiAffinity().endAffinity().endSpec();
    }

    private static String prefix(String scheduler) {
        return scheduler.equals("stook") ? "stook" : "kube";
    }

    private void awaitBound(List<String> names) {
        await().atMost(PATIENCE).until(() -> names.stream().allMatch(cluster::isBound));
    }

    private void awaitReason(String pod, String reason) {
        await().atMost(PATIENCE).until(() -> cluster.podScheduled(pod).map(PodCondition::getMessage)
                .filter(message -> message.contains(reason)).isPresent());
    }

    @Test
    void hostnameAntiAffinityPutsOnePodOnEachNodeAndLeavesTheRestPendingWithTheReason() {
        cluster.node("big", "16", "64Gi");
        cluster.node("small-1", "4", "64Gi");
        cluster.node("small-2", "4", "64Gi");
        cluster.startScheduler();
        for (String scheduler : SCHEDULERS) {
            for (int i = 0; i < 3; i++) {
                cluster.create(awayFromOwnApp(prefix(scheduler) + "-" + i, prefix(scheduler) + "-web", scheduler));
            }
        }

        for (String scheduler : SCHEDULERS) {
            List<String> pods = IntStream.range(0, 3).mapToObj(i -> prefix(scheduler) + "-" + i).toList();
            awaitBound(pods);
            assertThat(pods.stream().map(cluster::nodeOf).distinct()).as(scheduler).hasSize(3);
        }
        cluster.create(awayFromOwnApp("stook-3", "stook-web", "stook"));
        awaitReason("stook-3", "3 node(s) didn't match pod anti-affinity rules");
        assertThat(cluster.isBound("stook-3")).isFalse();
    }

    @Test
    void aHostnameSpreadWithMaxSkewOneSharesPodsEvenlyOverABigAndASmallNode() {
        cluster.node("big", "16", "64Gi");
        cluster.node("small", "4", "64Gi");
        cluster.startScheduler();
        for (String scheduler : SCHEDULERS) {
            String app = prefix(scheduler) + "-spread";
            for (int i = 0; i < 4; i++) {
                cluster.create(labelled(prefix(scheduler) + "-" + i, app, scheduler).editSpec()
                        .addToTopologySpreadConstraints(new TopologySpreadConstraintBuilder().withMaxSkew(1)
                                .withTopologyKey(HOSTNAME).withWhenUnsatisfiable("DoNotSchedule")
                                .withLabelSelector(new LabelSelectorBuilder().addToMatchLabels("app", app).build())
                                .build())
                        .endSpec());
            }
        }

        for (String scheduler : SCHEDULERS) {
            List<String> pods = IntStream.range(0, 4).mapToObj(i -> prefix(scheduler) + "-" + i).toList();
            awaitBound(pods);
            Map<String, Long> perNode = new HashMap<>();
            pods.forEach(pod -> perNode.merge(cluster.nodeOf(pod), 1L, Long::sum));
            assertThat(perNode).as(scheduler).containsEntry("big", 2L).containsEntry("small", 2L);
        }
    }

    @Test
    void requiredAffinityDrawsAPodToTheNodeOfThePodItNames() {
        cluster.node("big", "16", "64Gi");
        cluster.node("small", "4", "64Gi");
        cluster.startScheduler();
        for (String scheduler : SCHEDULERS) {
            cluster.create(labelled(prefix(scheduler) + "-cache", prefix(scheduler) + "-cache", scheduler)
                    .editSpec().addToNodeSelector(HOSTNAME, "small").endSpec());
        }
        awaitBound(List.of("stook-cache", "kube-cache"));
        for (String scheduler : SCHEDULERS) {
            cluster.create(labelled(prefix(scheduler) + "-reader", "reader", scheduler).editSpec().withNewAffinity()
                    .withNewPodAffinity()
                    .addToRequiredDuringSchedulingIgnoredDuringExecution(near(prefix(scheduler) + "-cache", HOSTNAME))
                    .endPodAffinity().endAffinity().endSpec());
        }

        awaitBound(List.of("stook-reader", "kube-reader"));
        assertThat(cluster.nodeOf("kube-reader")).as("the reference").isEqualTo("small");
        assertThat(cluster.nodeOf("stook-reader")).isEqualTo("small");
    }

    @Test
    void aPlacedPodsAntiAffinityKeepsMatchingPodsWithoutTermsOffItsNode() {
        cluster.node("big", "16", "64Gi");
        cluster.node("small", "4", "64Gi");
        cluster.startScheduler();
        for (String scheduler : SCHEDULERS) {
            cluster.create(labelled(prefix(scheduler) + "-loner", "loner", scheduler).editSpec()
                    .addToNodeSelector(HOSTNAME, "big").withNewAffinity().withNewPodAntiAffinity()
                    .addToRequiredDuringSchedulingIgnoredDuringExecution(near(prefix(scheduler) + "-noisy", HOSTNAME))
                    .endPodAntiAffinity().endAffinity().endSpec());
        }
        awaitBound(List.of("stook-loner", "kube-loner"));
        for (String scheduler : SCHEDULERS) {
            cluster.create(labelled(prefix(scheduler) + "-noisy", prefix(scheduler) + "-noisy", scheduler));
        }

        awaitBound(List.of("stook-noisy", "kube-noisy"));
        assertThat(cluster.nodeOf("kube-noisy")).as("the reference").isEqualTo("small");
        assertThat(cluster.nodeOf("stook-noisy")).isEqualTo("small");
    }

    @Test
    void aGangWithOneMemberPerNodeIsAdmittedWholeOrNotAtAll() {
        cluster.node("n1", "16", "64Gi");
        cluster.node("n2", "16", "64Gi");
        cluster.node("n3", "16", "64Gi");
        cluster.startScheduler();
        for (int i = 0; i < 3; i++) {
            cluster.create(gangMember(awayFromOwnApp("fits-" + i, "fits", "stook"), "fits", 3));
        }
        for (int i = 0; i < 4; i++) {
            cluster.create(gangMember(awayFromOwnApp("too-big-" + i, "too-big", "stook"), "too-big", 4));
        }

        List<String> fits = IntStream.range(0, 3).mapToObj(i -> "fits-" + i).toList();
        awaitBound(fits);
        assertThat(fits.stream().map(cluster::nodeOf).distinct()).hasSize(3);
        awaitReason("too-big-0", "didn't match pod anti-affinity rules");
        assertThat(IntStream.range(0, 4).mapToObj(i -> "too-big-" + i).noneMatch(cluster::isBound)).isTrue();
    }

    private static PodBuilder gangMember(PodBuilder pod, String gang, int minMembers) {
        return pod.editMetadata().addToAnnotations("stook.dev/gang", gang)
                .addToAnnotations("stook.dev/gang-min-members", String.valueOf(minMembers)).endMetadata();
    }
}
