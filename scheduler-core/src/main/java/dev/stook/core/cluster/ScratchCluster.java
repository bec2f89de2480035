package dev.stook.core.cluster;

import dev.stook.core.model.Pod;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A cycle's private, mutable copy of a {@link ClusterSnapshot}. Placements are recorded in an undo log
 * so a whole unit (a gang) can be tried and rolled back, like a database transaction. Node usage arrays
 * are copied only when first written.
 */
public final class ScratchCluster {
    private final ClusterSnapshot snapshot;
    private final NodeSlot[] slots;
    private final List<Placed> log = new ArrayList<>();
    private int[] reservedFor;
    private final Map<Integer, List<Integer>> reservedByUnit = new HashMap<>();
    private int actor;
    private long releases;
    private long changes;
    /** The node of every change, in order. */
    private int[] journal = new int[64];
    /** The pod placed or taken off in every change, null for reservations; and whether it was placed. */
    private Pod[] journalPods = new Pod[64];
    private boolean[] journalPlaced = new boolean[64];
    /** Label keys looked at by affinity terms of pods placed in this copy, beyond the snapshot's. */
    private Set<String> addedAffinityKeys = Set.of();
    private boolean placedPodWithAffinity;
    private boolean placedAffinityMayMatchUnlabelled;

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
        podChanged(nodeIndex, pod, true);
        if (!pod.constraints().podAffinity().isEmpty()) {
            placedPodWithAffinity = true;
            placedAffinityMayMatchUnlabelled |= pod.constraints().podAffinity().mayMatchUnlabelledPods();
            noteAffinityKeys(pod);
        }
    }

    /** False only when no pod holding a place here has pod affinity or anti-affinity. */
    public boolean mayHoldPodsWithAffinity() {
        return placedPodWithAffinity || !snapshot.podsWithAffinity().isEmpty();
    }

    /** Every change to the snapshot still in effect, in order: what to replay over the snapshot's pods. */
    public List<Placed> placements() {
        return Collections.unmodifiableList(log);
    }

    /**
     * The pod change made at the given position of {@link #changedNode}'s journal, or null when that change
     * was a reservation.
     */
    public Placed podChange(long change) {
        Pod pod = journalPods[(int) change];
        return pod == null ? null : new Placed(pod, journal[(int) change], journalPlaced[(int) change] ? 1 : -1);
    }

    /** Whether an affinity term of a pod holding a place here may match a pod carrying none of its label keys. */
    public boolean affinityMayMatchUnlabelledPods() {
        return placedAffinityMayMatchUnlabelled || snapshot.affinityMayMatchUnlabelledPods();
    }

    /** Every label key that affinity terms of pods holding a place in this copy may look at (a superset). */
    public Set<String> affinityLabelKeys() {
        return addedAffinityKeys.isEmpty() ? snapshot.affinityLabelKeys() : addedAffinityKeys;
    }

    private void noteAffinityKeys(Pod pod) {
        Set<String> keys = pod.constraints().podAffinity().selectorKeys();
        Set<String> known = affinityLabelKeys();
        if (!known.containsAll(keys)) {
            Set<String> more = new HashSet<>(known);
            more.addAll(keys);
            addedAffinityKeys = more;
        }
    }

    /** Takes a pod that holds a place off its node, as if it had gone: used to try out evictions. */
    public void remove(Pod pod, int nodeIndex) {
        slot(nodeIndex).add(pod, -1);
        log.add(new Placed(pod, nodeIndex, -1));
        releases++;
        podChanged(nodeIndex, pod, false);
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
            podChanged(placed.nodeIndex(), placed.pod(), placed.sign() < 0);
        }
    }

    /**
     * Holds the node for one unit (numbered from 1): no other unit's placement in this cycle may use it.
     * The first reservation of a node wins. Reservations only grow within a cycle (until their unit is
     * placed), so for a given unit a pod that fit nowhere still fits nowhere after one.
     */
    public void reserve(int nodeIndex, int unit) {
        if (reservedFor == null) {
            reservedFor = new int[slots.length];
        }
        if (reservedFor[nodeIndex] == 0) {
            reservedFor[nodeIndex] = unit;
            reservedByUnit.computeIfAbsent(unit, u -> new ArrayList<>()).add(nodeIndex);
            changed(nodeIndex);
        }
    }

    /** Lets go of what was held for the unit, once it has its places; counts as capacity freed. */
    public void releaseReservations(int unit) {
        List<Integer> nodes = reservedByUnit.remove(unit);
        if (nodes == null) {
            return;
        }
        for (int node : nodes) {
            reservedFor[node] = 0;
            releases++;
            changed(node);
        }
    }

    /**
     * Placements from now on are for this unit: nodes reserved for it are open to it. The nodes whose
     * openness flips are recorded as changed, so per-node caches look at them again.
     */
    public void actingFor(int unit) {
        if (unit == actor) {
            return;
        }
        for (int node : reservedByUnit.getOrDefault(actor, List.of())) {
            changed(node);
        }
        for (int node : reservedByUnit.getOrDefault(unit, List.of())) {
            changed(node);
        }
        actor = unit;
    }

    public int actor() {
        return actor;
    }

    /** Whether the node is held for a unit other than the one acting. */
    public boolean isReserved(int nodeIndex) {
        return reservedFor != null && reservedFor[nodeIndex] != 0 && reservedFor[nodeIndex] != actor;
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
            journalPods = Arrays.copyOf(journalPods, journal.length);
            journalPlaced = Arrays.copyOf(journalPlaced, journal.length);
        }
        journalPods[(int) changes] = null;
        journal[(int) changes++] = nodeIndex;
    }

    private void podChanged(int nodeIndex, Pod pod, boolean placed) {
        changed(nodeIndex);
        journalPods[(int) changes - 1] = pod;
        journalPlaced[(int) changes - 1] = placed;
    }

    /**
     * Counts placements undone. While it is unchanged, usage in this scratch copy has only grown, so a
     * pod that fit nowhere earlier in the cycle still fits nowhere.
     */
    public long releases() {
        return releases;
    }
}
