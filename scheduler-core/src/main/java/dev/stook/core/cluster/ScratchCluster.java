package dev.stook.core.cluster;

import dev.stook.core.model.Pod;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * A cycle's private, mutable copy of a {@link ClusterSnapshot}. Placements are recorded in an undo log
 * so a whole unit (a gang) can be tried and rolled back, like a database transaction. Node usage arrays
 * are copied only when first written.
 */
public final class ScratchCluster {
    private final ClusterSnapshot snapshot;
    private final NodeSlot[] slots;
    private final List<Placed> log = new ArrayList<>();
    private final BitSet reserved = new BitSet();
    private long releases;
    private long changes;
    /** The node of every change, in order. */
    private int[] journal = new int[64];

    /** One change: a pod added to ({@code sign} 1) or taken off ({@code sign} -1) a node. */
    public record Placed(Pod pod, int nodeIndex, int sign) {}

    public ScratchCluster(ClusterSnapshot snapshot) {
        this.snapshot = snapshot;
        this.slots = new NodeSlot[snapshot.size()];
    }

    public ClusterSnapshot snapshot() {
        return snapshot;
    }

    public int size() {
        return slots.length;
    }

    public NodeSlot slot(int index) {
        NodeSlot slot = slots[index];
        if (slot == null) {
            slot = new NodeSlot(index, snapshot.view(index));
            slots[index] = slot;
        }
        return slot;
    }

    /** The node's usage version, without materialising its slot when the cycle has not touched it. */
    public long usageVersion(int index) {
        NodeSlot slot = slots[index];
        return slot != null ? slot.usageVersion() : snapshot.usageVersion(index);
    }

    public void place(Pod pod, int nodeIndex) {
        slot(nodeIndex).add(pod, 1);
        log.add(new Placed(pod, nodeIndex, 1));
        changed(nodeIndex);
    }

    /** Takes a pod that holds a place off its node, as if it had gone: used to try out evictions. */
    public void remove(Pod pod, int nodeIndex) {
        slot(nodeIndex).add(pod, -1);
        log.add(new Placed(pod, nodeIndex, -1));
        releases++;
        changed(nodeIndex);
    }

    /** A position in the undo log to roll back to. */
    public int mark() {
        return log.size();
    }

    /** Pods placed since the mark, oldest first. */
    public List<Placed> placedSince(int mark) {
        return log.subList(mark, log.size()).stream().filter(p -> p.sign() > 0).toList();
    }

    /** Undoes every change made since the mark. */
    public void rollbackTo(int mark) {
        for (int i = log.size() - 1; i >= mark; i--) {
            Placed placed = log.remove(i);
            slots[placed.nodeIndex()].add(placed.pod(), -placed.sign());
            if (placed.sign() > 0) {
                releases++;
            }
            changed(placed.nodeIndex());
        }
    }

    /**
     * Holds the node for a unit that has waited too long: no later placement in this cycle may use it.
     * Reservations only grow within a cycle, so a pod that fit nowhere still fits nowhere after one.
     */
    public void reserve(int nodeIndex) {
        if (!reserved.get(nodeIndex)) {
            reserved.set(nodeIndex);
            changed(nodeIndex);
        }
    }

    public boolean isReserved(int nodeIndex) {
        return reserved.get(nodeIndex);
    }

    /** Counts every placement, rollback and reservation: while unchanged, results computed here still hold. */
    public long changes() {
        return changes;
    }

    /**
     * The node of the given change, in the order changes were made ({@code 0 <= change < changes()}): a
     * cache of per-node results that saw the first n changes needs to look only at the nodes of the rest.
     */
    public int changedNode(long change) {
        return journal[(int) change];
    }

    private void changed(int nodeIndex) {
        if (changes == journal.length) {
            journal = Arrays.copyOf(journal, journal.length * 2);
        }
        journal[(int) changes++] = nodeIndex;
    }

    /**
     * Counts placements undone. While it is unchanged, usage in this scratch copy has only grown, so a
     * pod that fit nowhere earlier in the cycle still fits nowhere.
     */
    public long releases() {
        return releases;
    }
}
