package dev.stook.k8s.translate;

import dev.stook.core.locality.ChunkSet;
import dev.stook.core.model.Node;
import dev.stook.core.model.Resources;
import dev.stook.core.model.Taint;
import dev.stook.core.model.TaintEffect;
import io.fabric8.kubernetes.api.model.NodeCondition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place a Kubernetes node becomes the core's {@link Node}: allocatable, labels, taints, and
 * whether it takes new pods. A node that is cordoned ({@code spec.unschedulable}) or not Ready (its
 * {@code Ready} condition is missing, False or Unknown) is translated as cordoned: it keeps counting the
 * pods bound to it but gets no new ones, and explanations say so, without waiting for the node
 * lifecycle controller's {@code not-ready} taint.
 */
public final class NodeTranslator {
    public static final String CACHED_CHUNKS = "stook.dev/cached-chunks";

    private NodeTranslator() {}

    /**
     * The chunks the node's cache agent reports in {@code stook.dev/cached-chunks}.
     *
     * @throws IllegalArgumentException when the annotation is unreadable
     */
    public static ChunkSet cachedChunks(io.fabric8.kubernetes.api.model.Node node) {
        Map<String, String> annotations = node.getMetadata().getAnnotations();
        String chunks = annotations == null ? null : annotations.get(CACHED_CHUNKS);
        return chunks == null ? ChunkSet.EMPTY : ChunkSet.parse(chunks);
    }

    public static Node translate(io.fabric8.kubernetes.api.model.Node node) {
        var status = node.getStatus();
        Resources allocatable = status == null || status.getAllocatable() == null
                ? Resources.NONE : FieldPath.read("status.allocatable", () -> offered(status.getAllocatable()));
        List<Taint> taints = new ArrayList<>();
        if (node.getSpec() != null && node.getSpec().getTaints() != null) {
            List<io.fabric8.kubernetes.api.model.Taint> given = node.getSpec().getTaints();
            for (int i = 0; i < given.size(); i++) {
                io.fabric8.kubernetes.api.model.Taint taint = given.get(i);
                taints.add(FieldPath.read("spec.taints[" + i + "]",
                        () -> new Taint(taint.getKey(), taint.getValue(), TaintEffect.parse(taint.getEffect()))));
            }
        }
        Map<String, String> labels = node.getMetadata().getLabels() == null ? Map.of() : node.getMetadata().getLabels();
        boolean cordoned = node.getSpec() != null && Boolean.TRUE.equals(node.getSpec().getUnschedulable());
        return new Node(node.getMetadata().getName(), allocatable, labels, taints, cordoned || !isReady(node));
    }

    static boolean isReady(io.fabric8.kubernetes.api.model.Node node) {
        if (node.getStatus() == null || node.getStatus().getConditions() == null) {
            return false;
        }
        for (NodeCondition condition : node.getStatus().getConditions()) {
            if ("Ready".equals(condition.getType())) {
                return "True".equals(condition.getStatus());
            }
        }
        return false;
    }

    /** What a node offers: resource names seen first here are registered, for pods to ask for. */
    private static Resources offered(Map<String, io.fabric8.kubernetes.api.model.Quantity> allocatable) {
        Map<String, String> text = new LinkedHashMap<>();
        allocatable.forEach((name, quantity) -> text.put(name, quantity == null ? "" : quantity.toString()));
        return Resources.parseRegistering(text);
    }
}
