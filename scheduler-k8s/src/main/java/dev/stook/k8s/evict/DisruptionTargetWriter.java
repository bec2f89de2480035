package dev.stook.k8s.evict;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Marks a victim with {@code DisruptionTarget=True}, reason {@code PreemptionByScheduler}, as kube-scheduler
 * does before it deletes one, so the pod's owner (a Job's pod failure policy, for one) can tell a preemption
 * from a crash. Written through the status subresource as a JSON merge patch. Blocking: call it off the
 * scheduling thread.
 */
final class DisruptionTargetWriter {
    static final String DISRUPTION_TARGET = "DisruptionTarget";
    static final String PREEMPTION_BY_SCHEDULER = "PreemptionByScheduler";

    private final KubernetesClient client;

    DisruptionTargetWriter(KubernetesClient client) {
        this.client = client;
    }

    /** True when the pod already carries the condition. */
    static boolean isMarked(Pod pod) {
        return conditionsOf(pod).stream().anyMatch(c -> DISRUPTION_TARGET.equals(c.getType())
                && "True".equals(c.getStatus()) && PREEMPTION_BY_SCHEDULER.equals(c.getReason()));
    }

    /** Throws {@link KubernetesClientException} when the API server refuses or cannot be reached. */
    void mark(Pod pod, String message) {
        List<PodCondition> conditions = new ArrayList<>();
        for (PodCondition condition : conditionsOf(pod)) {
            if (!DISRUPTION_TARGET.equals(condition.getType())) {
                conditions.add(condition);
            }
        }
        conditions.add(new PodConditionBuilder().withType(DISRUPTION_TARGET).withStatus("True")
                .withReason(PREEMPTION_BY_SCHEDULER).withMessage(message)
                .withLastTransitionTime(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()).build());
        // A merge patch replaces the whole list, so the other conditions go back with it. The uid is
        // immutable: a pod recreated under the same name refuses the patch instead of being marked.
        String patch = Serialization.asJson(Map.of(
                "metadata", Map.of("uid", pod.getMetadata().getUid()),
                "status", Map.of("conditions", conditions)));
        client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName())
                .subresource("status").patch(PatchContext.of(PatchType.JSON_MERGE), patch);
    }

    private static List<PodCondition> conditionsOf(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
            return List.of();
        }
        return pod.getStatus().getConditions();
    }
}
