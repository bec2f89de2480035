package dev.stook.core.gang;

import java.util.Objects;

/**
 * A pod's membership of a gang: which gang, how many members must have places before any is bound
 * ({@code 0} when the pod does not say, and the gang's size counts), how long the gang may wait
 * before it is reported as stuck, and where its members should sit relative to each other.
 */
public record GangMembership(GangId id, int minMembers, long timeoutMillis, GangTopology topology) {
    public static final long DEFAULT_TIMEOUT_MILLIS = 300_000;
    public static final int MAX_MIN_MEMBERS = 10_000;

    public GangMembership {
        if (minMembers < 0 || minMembers > MAX_MIN_MEMBERS) {
            throw new IllegalArgumentException("gang minimum must be between 1 and " + MAX_MIN_MEMBERS);
        }
        if (timeoutMillis <= 0) {
            throw new IllegalArgumentException("gang timeout must be positive");
        }
        Objects.requireNonNull(topology, "topology");
    }

    /** A membership with no topology to keep to. */
    public GangMembership(GangId id, int minMembers, long timeoutMillis) {
        this(id, minMembers, timeoutMillis, GangTopology.NONE);
    }

    public boolean declaresMinimum() {
        return minMembers > 0;
    }
}
