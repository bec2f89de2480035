package dev.stook.core.plugins;

import java.util.ArrayList;
import java.util.List;

/** The nodes whose answer a change to other pods may have moved: none, some, or every node. */
public final class Reach {
    public static final Reach NOWHERE = new Reach(false, List.of());
    public static final Reach EVERYWHERE = new Reach(true, List.of());

    private final boolean everywhere;
    private final List<int[]> nodeSets;

    private Reach(boolean everywhere, List<int[]> nodeSets) {
        this.everywhere = everywhere;
        this.nodeSets = nodeSets;
    }

    /** The given nodes (a shared array, not copied). */
    public static Reach nodes(int[] nodes) {
        return nodes.length == 0 ? NOWHERE : new Reach(false, List.of(nodes));
    }

    public boolean everywhere() {
        return everywhere;
    }

    public boolean nowhere() {
        return !everywhere && nodeSets.isEmpty();
    }

    /** The node sets reached, possibly overlapping; empty when {@link #everywhere}. */
    public List<int[]> nodeSets() {
        return nodeSets;
    }

    public Reach and(Reach other) {
        if (everywhere || other.nowhere()) {
            return this;
        }
        if (other.everywhere || nowhere()) {
            return other;
        }
        List<int[]> both = new ArrayList<>(nodeSets);
        both.addAll(other.nodeSets);
        return new Reach(false, both);
    }
}
