package dev.stook.k8s.fuzz;

import dev.stook.fuzz.Corpus;
import dev.stook.fuzz.FuzzCase;
import dev.stook.fuzz.FuzzSeeds;
import dev.stook.fuzz.InputBoundary;
import dev.stook.fuzz.MalformedText;
import dev.stook.k8s.translate.NodeTranslator;
import dev.stook.k8s.translate.PodTranslator;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/**
 * Malformed pods and nodes through the real translation: a pod Stook cannot read is refused with an
 * {@link IllegalArgumentException} whose message names the field, never with another exception.
 */
class PodTranslatorFuzzTest {
    private static final InputBoundary POD_BOUNDARY = new InputBoundary(IllegalArgumentException.class,
            line -> line.contains("stook.dev/") || line.contains("scheduling.") || line.startsWith("spec.")
                    || line.contains("gang name"),
            "the annotation, label or spec field");
    private static final InputBoundary NODE_BOUNDARY = new InputBoundary(IllegalArgumentException.class,
            line -> line.startsWith("spec.") || line.startsWith("status.") || line.startsWith("chunk list"),
            "the node field");

    @Test
    void pods() {
        FuzzSeeds.of("pod", 2_500).forEach(seed -> {
            Pod pod = MalformedPods.next(seed);
            FuzzCase fuzzCase = new FuzzCase("pod", seed, pod.getMetadata() + " " + pod.getSpec());
            POD_BOUNDARY.check(fuzzCase, () -> {
                String localityProblem = PodTranslator.translate(pod).dataReads().problem();
                if (localityProblem != null) {
                    throw new IllegalArgumentException(localityProblem);
                }
            });
        });
    }

    @Test
    void nodes() {
        FuzzSeeds.of("node", 1_000).forEach(seed -> {
            MalformedText text = new MalformedText(seed, Corpus.TAINT_WORDS);
            var node = new NodeBuilder().withNewMetadata().withName("n")
                    .withAnnotations(Map.of(NodeTranslator.CACHED_CHUNKS, new MalformedText(seed, Corpus.CHUNK_LISTS).next()))
                    .endMetadata()
                    .withNewSpec().addNewTaint().withKey(text.chance(5) ? null : text.next()).withValue(text.next())
                    .withEffect(text.chance(2) ? text.pick(List.of("NoSchedule", "NoExecute")) : text.next()).endTaint()
                    .endSpec()
                    .withNewStatus().withAllocatable(Map.of(text.pick(List.of("cpu", "memory", "pods")),
                            new Quantity(new MalformedText(seed, Corpus.QUANTITIES).next(), null))).endStatus()
                    .build();
            FuzzCase fuzzCase = new FuzzCase("node", seed, node.getMetadata() + " " + node.getSpec() + " " + node.getStatus());
            NODE_BOUNDARY.check(fuzzCase, () -> NodeTranslator.translate(node));
            NODE_BOUNDARY.check(fuzzCase, () -> NodeTranslator.cachedChunks(node));
        });
    }
}
