package dev.stook.k8s.bind;

import dev.stook.core.model.Pod;

/** How one binding request ended. */
public record BindResult(Pod pod, String nodeName, Outcome outcome, String detail) {
    public enum Outcome {
        /** The API server bound the pod. */
        BOUND,
        /** 409 or 404: the pod is already bound, being deleted or gone. Not retried. */
        REFUSED,
        /** Anything else (5xx, timeout, connection): the pod is not bound and may be tried again. */
        FAILED
    }
}
