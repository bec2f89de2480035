package dev.stook.k8s.admit;

import dev.stook.core.model.Pod;

import java.util.Objects;

/**
 * What Stook decided when it admitted a pod: the leaf queue the pod is charged to and whether it may be
 * evicted. Written with the binding as annotations, so any later leader reads the same decision back.
 */
public record AdmissionRecord(String queue, boolean preemptible) {
    public static final String QUEUE = "stook.dev/admitted-queue";
    public static final String PREEMPTIBLE = "stook.dev/admitted-preemptible";
    public static final String SEAL = "stook.dev/admitted-seal";

    public AdmissionRecord {
        Objects.requireNonNull(queue, "an admitted pod has a queue");
    }

    /** The decision carried by a pod the engine admitted (its queue resolved). */
    public static AdmissionRecord of(Pod admitted) {
        return new AdmissionRecord(admitted.queue(), admitted.preemptible());
    }

    /** The bound pod as this decision accounts it, whatever its own annotations say now. */
    public Pod applyTo(Pod bound) {
        return bound.inQueue(queue).withPreemptible(preemptible);
    }
}
