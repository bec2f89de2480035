package dev.stook.core.cycle;

import dev.stook.core.gang.GangTopology;
import dev.stook.core.model.Pod;

import java.util.List;
import java.util.Objects;

/**
 * What the cycle admits as a whole: the pending members of a gang, of which at least {@code minMember},
 * counting the {@code alreadyPlaced} ones, must find places before any is bound, kept to the gang's
 * {@code topology}. A lone pod is a unit of one with a minimum of one.
 */
public record SchedulingUnit(String name, List<Pod> pending, int minMember, int alreadyPlaced, GangTopology topology) {
    public SchedulingUnit {
        pending = List.copyOf(pending);
        Objects.requireNonNull(topology, "topology");
        if (pending.isEmpty()) {
            throw new IllegalArgumentException("unit " + name + " has no pending pods");
        }
        if (minMember < 1) {
            throw new IllegalArgumentException("unit " + name + ": minMember must be at least 1");
        }
    }

    /** A unit with no topology to keep to. */
    public SchedulingUnit(String name, List<Pod> pending, int minMember, int alreadyPlaced) {
        this(name, pending, minMember, alreadyPlaced, GangTopology.NONE);
    }

    public static SchedulingUnit single(Pod pod) {
        return new SchedulingUnit(pod.id().toString(), List.of(pod), 1, 0);
    }

    public boolean isGang() {
        return pending.size() + alreadyPlaced > 1 || minMember > 1;
    }
}
