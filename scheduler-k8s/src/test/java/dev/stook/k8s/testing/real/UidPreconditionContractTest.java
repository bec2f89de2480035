package dev.stook.k8s.testing.real;

import io.fabric8.kubernetes.api.model.BindingBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.LinkedHashMap;
import java.util.Map;

import static dev.stook.k8s.testing.TestCluster.NAMESPACE;
import static dev.stook.k8s.testing.TestCluster.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What the real API server does with a pod's uid in the writes Stook sends, so a pod recreated under the
 * same name never takes a decision made for the one before it, and what it copies from a Binding.
 */
class UidPreconditionContractTest {
    private static final String STALE_UID = "00000000-0000-0000-0000-000000000000";
    @RegisterExtension
    final RealCluster cluster = new RealCluster();

    /**
     * kube-apiserver honours a Binding's uid from v1.23 (kubernetes#105913); before, it binds whatever pod has
     * the name, which is why Stook also checks its cache right before it sends one.
     */
    @Test
    void aBindingNamingAnotherUidIsRefusedOnlyFromV1_23() {
        cluster.node("n1", "4", "8Gi");
        cluster.create("p", "1");
        VersionInfo version = cluster.client().getKubernetesVersion();
        boolean honoursUid = Integer.parseInt(version.getMajor()) > 1
                || Integer.parseInt(version.getMinor().replaceAll("\\D", "")) >= 23;

        KubernetesClientException refused = catchThrowableOfType(KubernetesClientException.class,
                () -> bind("p", STALE_UID, Map.of()));

        if (honoursUid) {
            assertThat(refused.getCode()).isEqualTo(409);
            assertThat(cluster.isBound("p")).isFalse();
        } else {
            assertThat(refused).isNull();
            assertThat(cluster.isBound("p")).isTrue();
        }
    }

    @Test
    void aBindingNamingThePodsUidBindsItAndCopiesTheBindingsAnnotationsOntoThePod() {
        cluster.node("n1", "4", "8Gi");
        Pod pod = cluster.create(pod("p", "1").editMetadata().addToAnnotations("stook.dev/queue", "mine").endMetadata());

        bind("p", pod.getMetadata().getUid(), Map.of("stook.dev/queue", "admitted", "stook.dev/other", "x"));

        Pod bound = cluster.get("p");
        assertThat(bound.getSpec().getNodeName()).isEqualTo("n1");
        assertThat(bound.getMetadata().getAnnotations())
                .containsEntry("stook.dev/queue", "admitted").containsEntry("stook.dev/other", "x");
    }

    /** A uid in a merge patch is a change of an immutable field, not a precondition: 422, nothing written. */
    @Test
    void statusPatchesNamingAnotherUidAreRefused() {
        cluster.create("p", "1");
        String condition = "{\"type\":\"PodScheduled\",\"status\":\"False\",\"reason\":\"Unschedulable\","
                + "\"message\":\"stale\"}";
        Map<PatchType, String> patches = new LinkedHashMap<>();
        patches.put(PatchType.JSON_MERGE, "{\"metadata\":{\"uid\":\"" + STALE_UID + "\"},\"status\":{\"conditions\":["
                + condition + "]}}");
        patches.put(PatchType.STRATEGIC_MERGE, patches.get(PatchType.JSON_MERGE));
        patches.put(PatchType.JSON, "[{\"op\":\"test\",\"path\":\"/metadata/uid\",\"value\":\"" + STALE_UID + "\"},"
                + "{\"op\":\"add\",\"path\":\"/status/conditions\",\"value\":[" + condition + "]}]");

        Map<PatchType, Integer> codes = new LinkedHashMap<>();
        patches.forEach((type, patch) -> codes.put(type, catchThrowableOfType(KubernetesClientException.class,
                () -> cluster.client().pods().inNamespace(NAMESPACE).withName("p").subresource("status")
                        .patch(PatchContext.of(type), patch)).getCode()));

        assertThat(codes).containsExactly(Map.entry(PatchType.JSON_MERGE, 422),
                Map.entry(PatchType.STRATEGIC_MERGE, 422), Map.entry(PatchType.JSON, 422));
        assertThat(cluster.podScheduled("p")).isEmpty();
    }

    private void bind(String name, String uid, Map<String, String> annotations) {
        KubernetesClient client = cluster.client();
        client.raw(client.getMasterUrl().toString().replaceAll("/+$", "") + "/api/v1/namespaces/" + NAMESPACE + "/pods/"
                + name + "/binding", "POST", new BindingBuilder().withNewMetadata().withNamespace(NAMESPACE)
                .withName(name).withUid(uid).withAnnotations(annotations).endMetadata()
                .withNewTarget().withApiVersion("v1").withKind("Node").withName("n1").endTarget().build());
    }
}
