package dev.stook.core.model;

/**
 * Everything filters and scorers read from a pod. Pods with equal signatures are interchangeable for
 * placement, so they share one filter pass per cycle (an equivalence class).
 */
public final class SchedulingSignature {
    private final Resources requests;
    private final PlacementConstraints constraints;
    private final int hash;

    public SchedulingSignature(Resources requests, PlacementConstraints constraints) {
        this.requests = requests;
        this.constraints = constraints;
        this.hash = 31 * requests.hashCode() + constraints.hashCode();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SchedulingSignature other && hash == other.hash
                && requests.equals(other.requests) && constraints.equals(other.constraints);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
