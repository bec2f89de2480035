package dev.stook.k8s.translate;

import dev.stook.core.gang.GangAnnotations;
import dev.stook.core.gang.GangDeclaration;
import dev.stook.core.gang.GangMembership;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSchedulingGroupBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which object declares a pod's gang, what it says, and how bad objects are refused. */
class GangSourcesTest {
    private final Map<GangObjectKind, String> served = new EnumMap<>(GangObjectKind.class);
    private final Map<GangObjectKey, HasMetadata> objects = new HashMap<>();
    private final GangObjects cache = new GangObjects() {
        @Override
        public String servedVersion(GangObjectKind kind) {
            return served.get(kind);
        }

        @Override
        public Optional<HasMetadata> gangObject(GangObjectKey key) {
            return Optional.ofNullable(objects.get(key));
        }
    };

    @Test
    void aVolcanoPodGroupGivesItsMinMemberAndQueue() {
        served.put(GangObjectKind.VOLCANO_POD_GROUP, "v1beta1");
        podGroup(GangObjectKind.VOLCANO_POD_GROUP, "train", Map.of("minMember", 4, "queue", "research.nlp"));

        GangSources.Lookup lookup = GangSources.lookup(pod(Map.of(), Map.of(GangAnnotations.VOLCANO_GROUP, "train")),
                cache);

        assertThat(lookup.declaration()).isEqualTo(GangDeclaration.found("train", 4, "Volcano PodGroup train")
                .withQueue("research.nlp"));
        assertThat(lookup.reference()).isEqualTo(new GangObjectKey(GangObjectKind.VOLCANO_POD_GROUP, "ml", "train"));
    }

    @Test
    void aSchedulerPluginsPodGroupGivesItsMinMemberAndTimeout() {
        served.put(GangObjectKind.SCHEDULER_PLUGINS_POD_GROUP, "v1alpha1");
        podGroup(GangObjectKind.SCHEDULER_PLUGINS_POD_GROUP, "etl", Map.of("minMember", 2, "scheduleTimeoutSeconds", 90));

        GangSources.Lookup lookup = GangSources.lookup(pod(Map.of(GangAnnotations.POD_GROUP_LABEL, "etl"), Map.of()),
                cache);

        assertThat(lookup.declaration()).isEqualTo(GangDeclaration.found("etl", 2, "scheduler-plugins PodGroup etl")
                .withTimeoutMillis(90_000));
    }

    @Test
    void aPodGroupWhoseCrdIsNotServedLeavesTheNameAloneAndAMissingOneIsAwaited() {
        Pod pod = pod(Map.of(), Map.of(GangAnnotations.VOLCANO_GROUP, "train"));
        assertThat(GangSources.lookup(pod, cache).declaration()).isNull();

        served.put(GangObjectKind.VOLCANO_POD_GROUP, "v1beta1");
        assertThat(GangSources.lookup(pod, cache).declaration().awaiting())
                .isEqualTo("Volcano PodGroup train to be created (scheduling.volcano.sh/v1beta1)");
    }

    @Test
    void stooksOwnGangKeyMeansNothingElseIsLookedUp() {
        served.put(GangObjectKind.VOLCANO_POD_GROUP, "v1beta1");

        GangSources.Lookup lookup = GangSources.lookup(pod(Map.of(),
                Map.of(GangAnnotations.GANG, "own", GangAnnotations.VOLCANO_GROUP, "train")), cache);

        assertThat(lookup).isEqualTo(new GangSources.Lookup(null, null, null));
    }

