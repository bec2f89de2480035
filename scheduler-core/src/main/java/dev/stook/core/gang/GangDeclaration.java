package dev.stook.core.gang;

import java.util.Objects;

/**
 * A gang as something outside the pod declares it: a PodGroup of Kubernetes, Volcano or scheduler-plugins, or the
 * pod's Job. The adapter finds it; {@link GangAnnotations} weighs it against Stook's own keys.
 *
 * @param minMembers    members needed before any is bound; 0 when the declaration does not say
 * @param timeoutMillis how long the gang may wait before it is reported; 0 when the declaration does not say
 * @param queue         the queue the declaration asks for, or null
 * @param source        where the gang comes from, for explanations: {@code Volcano PodGroup train}
 * @param awaiting      what the gang waits for before it can be tried (its declaring object does not exist yet),
 *                      or null
 */
public record GangDeclaration(String name, int minMembers, long timeoutMillis, String queue, String source,
                              String awaiting) {
    public GangDeclaration {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        if (minMembers < 0 || minMembers > GangMembership.MAX_MIN_MEMBERS) {
            throw new IllegalArgumentException(source + ": minimum " + minMembers + " is not between 1 and "
                    + GangMembership.MAX_MIN_MEMBERS);
        }
        if (timeoutMillis < 0) {
            throw new IllegalArgumentException(source + ": timeout must not be negative");
        }
    }

    /** A gang whose declaring object is found, with its size. */
    public static GangDeclaration found(String name, int minMembers, String source) {
        return new GangDeclaration(name, minMembers, 0, null, source, null);
    }

    /** A gang named by a pod whose declaring object does not exist (yet). */
    public static GangDeclaration missing(String name, String source, String awaiting) {
        return new GangDeclaration(name, 0, 0, null, source, Objects.requireNonNull(awaiting, "awaiting"));
    }

    public GangDeclaration withTimeoutMillis(long timeout) {
        return new GangDeclaration(name, minMembers, timeout, queue, source, awaiting);
    }

    public GangDeclaration withQueue(String requested) {
        return new GangDeclaration(name, minMembers, timeoutMillis, requested, source, awaiting);
    }
}
