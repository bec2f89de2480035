package dev.stook.core.cluster;

import dev.stook.core.locality.ChunkSet;
import dev.stook.core.model.Node;
import dev.stook.core.model.Pod;
import dev.stook.core.model.Resources;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One node inside a {@link ScratchCluster}: its spec and what is in use on it right now in this cycle,
 * including trial placements. This is what filters and scorers look at.
 */
public final class NodeSlot {
    private final int index;
    private final Node node;
    /** The node's, held here too: filters and scorers read it for every node they judge. */
    private final Resources allocatable;
    private final ChunkSet cachedChunks;
    private long[] used;
    private boolean ownsUsed;
    private int podCount;
    private List<Pod> pods;
    private boolean ownsPods;
    private long usageVersion;

    NodeSlot(int index, NodeView view) {
        this.index = index;
        this.node = view.node();
        this.allocatable = node.allocatable();
        this.cachedChunks = view.cachedChunks();
        this.used = view.used();
        this.podCount = view.podCount();
        this.pods = view.pods();
        this.usageVersion = view.usageVersion();
    }

    public int index() {
        return index;
    }

    public Node node() {
        return node;
    }

    /** The cache chunks the node holds. */
    public ChunkSet cachedChunks() {
        return cachedChunks;
    }

    public long used(int slot) {
        return slot < used.length ? used[slot] : 0;
    }

    public long allocatable(int slot) {
        return allocatable.get(slot);
    }

    /** What is left of a resource; negative if the node is already over-committed by others. */
    public long free(int slot) {
        return allocatable(slot) - used(slot);
    }

    public int podCount() {
        return podCount;
    }

    /** The pods holding a place here, trial placements of this cycle included. */
    public List<Pod> pods() {
        return ownsPods ? Collections.unmodifiableList(pods) : pods;
    }

    /**
     * Changes whenever what is in use here, or the set of chunks cached here, changes; equal versions
     * mean equal usage and equal cached chunks.
     */
    public long usageVersion() {
        return usageVersion;
    }

    void add(Pod pod, int sign) {
        Resources requests = pod.requests();
        if (!ownsUsed || requests.width() > used.length) {
            used = Arrays.copyOf(used, Math.max(used.length, requests.width()));
            ownsUsed = true;
        }
        for (int slot = 0; slot < requests.width(); slot++) {
            used[slot] += sign * requests.get(slot);
        }
        podCount += sign;
        track(pod, sign);
        usageVersion = UsageVersions.next();
    }

    private void track(Pod pod, int sign) {
        if (!ownsPods) {
            List<Pod> own = new ArrayList<>(pods.size() + 4);
            own.addAll(pods);
            pods = own;
            ownsPods = true;
        }
        if (sign > 0) {
            pods.add(pod);
        } else {
            pods.removeIf(placed -> placed.id().equals(pod.id()));
        }
    }
}
