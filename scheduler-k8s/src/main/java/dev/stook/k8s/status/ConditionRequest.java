package dev.stook.k8s.status;

import dev.stook.core.model.PodId;

/**
 * {@code PodScheduled=False} wanted on one incarnation of a pod (its uid), how many writes of it failed, and
 * when to send it.
 */
record ConditionRequest(PodId pod, String uid, String reason, String message, int failures, long dueAtNanos) {
    static ConditionRequest now(PodId pod, String uid, String reason, String message) {
        return new ConditionRequest(pod, uid, reason, message, 0, System.nanoTime());
    }

    ConditionRequest failed(long retryAfterMillis) {
        return new ConditionRequest(pod, uid, reason, message, failures + 1,
                System.nanoTime() + retryAfterMillis * 1_000_000);
    }
}
