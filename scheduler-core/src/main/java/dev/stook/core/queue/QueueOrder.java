package dev.stook.core.queue;

import dev.stook.core.model.Resources;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The order of one cycle (hierarchical DRF): from the top, repeatedly go to the child queue that most
 * deserves the next unit, down to a leaf, and take that leaf's next unit by its policy. Children still
 * below their guarantee (for resources they want) come first, least-covered first; the rest by dominant
 * share of the cluster divided by weight. Each unit is offered once per cycle.
 *
 * @param <U> the engine's unit type
 */
public final class QueueOrder<U> {
    private final QueueConfig config;
    private final QueueView queues;
    private final Map<String, LeafCursor<U>> leaves = new HashMap<>();

    /** How the order sees a unit: its leaf's policy needs its owner and what it asks for. */
    public interface UnitView<U> {
        String owner(U unit);
    }

    /**
     * @param queues    the cycle's view of the queues; admissions are recorded in it
     * @param leafUnits units per leaf, already in the leaf policy's base order (priority or age)
     * @param ownerUsage what an owner holds in a leaf, for {@code fair} leaves
     */
    public QueueOrder(QueueView queues, Map<String, ? extends Collection<U>> leafUnits, OwnerUsage ownerUsage,
                      UnitView<U> view) {
        this.config = queues.config();
        this.queues = queues;
        leafUnits.forEach((leaf, units) -> {
            QueueDefinition queue = config.queue(leaf);
            if (queue != null && queue.isLeaf() && !units.isEmpty()) {
                leaves.put(leaf, new LeafCursor<>(leaf, queue.policy(), units, ownerUsage, queues.capacity(), view));
            }
        });
    }

    /** What an owner holds in a leaf queue. */
    @FunctionalInterface
    public interface OwnerUsage {
        Resources of(String leaf, String owner);
    }

    /** The next unit to try and its leaf, or null when every unit has been offered. */
    public Entry<U> next() {
        List<QueueDefinition> level = config.topLevel();
        while (true) {
            QueueDefinition best = null;
            for (QueueDefinition queue : level) {
                if (hasUnits(queue) && (best == null || deserves(queue, best))) {
                    best = queue;
                }
            }
            if (best == null) {
                return null;
            }
            if (best.isLeaf()) {
                LeafCursor<U> cursor = leaves.get(best.path());
                return new Entry<>(best.path(), cursor.take());
            }
            level = best.children();
        }
    }

    public record Entry<U>(String leaf, U unit) {}

    /** Records that a unit of the leaf was admitted, so later choices in this cycle see it. */
    public void admitted(String leaf, String owner, Resources requests) {
        queues.admitted(leaf, requests);
        LeafCursor<U> cursor = leaves.get(leaf);
        if (cursor != null) {
            cursor.admitted(owner, requests);
        }
    }

    private boolean hasUnits(QueueDefinition queue) {
        if (queue.isLeaf()) {
            LeafCursor<U> cursor = leaves.get(queue.path());
            return cursor != null && cursor.hasNext();
        }
        for (QueueDefinition child : queue.children()) {
            if (hasUnits(child)) {
                return true;
            }
        }
        return false;
    }

    private boolean deserves(QueueDefinition a, QueueDefinition b) {
        double coverA = guaranteeCover(a);
        double coverB = guaranteeCover(b);
        boolean belowA = coverA < 1;
        boolean belowB = coverB < 1;
        if (belowA != belowB) {
            return belowA;
        }
        if (belowA) {
            return coverA < coverB;
        }
        double shareA = queues.dominantShare(a.path()) / a.weight();
        double shareB = queues.dominantShare(b.path()) / b.weight();
        return shareA < shareB;
    }

    /**
     * How much of its guarantee the queue holds, over the resources its pending units want and it is
     * guaranteed: the smallest fraction, or 1 when no guarantee applies.
     */
    private double guaranteeCover(QueueDefinition queue) {
        Resources used = queues.allocated(queue.path());
        Resources asked = queues.pending(queue.path());
        double cover = 1;
        for (int slot = 0; slot < asked.width(); slot++) {
            long guaranteed = queue.guaranteed().get(slot);
            if (asked.get(slot) > 0 && guaranteed > 0) {
                cover = Math.min(cover, (double) used.get(slot) / guaranteed);
            }
        }
        return cover;
    }

    /** A leaf's units in policy order; {@code fair} leaves serve the owner holding least first. */
    private static final class LeafCursor<U> {
        private final QueuePolicy policy;
        private final Deque<U> inOrder;
        private final Map<String, Deque<U>> byOwner = new LinkedHashMap<>();
        private final Map<String, Resources> ownerHeld = new HashMap<>();
        private final Resources capacity;

        LeafCursor(String leaf, QueuePolicy policy, Collection<U> units, OwnerUsage ownerUsage, Resources capacity,
                   UnitView<U> view) {
            this.policy = policy;
            this.capacity = capacity;
            this.inOrder = new ArrayDeque<>(units);
            if (policy == QueuePolicy.FAIR) {
                for (U unit : units) {
                    String owner = view.owner(unit);
                    byOwner.computeIfAbsent(owner, o -> new ArrayDeque<>()).add(unit);
                    ownerHeld.computeIfAbsent(owner, o -> ownerUsage.of(leaf, o));
                }
            }
        }

        boolean hasNext() {
            return policy == QueuePolicy.FAIR ? !byOwner.isEmpty() : !inOrder.isEmpty();
        }

        U take() {
            if (policy != QueuePolicy.FAIR) {
                return inOrder.poll();
            }
            String neediest = null;
            double least = Double.MAX_VALUE;
            for (String owner : byOwner.keySet()) {
                double share = DominantShare.of(ownerHeld.get(owner), capacity);
                if (share < least) {
                    least = share;
                    neediest = owner;
                }
            }
            Deque<U> units = byOwner.get(neediest);
            U unit = units.poll();
            if (units.isEmpty()) {
                byOwner.remove(neediest);
            }
            return unit;
        }

        void admitted(String owner, Resources requests) {
            ownerHeld.computeIfPresent(owner, (o, held) -> held.plus(requests));
        }
    }
}
