package dev.stook.core.model;

import dev.stook.core.locality.DataReads;

/**
 * Everything filters and scorers read from a pod. Pods with equal signatures are interchangeable for
 * placement, so they share one filter pass per cycle (an equivalence class).
 */
public final class SchedulingSignature {
    private final Resources requests;
    private final PlacementConstraints constraints;
    private final DataReads dataReads;
    private final int hash;

    public SchedulingSignature(Resources requests, PlacementConstraints constraints, DataReads dataReads) {
        this.requests = requests;
        this.constraints = constraints;
        this.dataReads = dataReads;
        this.hash = 31 * (31 * requests.hashCode() + constraints.hashCode()) + dataReads.hashCode();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SchedulingSignature other && hash == other.hash
                && requests.equals(other.requests) && constraints.equals(other.constraints)
                && dataReads.equals(other.dataReads);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