    @Test
    void thePodGroupLabelComesBeforeTheVolcanoAnnotationAndBeforeTheJob() {
        Pod pod = jobPod(Map.of(GangAnnotations.POD_GROUP_LABEL, "pg"),
                Map.of(GangAnnotations.VOLCANO_GROUP, "vc", JobDeclarations.GANG_FROM_JOB, "true"));

        assertThat(GangSources.referenceOf(pod).kind()).isEqualTo(GangObjectKind.SCHEDULER_PLUGINS_POD_GROUP);
        assertThat(GangSources.referenceOf(jobPod(Map.of(), Map.of(GangAnnotations.VOLCANO_GROUP, "vc",
                JobDeclarations.GANG_FROM_JOB, "true"))).kind()).isEqualTo(GangObjectKind.VOLCANO_POD_GROUP);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0    | Volcano PodGroup bad: spec.minMember 0 is not a positive integer",
            "-2   | Volcano PodGroup bad: spec.minMember -2 is not a positive integer",
            "'x'  | Volcano PodGroup bad: spec.minMember \"x\" is not a whole number",
            "10001 | Volcano PodGroup bad: spec.minMember 10001 is larger than the limit of 10000",
    })
    void aBadMinMemberIsTheLookupsProblemAndRefusesThePod(String minMember, String problem) {
        served.put(GangObjectKind.VOLCANO_POD_GROUP, "v1beta1");
        Object value = minMember.matches("-?[0-9]+") ? (Object) Integer.parseInt(minMember) : minMember;
        podGroup(GangObjectKind.VOLCANO_POD_GROUP, "bad", Map.of("minMember", value));
        Pod pod = pod(Map.of(), Map.of(GangAnnotations.VOLCANO_GROUP, "bad"));

        GangSources.Lookup lookup = GangSources.lookup(pod, cache);

        assertThat(lookup.problem()).isEqualTo(problem);
        assertThat(lookup.reference()).as("a fix of the PodGroup is looked for").isNotNull();
        assertThatThrownBy(() -> PodTranslator.translate(pod, lookup))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(problem);
    }

    @Test
    void anOversizedOrBlankGroupNameIsRefusedWithoutQuotingIt() {
        served.put(GangObjectKind.VOLCANO_POD_GROUP, "v1beta1");

        assertThat(GangSources.lookup(pod(Map.of(), Map.of(GangAnnotations.VOLCANO_GROUP, "x".repeat(200_000))), cache)
                .problem()).isEqualTo("scheduling.k8s.io/group-name must name a PodGroup: 1 to 253 characters");
        assertThat(GangSources.lookup(pod(Map.of(GangAnnotations.POD_GROUP_LABEL, ""), Map.of()), cache).problem())
                .isEqualTo("scheduling.x-k8s.io/pod-group must name a PodGroup: 1 to 253 characters");
    }

    @Test
    void aPodGroupWithoutMinMemberIsRefused() {
        served.put(GangObjectKind.SCHEDULER_PLUGINS_POD_GROUP, "v1alpha1");
        podGroup(GangObjectKind.SCHEDULER_PLUGINS_POD_GROUP, "pg", Map.of());

        assertThat(GangSources.lookup(pod(Map.of(GangAnnotations.POD_GROUP_LABEL, "pg"), Map.of()), cache).problem())
                .startsWith("scheduler-plugins PodGroup pg: spec.minMember is missing");
    }

    @Test
    void theVolcanoQueueIsThePodsQueueUnlessThePodNamesOne() {
        served.put(GangObjectKind.VOLCANO_POD_GROUP, "v1beta1");
        podGroup(GangObjectKind.VOLCANO_POD_GROUP, "train", Map.of("minMember", 1, "queue", "research"));
        Pod asksNothing = pod(Map.of(), Map.of(GangAnnotations.VOLCANO_GROUP, "train"));
        Pod asksItsOwn = pod(Map.of(), Map.of(GangAnnotations.VOLCANO_GROUP, "train", PodTranslator.QUEUE, "batch"));

        assertThat(PodTranslator.translate(asksNothing, GangSources.lookup(asksNothing, cache)).queue())
                .isEqualTo("research");
        assertThat(PodTranslator.translate(asksItsOwn, GangSources.lookup(asksItsOwn, cache)).queue())
                .isEqualTo("batch");
    }

    @Test
    void theExplanationsSourceIsTheDeclaringObject() {
        served.put(GangObjectKind.VOLCANO_POD_GROUP, "v1beta1");
        podGroup(GangObjectKind.VOLCANO_POD_GROUP, "train", Map.of("minMember", 3));
        Pod pod = pod(Map.of(), Map.of(GangAnnotations.VOLCANO_GROUP, "train"));

        GangMembership gang = PodTranslator.translate(pod, GangSources.lookup(pod, cache)).gang();

        assertThat(gang.minMembers()).isEqualTo(3);
        assertThat(gang.source()).isEqualTo("Volcano PodGroup train");
    }

    @Test
    void kubernetesPodGroupsComeFirstAndTheirBadPoliciesAreRefusedNamingTheField() {
        served.put(GangObjectKind.KUBERNETES_POD_GROUP, "v1beta1");
        podGroup(GangObjectKind.KUBERNETES_POD_GROUP, "zero", Map.of("schedulingPolicy",
                Map.of("gang", Map.of("minCount", 0))));
        podGroup(GangObjectKind.KUBERNETES_POD_GROUP, "empty", Map.of("schedulingPolicy", Map.of()));
        Pod alsoVolcano = pod(Map.of(), Map.of(GangAnnotations.VOLCANO_GROUP, "train"));
        alsoVolcano.getSpec().setSchedulingGroup(new PodSchedulingGroupBuilder().withPodGroupName("zero").build());

        assertThat(GangSources.lookup(alsoVolcano, cache).problem())
                .isEqualTo("Kubernetes PodGroup zero: spec.schedulingPolicy.gang.minCount 0 is not a positive integer");
        alsoVolcano.getSpec().setSchedulingGroup(new PodSchedulingGroupBuilder().withPodGroupName("empty").build());
        assertThat(GangSources.lookup(alsoVolcano, cache).problem())
                .isEqualTo("Kubernetes PodGroup empty: spec.schedulingPolicy sets neither basic nor gang");
    }

    @Test
    void aWorkloadRefWithoutItsPodGroupIsRefused() {
        Pod pod = pod(Map.of(), Map.of());
        pod.getSpec().setAdditionalProperty("workloadRef", Map.of("name", "job"));

        assertThat(GangSources.lookup(pod, cache).problem())
                .isEqualTo("spec.workloadRef.podGroup is missing: it names the pod's group in Workload job");
    }

    private void podGroup(GangObjectKind kind, String name, Map<String, Object> spec) {
        GenericKubernetesResource group = new GenericKubernetesResourceBuilder().withKind("PodGroup").withNewMetadata()
                .withNamespace("ml").withName(name).endMetadata().addToAdditionalProperties("spec", spec).build();
        objects.put(new GangObjectKey(kind, "ml", name), group);
    }

    static Pod pod(Map<String, String> labels, Map<String, String> annotations) {
        return new PodBuilder().withNewMetadata().withNamespace("ml").withName("p").withLabels(labels)
                .withAnnotations(annotations).endMetadata().withNewSpec().addNewContainer().withName("c").endContainer()
                .endSpec().build();
    }

    static Pod jobPod(Map<String, String> labels, Map<String, String> annotations) {
        Pod pod = pod(labels, annotations);
        pod.getMetadata().setOwnerReferences(List.of(new OwnerReferenceBuilder()
                .withApiVersion("batch/v1").withKind("Job").withName("etl").withUid("u").withController(true).build()));
        return pod;
    }
}
