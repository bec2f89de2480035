package dev.stook.k8s.bind;

import dev.stook.core.model.Pod;

/**
 * A binding to send: the pod as the decision saw it, the uid of that incarnation, the chosen node, and the
 * volumes to bind before it (shared with the other pods of its decision), or null when it has none to bind.
 */
public record BindRequest(Pod pod, String uid, String nodeName, VolumeBatch volumes) {
    public BindRequest(Pod pod, String uid, String nodeName) {
        this(pod, uid, nodeName, null);
    }
}
