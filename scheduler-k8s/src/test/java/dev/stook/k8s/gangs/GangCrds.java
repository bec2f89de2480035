package dev.stook.k8s.gangs;

import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * Volcano's and scheduler-plugins' PodGroup CRDs, cut to the fields Stook reads ({@code src/test/resources/crds}),
 * installed on and removed from a real API server, and PodGroups of either.
 */
final class GangCrds {
    static final String VOLCANO = "scheduling.volcano.sh/v1beta1";
    static final String SCHEDULER_PLUGINS = "scheduling.x-k8s.io/v1alpha1";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Map<String, String> MANIFESTS = Map.of(VOLCANO, "/crds/volcano-podgroups.yaml",
            SCHEDULER_PLUGINS, "/crds/scheduler-plugins-podgroups.yaml");
    private static final Map<String, String> NAMES = Map.of(VOLCANO, "podgroups.scheduling.volcano.sh",
            SCHEDULER_PLUGINS, "podgroups.scheduling.x-k8s.io");

    private GangCrds() {
    }

    static void install(KubernetesClient admin) {
        MANIFESTS.forEach((apiVersion, manifest) -> {
            try (InputStream crd = GangCrds.class.getResourceAsStream(manifest)) {
                admin.load(crd).items().forEach(item -> admin.resource(item).createOr(existing -> existing.update()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            await().atMost(PATIENCE).until(() -> served(admin, apiVersion));
        });
    }

    static void remove(KubernetesClient admin) {
        NAMES.values().forEach(name -> admin.apiextensions().v1().customResourceDefinitions().withName(name).delete());
        await().atMost(PATIENCE).until(() -> NAMES.values().stream().allMatch(name ->
                admin.apiextensions().v1().customResourceDefinitions().withName(name).get() == null)
                && MANIFESTS.keySet().stream().noneMatch(apiVersion -> served(admin, apiVersion)));
    }

    /** Deletes every PodGroup of either kind in the namespace, where their CRDs are installed. */
    static void deletePodGroups(KubernetesClient admin, String namespace) {
        MANIFESTS.keySet().stream().filter(apiVersion -> served(admin, apiVersion))
                .forEach(apiVersion -> podGroups(admin, apiVersion).inNamespace(namespace).delete());
    }

    static void createOrReplace(KubernetesClient admin, String apiVersion, String namespace, String name,
                                Map<String, Object> spec) {
        GenericKubernetesResource group = new GenericKubernetesResourceBuilder().withApiVersion(apiVersion)
                .withKind("PodGroup").withNewMetadata().withNamespace(namespace).withName(name).endMetadata()
                .addToAdditionalProperties("spec", spec).build();
        podGroups(admin, apiVersion).inNamespace(namespace).resource(group).createOr(existing -> existing.update());
    }

    private static MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList,
            Resource<GenericKubernetesResource>> podGroups(KubernetesClient admin, String apiVersion) {
        String[] groupVersion = apiVersion.split("/");
        return admin.genericKubernetesResources(new ResourceDefinitionContext.Builder().withGroup(groupVersion[0])
                .withVersion(groupVersion[1]).withPlural("podgroups").withKind("PodGroup").withNamespaced(true).build());
    }

    private static boolean served(KubernetesClient admin, String apiVersion) {
        try {
            APIResourceList resources = admin.getApiResources(apiVersion);
            return resources != null && resources.getResources().stream().anyMatch(r -> r.getName().equals("podgroups"));
        } catch (RuntimeException e) {
            return false;
        }
    }
}
