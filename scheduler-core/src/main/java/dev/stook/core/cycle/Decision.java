package dev.stook.core.cycle;

import dev.stook.core.model.Pod;

/** What a cycle decided for a pod; the Kubernetes adapter or the simulator carries it out. */
public sealed interface Decision {
    Pod pod();

    /** Bind the pod to the node. The pod is already assumed there in the cluster state. */
    record Bind(Pod pod, String nodeName) implements Decision {}

    /** The pod stays pending; {@code reason} is the PodScheduled condition reason, {@code message} says why. */
    record Wait(Pod pod, String reason, String message) implements Decision {}
}
