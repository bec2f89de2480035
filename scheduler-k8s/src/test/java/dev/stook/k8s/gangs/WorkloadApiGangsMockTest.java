package dev.stook.k8s.gangs;

import dev.stook.core.gang.GangMembership;
import dev.stook.k8s.config.SchedulerConfig;
import dev.stook.k8s.testing.IgnoredChanges;
import dev.stook.k8s.translate.GangObjectKey;
import dev.stook.k8s.translate.GangObjectKind;
import dev.stook.k8s.translate.GangSources;
import dev.stook.k8s.translate.PodTranslator;
import dev.stook.k8s.watch.ClusterInformers;
import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kubernetes' Workload API ({@code scheduling.k8s.io}), which the real test server (v1.20.2) lacks, on fabric8's
 * mock API server: the version the server's discovery lists is read, and a server that serves none is
 * tolerated.
 */
@EnableKubernetesMockClient(crud = true)
class WorkloadApiGangsMockTest {
    private static final String GROUP = "scheduling.k8s.io";

    static {
        // The mock logs every request it answers through java.util.logging, which nothing here routes to SLF4J.
        Logger.getLogger("io.fabric8.mockwebserver").setLevel(Level.WARNING);
    }

    KubernetesMockServer server;
    KubernetesClient client;
    private final List<GangObjectKey> changed = new CopyOnWriteArrayList<>();

    @Test
    void aV1beta1PodGroupsMinCountSizesTheGangAndAChangeOfItIsSeen() throws Exception {
        serves("v1beta1", "podgroups", "PodGroup");
        podGroups("v1beta1").inNamespace("ml").resource(podGroup("train", Map.of("gang", Map.of("minCount", 3))))
                .create();

        try (ClusterInformers informers = informers()) {
            assertThat(informers.servedVersion(GangObjectKind.KUBERNETES_POD_GROUP)).isEqualTo("v1beta1");
            assertThat(informers.servedVersion(GangObjectKind.KUBERNETES_WORKLOAD)).isNull();
            Pod pod = podInGroup("train");

            GangMembership gang = PodTranslator.translate(pod, GangSources.lookup(pod, informers)).gang();
            assertThat(gang.id().name()).isEqualTo("train");
            assertThat(gang.minMembers()).isEqualTo(3);
            assertThat(gang.source()).isEqualTo("Kubernetes PodGroup train");

            podGroups("v1beta1").inNamespace("ml").resource(podGroup("train", Map.of("gang", Map.of("minCount", 5))))
                    .update();
            await().atMost(10, TimeUnit.SECONDS).until(() -> changed.contains(new GangObjectKey(
                    GangObjectKind.KUBERNETES_POD_GROUP, "ml", "train")) && GangSources.lookup(pod, informers)
                    .declaration().minMembers() == 5);
        }
    }

    @Test
    void aBasicPodGroupIsNoGangAndAMissingOneIsAwaited() throws Exception {
        serves("v1alpha2", "podgroups", "PodGroup");
        podGroups("v1alpha2").inNamespace("ml").resource(podGroup("web", Map.of("basic", Map.of()))).create();

        try (ClusterInformers informers = informers()) {
            assertThat(informers.servedVersion(GangObjectKind.KUBERNETES_POD_GROUP)).isEqualTo("v1alpha2");
            Pod basic = podInGroup("web");
            Pod orphan = podInGroup("later");

            assertThat(PodTranslator.translate(basic, GangSources.lookup(basic, informers)).gang()).isNull();
            assertThat(GangSources.lookup(orphan, informers).declaration().awaiting())
                    .isEqualTo("Kubernetes PodGroup later to be created (scheduling.k8s.io/v1alpha2)");
        }
    }

