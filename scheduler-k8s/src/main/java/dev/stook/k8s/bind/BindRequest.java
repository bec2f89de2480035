package dev.stook.k8s.bind;

import dev.stook.core.model.Pod;
import dev.stook.k8s.admit.AdmissionRecord;

/**
 * A binding to send: the pod as the decision saw it, the uid of that incarnation, the chosen node, the
 * volumes to bind before it (shared with the other pods of its decision), or null when it has none to bind,
 * and the admission the binding records on the pod.
 */
public record BindRequest(Pod pod, String uid, String nodeName, VolumeBatch volumes, AdmissionRecord admission) {
    public BindRequest(Pod pod, String uid, String nodeName, VolumeBatch volumes) {
        this(pod, uid, nodeName, volumes, AdmissionRecord.of(pod));
    }

    public BindRequest(Pod pod, String uid, String nodeName) {
        this(pod, uid, nodeName, null);
    }
}
