package dev.stook.core.cycle;

import dev.stook.core.locality.LocalReads;
import dev.stook.core.model.Pod;

/** What a cycle decided for a pod; the Kubernetes adapter or the simulator carries it out. */
public sealed interface Decision {
    Pod pod();

    /**
     * Bind the pod to the node. The pod is already assumed there in the cluster state. {@code locality}
     * says how much of the data the pod reads is cached on the node.
     */
    record Bind(Pod pod, String nodeName, LocalReads locality) implements Decision {
        public Bind(Pod pod, String nodeName) {
            this(pod, nodeName, LocalReads.NONE);
        }
    }

    /**
     * Evict the pod to make room for a unit that is owed it. The pod keeps its place until it is gone.
     * {@code reason} is short (for an Event reason), {@code message} names the winner and its queue.
     */
    record Evict(Pod pod, String reason, String message) implements Decision {}

    /** The pod stays pending; {@code reason} is the PodScheduled condition reason, {@code message} says why. */
    record Wait(Pod pod, String reason, String message) implements Decision {}
}
