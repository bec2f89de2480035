package dev.stook.k8s.status;

import dev.stook.core.model.PodId;
import dev.stook.k8s.watch.ClusterCache;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Pod;

/** What users see of Stook's decisions: pod conditions and Events. */
public final class StatusReporter implements AutoCloseable {
    /** The condition reason of a pod Stook cannot read (bad annotation or quantity). */
    public static final String INVALID = "InvalidSchedulingRequest";

    private final ClusterCache cache;
    private final PodConditionWriter conditions;
    private final EventRecorder events;

    public StatusReporter(ClusterCache cache, PodConditionWriter conditions, EventRecorder events) {
        this.cache = cache;
        this.conditions = conditions;
        this.events = events;
    }

    /** @param uid the incarnation the decision was made for: a pod recreated under its name is left alone */
    public void waiting(PodId pod, String uid, String reason, String message) {
        conditions.unschedulable(pod, uid, reason, message);
        cache.pod(pod).filter(p -> uid.equals(p.getMetadata().getUid()))
                .ifPresent(p -> events.warning(p, "FailedScheduling", "Scheduling", message));
    }

    public void invalid(PodId pod, String uid, String message) {
        waiting(pod, uid, INVALID, message);
    }

    public void scheduled(PodId pod, String nodeName) {
        scheduled(pod, nodeName, null);
    }

    /** @param localityProblem why the pod's locality annotations were ignored, or null */
    public void scheduled(PodId pod, String nodeName, String localityProblem) {
        scheduled(pod, nodeName, localityProblem, null);
    }

    /**
     * @param localityProblem why the pod's locality annotations were ignored, or null
     * @param executorHolds   the executor holds of a Spark driver, or the hold an executor took, or null
     */
    public void scheduled(PodId pod, String nodeName, String localityProblem, String executorHolds) {
        String message = "Successfully assigned " + pod + " to " + nodeName
                + (localityProblem == null ? "" : "; scheduled without data locality: " + localityProblem)
                + (executorHolds == null ? "" : "; " + executorHolds);
        cache.pod(pod).ifPresent(p -> events.normal(p, "Scheduled", "Binding", message));
    }

    /** The victim's deletion was accepted; {@code message} names the winner and its queue. */
    public void preempted(Pod victim, String reason, String message) {
        events.normal(victim, reason, "Preempting", message);
    }

    public void preemptionFailed(Pod victim, String message) {
        events.warning(victim, "FailedPreemption", "Preempting", message);
    }

    /** @param configMap the queue ConfigMap, or a reference to it by name once deleted */
    public void queueConfigProblem(ConfigMap configMap, String reason, String message) {
        events.warning(configMap, reason, "Reload", message);
    }

    @Override
    public void close() {
        conditions.close();
        events.close();
    }
}
