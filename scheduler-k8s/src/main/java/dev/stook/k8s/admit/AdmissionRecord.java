package dev.stook.k8s.admit;

import dev.stook.core.model.Pod;
import dev.stook.core.spark.HoldRecord;

import java.util.Objects;

/**
 * What Stook decided when it admitted a pod: the leaf queue the pod is charged to and whether it may be
 * evicted; for a Spark driver, the executor holds admitted with it ({@code holds}, else null); for an executor
 * that took one of those holds, its driver's name ({@code tookHoldOf}, else null). Written with the binding as
 * annotations, so any later leader reads the same decision back.
 */
public record AdmissionRecord(String queue, boolean preemptible, HoldRecord holds, String tookHoldOf) {
    public static final String QUEUE = "stook.dev/admitted-queue";
    public static final String PREEMPTIBLE = "stook.dev/admitted-preemptible";
    public static final String SEAL = "stook.dev/admitted-seal";
    public static final String HOLDS = "stook.dev/admitted-holds";
    public static final String HOLD_RESOURCES = "stook.dev/admitted-hold-resources";
    public static final String HOLDS_UNTIL = "stook.dev/admitted-holds-until";
    public static final String TOOK_HOLD_OF = "stook.dev/admitted-hold-of";

    public AdmissionRecord {
        Objects.requireNonNull(queue, "an admitted pod has a queue");
    }

    public AdmissionRecord(String queue, boolean preemptible) {
        this(queue, preemptible, null, null);
    }

    /** The decision carried by a pod the engine admitted (its queue resolved). */
    public static AdmissionRecord of(Pod admitted) {
        return new AdmissionRecord(admitted.queue(), admitted.preemptible());
    }

    public AdmissionRecord withHolds(HoldRecord record) {
        return new AdmissionRecord(queue, preemptible, record, tookHoldOf);
    }

    public AdmissionRecord withTookHoldOf(String driverName) {
        return new AdmissionRecord(queue, preemptible, holds, driverName);
    }

    /** The bound pod as this decision accounts it, whatever its own annotations say now. */
    public Pod applyTo(Pod bound) {
        return bound.inQueue(queue).withPreemptible(preemptible);
    }
}