    @Test
    void aV1alpha1WorkloadsPodGroupIsOneGangPerReplicaKey() throws Exception {
        serves("v1alpha1", "workloads", "Workload");
        GenericKubernetesResource workload = new GenericKubernetesResourceBuilder()
                .withApiVersion(GROUP + "/v1alpha1").withKind("Workload").withNewMetadata().withNamespace("ml")
                .withName("job").endMetadata().addToAdditionalProperties("spec", Map.of("podGroups", List.of(
                        Map.of("name", "workers", "policy", Map.of("gang", Map.of("minCount", 4))),
                        Map.of("name", "driver", "policy", Map.of("basic", Map.of()))))).build();
        client.genericKubernetesResources(context("v1alpha1", "workloads", "Workload")).inNamespace("ml")
                .resource(workload).create();

        try (ClusterInformers informers = informers()) {
            assertThat(informers.servedVersion(GangObjectKind.KUBERNETES_WORKLOAD)).isEqualTo("v1alpha1");
            assertThat(informers.servedVersion(GangObjectKind.KUBERNETES_POD_GROUP)).isNull();
            Pod worker = podOfWorkload("job", "workers", "1");
            Pod driver = podOfWorkload("job", "driver", null);

            GangMembership gang = PodTranslator.translate(worker, GangSources.lookup(worker, informers)).gang();
            assertThat(gang.id().name()).isEqualTo("job/workers/1");
            assertThat(gang.minMembers()).isEqualTo(4);
            assertThat(gang.source()).isEqualTo("Kubernetes Workload job, pod group workers");
            assertThat(PodTranslator.translate(driver, GangSources.lookup(driver, informers)).gang()).isNull();
        }
    }

    @Test
    void aServerServingNoVersionIsToleratedAndThePodsGatherByName() throws Exception {
        try (ClusterInformers informers = informers()) {
            assertThat(informers.servedVersion(GangObjectKind.KUBERNETES_POD_GROUP)).isNull();
            assertThat(informers.servedVersion(GangObjectKind.KUBERNETES_WORKLOAD)).isNull();
            Pod pod = podInGroup("train");

            GangMembership gang = PodTranslator.translate(pod, GangSources.lookup(pod, informers)).gang();
            assertThat(gang.id().name()).isEqualTo("train");
            assertThat(gang.declaresMinimum()).isFalse();
            assertThat(gang.source()).isEqualTo("Kubernetes PodGroup train (API not served)");
        }
    }

    private void serves(String version, String plural, String kind) {
        server.expect().get().withPath("/apis/" + GROUP + "/" + version).andReturn(200, new APIResourceListBuilder()
                .withGroupVersion(GROUP + "/" + version).withResources(new APIResourceBuilder().withName(plural)
                        .withKind(kind).withNamespaced(true).withVerbs("list", "watch").build()).build()).always();
    }

    private ClusterInformers informers() throws Exception {
        ClusterInformers informers = new ClusterInformers(client, "stook-system", "stook-queues",
                "stook-queues-last-good", "stook", new RecordingChanges(), false,
                SchedulerConfig.DEFAULTS.podGroupCrdCheckMillis());
        informers.start().get(30, TimeUnit.SECONDS);
        return informers;
    }

    private MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList,
            Resource<GenericKubernetesResource>> podGroups(String version) {
        return client.genericKubernetesResources(context(version, "podgroups", "PodGroup"));
    }

    private static ResourceDefinitionContext context(String version, String plural, String kind) {
        return new ResourceDefinitionContext.Builder().withGroup(GROUP).withVersion(version).withPlural(plural)
                .withKind(kind).withNamespaced(true).build();
    }

    private static GenericKubernetesResource podGroup(String name, Map<String, Object> policy) {
        return new GenericKubernetesResourceBuilder().withKind("PodGroup").withNewMetadata().withNamespace("ml")
                .withName(name).endMetadata().addToAdditionalProperties("spec", Map.of("schedulingPolicy", policy))
                .build();
    }

    private static Pod podInGroup(String podGroup) {
        return new PodBuilder().withNewMetadata().withNamespace("ml").withName("p").endMetadata().withNewSpec()
                .withNewSchedulingGroup().withPodGroupName(podGroup).endSchedulingGroup().addNewContainer()
                .withName("c").endContainer().endSpec().build();
    }

    private static Pod podOfWorkload(String workload, String podGroup, String replicaKey) {
        Pod pod = new PodBuilder().withNewMetadata().withNamespace("ml").withName("p").endMetadata().withNewSpec()
                .addNewContainer().withName("c").endContainer().endSpec().build();
        Map<String, Object> ref = new HashMap<>(Map.of("name", workload, "podGroup", podGroup));
        if (replicaKey != null) {
            ref.put("podGroupReplicaKey", replicaKey);
        }
        pod.getSpec().setAdditionalProperty("workloadRef", ref);
        return pod;
    }

    private final class RecordingChanges extends IgnoredChanges {
        @Override
        public void gangObjectChanged(GangObjectKey key) {
            changed.add(key);
        }
    }
}
