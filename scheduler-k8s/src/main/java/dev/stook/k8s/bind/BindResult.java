package dev.stook.k8s.bind;

import dev.stook.core.model.Pod;

/** How one binding request ended, for the pod with that uid. */
public record BindResult(Pod pod, String uid, String nodeName, Outcome outcome, String detail) {
    public enum Outcome {
        /** The API server bound the pod. */
        BOUND,
        /** 409 or 404: the pod is already bound, being deleted or gone. Not retried. */
        REFUSED,
        /**
         * The pod the decision was made for is gone, or another pod now has its name: not sent, or refused
         * for that reason. Its removal freed its place; a new pod of that name is scheduled on its own.
         */
        STALE,
        /** Anything else (5xx, timeout, connection): the pod is not bound and may be tried again. */
        FAILED,
        /**
         * Its volumes (or those of another pod of its gang) could not be bound first: the pod is not bound, what
         * was written for the volumes is taken back, and it is tried again; the reason goes on the pod.
         */
        VOLUMES_FAILED
    }
}
