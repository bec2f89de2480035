package dev.stook.core.explain;

import dev.stook.core.model.PodId;

/**
 * Why a pod is where it is, as the engine sees it when asked. {@code nodeName} and {@code queue} are set
 * for a placed pod; {@code pending} only for a pending one; {@code executorHolds} for a placed Spark driver
 * holding executors' capacity, or an executor that took such a hold ({@link HoldsExplanation}).
 */
public record PodExplanation(PodId pod, Status status, String nodeName, String queue, PendingExplanation pending,
                             String executorHolds) {
    public enum Status {
        /** Waiting in a queue for a place. */
        PENDING,
        /** Given a node; the binding is still in flight. */
        ASSUMED,
        BOUND,
        /** Neither pending with Stook nor holding a place it knows of. */
        UNKNOWN
    }

    public PodExplanation(PodId pod, Status status, String nodeName, String queue, PendingExplanation pending) {
        this(pod, status, nodeName, queue, pending, null);
    }

    public PodExplanation withExecutorHolds(String holds) {
        return new PodExplanation(pod, status, nodeName, queue, pending, holds);
    }

    public static PodExplanation unknown(PodId pod) {
        return new PodExplanation(pod, Status.UNKNOWN, null, null, null);
    }

    public static PodExplanation placed(PodId pod, String nodeName, String queue, boolean assumed) {
        return new PodExplanation(pod, assumed ? Status.ASSUMED : Status.BOUND, nodeName, queue, null);
    }

    public static PodExplanation pending(PodId pod, PendingExplanation pending) {
        return new PodExplanation(pod, Status.PENDING, null, pending.queue() == null ? null : pending.queue().leaf(),
                pending);
    }
}
