package dev.stook.k8s.fuzz;

import dev.stook.core.gang.GangAnnotations;
import dev.stook.fuzz.Corpus;
import dev.stook.fuzz.MalformedText;
import dev.stook.k8s.translate.PodTranslator;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirementBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.TolerationBuilder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pods as the API server could hand them to Stook, each with one to three fields corrupted from a seed:
 * Stook's annotations or labels, resource requests, required node affinity, tolerations.
 */
final class MalformedPods {
    static final List<String> ANNOTATION_KEYS = List.of(GangAnnotations.GANG, GangAnnotations.MIN_MEMBERS,
            GangAnnotations.TIMEOUT, GangAnnotations.TOPOLOGY, GangAnnotations.VOLCANO_GROUP, PodTranslator.QUEUE,
            PodTranslator.PREEMPTIBLE, PodTranslator.DATA_CHUNKS, PodTranslator.CHUNK_BYTES);
    private static final List<String> ANNOTATION_VALUES = List.of("train-42", "8", "300s", "research.nlp", "true",
            "false", "imagenet:0-1023,logs:7", "134217728", "required:example.com/rack");
    private static final List<String> RESOURCE_NAMES = List.of("cpu", "memory", "nvidia.com/gpu", "ephemeral-storage",
            "not a resource!", "");

    private MalformedPods() {}

    static Pod next(long seed) {
        MalformedText text = new MalformedText(seed, ANNOTATION_VALUES);
        PodBuilder pod = valid("p" + seed);
        int corruptions = 1 + text.nextInt(3);
        for (int i = 0; i < corruptions; i++) {
            switch (text.nextInt(5)) {
                case 0 -> annotate(pod, text);
                case 1 -> request(pod, text, new MalformedText(text.nextInt(Integer.MAX_VALUE), Corpus.QUANTITIES));
                case 2 -> affinity(pod, text, new MalformedText(text.nextInt(Integer.MAX_VALUE), Corpus.AFFINITY_WORDS));
                case 3 -> tolerate(pod, text, new MalformedText(text.nextInt(Integer.MAX_VALUE), Corpus.TAINT_WORDS));
                default -> label(pod, text);
            }
        }
        return pod.build();
    }

    static PodBuilder valid(String name) {
        return new PodBuilder().withNewMetadata().withNamespace("ns").withName(name)
                .withCreationTimestamp("2026-01-02T03:04:05Z").endMetadata()
                .withNewSpec().withSchedulerName("stook")
                .addNewContainer().withName("main").withNewResources().addToRequests("cpu", new Quantity("500m"))
                .addToRequests("memory", new Quantity("1Gi")).endResources().endContainer()
                .endSpec();
    }

    private static void annotate(PodBuilder pod, MalformedText text) {
        Map<String, String> annotations = new HashMap<>(orEmpty(pod.buildMetadata().getAnnotations()));
        annotations.put(text.pick(ANNOTATION_KEYS), text.next());
        pod.editMetadata().withAnnotations(annotations).endMetadata();
    }

    private static void label(PodBuilder pod, MalformedText text) {
        Map<String, String> labels = new HashMap<>(orEmpty(pod.buildMetadata().getLabels()));
        labels.put(text.pick(List.of(GangAnnotations.POD_GROUP_LABEL, GangAnnotations.MIN_MEMBERS, PodTranslator.QUEUE)),
                text.next());
        pod.editMetadata().withLabels(labels).endMetadata();
    }

    private static void request(PodBuilder pod, MalformedText choice, MalformedText quantities) {
        Map<String, Quantity> requests = Map.of(choice.pick(RESOURCE_NAMES), new Quantity(quantities.next(), null));
        switch (choice.nextInt(3)) {
            case 0 -> pod.editSpec().addNewContainer().withName("extra").withNewResources().withRequests(requests)
                    .endResources().endContainer().endSpec();
            case 1 -> pod.editSpec().addNewInitContainer().withName("init").withNewResources().withRequests(requests)
                    .endResources().endInitContainer().endSpec();
            default -> pod.editSpec().withOverhead(requests).endSpec();
        }
    }

    private static void affinity(PodBuilder pod, MalformedText choice, MalformedText words) {
        List<String> values = new ArrayList<>();
        for (int i = choice.nextInt(4); i > 0; i--) {
            values.add(words.next());
        }
        var requirement = new NodeSelectorRequirementBuilder()
                .withKey(choice.chance(10) ? null : words.next())
                .withOperator(choice.chance(2) ? choice.pick(Corpus.AFFINITY_OPERATORS) : words.next())
                .withValues(choice.chance(10) ? null : values).build();
        var term = new io.fabric8.kubernetes.api.model.NodeSelectorTermBuilder().withMatchExpressions(requirement);
        if (choice.chance(10)) {
            term.withMatchFields(requirement);
        }
        pod.editSpec().withNewAffinity().withNewNodeAffinity().withNewRequiredDuringSchedulingIgnoredDuringExecution()
                .withNodeSelectorTerms(term.build()).endRequiredDuringSchedulingIgnoredDuringExecution()
                .endNodeAffinity().endAffinity().endSpec();
    }

    private static void tolerate(PodBuilder pod, MalformedText choice, MalformedText words) {
        pod.editSpec().addToTolerations(new TolerationBuilder()
                .withKey(choice.chance(5) ? null : words.next())
                .withOperator(choice.chance(2) ? choice.pick(List.of("Equal", "Exists")) : words.next())
                .withValue(choice.chance(3) ? null : words.next())
                .withEffect(choice.chance(2) ? choice.pick(List.of("NoSchedule", "NoExecute", "")) : words.next())
                .build()).endSpec();
    }

    private static Map<String, String> orEmpty(Map<String, String> map) {
        return map == null ? Map.of() : map;
    }
}
