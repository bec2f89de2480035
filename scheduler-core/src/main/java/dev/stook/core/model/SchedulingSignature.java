package dev.stook.core.model;

import dev.stook.core.locality.DataReads;

import java.util.List;

/**
 * Everything filters and scorers read from a pod. Pods with equal signatures are interchangeable for
 * placement, so they share one filter pass per cycle (an equivalence class).
 */
public final class SchedulingSignature {
    private final Resources requests;
    private final PlacementConstraints constraints;
    private final DataReads dataReads;
    private final List<String> claims;
    private final int hash;

    /** @param claims the pod's claims as {@code namespace/name}: pods using different claims never share a class */
    public SchedulingSignature(Resources requests, PlacementConstraints constraints, DataReads dataReads,
                               List<String> claims) {
        this.requests = requests;
        this.constraints = constraints;
        this.dataReads = dataReads;
        this.claims = claims;
        this.hash = 31 * (31 * (31 * requests.hashCode() + constraints.hashCode()) + dataReads.hashCode())
                + claims.hashCode();
    }

    /**
     * The signature of a pod alike in everything but its rules relative to other pods: plugins not reading
     * other pods answer the same for both.
     */
    public SchedulingSignature withoutPodRelations() {
        return new SchedulingSignature(requests, constraints.withoutPodRelations(), dataReads, claims);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SchedulingSignature other && hash == other.hash
                && requests.equals(other.requests) && constraints.equals(other.constraints)
                && dataReads.equals(other.dataReads) && claims.equals(other.claims);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
