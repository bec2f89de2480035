package dev.stook.core.gang;

import java.util.Objects;

/**
 * A pod's membership of a gang: which gang, how many members must have places before any is bound
 * ({@code 0} when the pod does not say, and the gang's size counts), how long the gang may wait
 * before it is reported as stuck, where its members should sit relative to each other, where the gang was
 * declared ({@code source}, named in explanations) and what it still waits for before it can be tried
 * ({@code awaiting}, null when nothing: see {@link GangDeclaration#awaiting()}).
 */
public record GangMembership(GangId id, int minMembers, long timeoutMillis, GangTopology topology, String source,
                             String awaiting) {
    public static final long DEFAULT_TIMEOUT_MILLIS = 300_000;
    public static final int MAX_MIN_MEMBERS = 10_000;
    /** The source of a gang named by Stook's own key. */
    public static final String STOOK_SOURCE = GangAnnotations.GANG;

    public GangMembership {
        if (minMembers < 0 || minMembers > MAX_MIN_MEMBERS) {
            throw new IllegalArgumentException("gang minimum must be between 1 and " + MAX_MIN_MEMBERS);
        }
        if (timeoutMillis <= 0) {
            throw new IllegalArgumentException("gang timeout must be positive");
        }
        Objects.requireNonNull(topology, "topology");
        Objects.requireNonNull(source, "source");
    }

    /** A membership named by Stook's own key. */
    public GangMembership(GangId id, int minMembers, long timeoutMillis, GangTopology topology) {
        this(id, minMembers, timeoutMillis, topology, STOOK_SOURCE, null);
    }

    /** A membership named by Stook's own key, with no topology to keep to. */
    public GangMembership(GangId id, int minMembers, long timeoutMillis) {
        this(id, minMembers, timeoutMillis, GangTopology.NONE);
    }

    public boolean declaresMinimum() {
        return minMembers > 0;
    }
}
