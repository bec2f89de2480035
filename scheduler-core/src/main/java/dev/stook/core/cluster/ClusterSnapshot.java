package dev.stook.core.cluster;

import dev.stook.core.locality.ChunkHolders;
import dev.stook.core.locality.ChunkSet;
import dev.stook.core.model.Node;

import dev.stook.core.model.Pod;
import dev.stook.core.volume.Storage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An immutable view of the cluster for one scheduling cycle. Node indexes are stable for as long as
 * {@link #sameTopologyAs} holds, so per-node caches may be kept across cycles under it.
 */
public final class ClusterSnapshot {
    private static final int[] NO_NODES = new int[0];
    private final NodeView[] nodes;
    /** Each node's usage version, dense so that checking many nodes for changes stays in cache. */
    private final long[] usageVersions;
    private final Map<String, Integer> indexByName;
    private final Object source;
    private final long topologyGeneration;
    private final long localityGeneration;
    private final Namespaces namespaces;
    private final Workloads workloads;
    private final Storage storage;
    /** The latest chunk holders of an earlier snapshot with the same nodes, to update rather than rebuild. */
    private final ChunkHolders earlierChunkHolders;
    private volatile ChunkHolders chunkHolders;
    private final long serial;
    private final long previousSerial;
    /** Indexes of the nodes that differ from the previous snapshot of the same topology, or null. */
    private final int[] changedSincePrevious;
    /** Shared by the snapshots of one topology, as node labels are the same in all of them. */
    private final Map<String, TopologyDomains> domainsByKey;
    private final List<ClusterState.Placement> placedWithAffinity;
    private volatile List<PodOnNode> podsWithAffinity;
    private volatile Set<String> affinityLabelKeys;
    private volatile Boolean affinityMayMatchUnlabelled;
    private volatile PodLabelIndex podLabelIndex;

    /** @param previous the state's snapshot before this one, or null */
    ClusterSnapshot(NodeView[] nodes, long[] usageVersions, Map<String, Integer> indexByName, Object source,
                    long topologyGeneration, long localityGeneration, Namespaces namespaces, Workloads workloads,
                    Storage storage, ClusterSnapshot previous, long serial, long previousSerial, int[] changedSincePrevious,
                    List<ClusterState.Placement> placedWithAffinity) {
        this.nodes = nodes;
        this.usageVersions = usageVersions;
        this.indexByName = indexByName;
        this.source = source;
        this.topologyGeneration = topologyGeneration;
        this.localityGeneration = localityGeneration;
        this.namespaces = namespaces;
        this.workloads = workloads;
        this.storage = storage;
        this.earlierChunkHolders = sameTopologyAs(previous) ? previous.latestChunkHolders() : null;
        this.serial = serial;
        this.previousSerial = previousSerial;
        this.changedSincePrevious = changedSincePrevious;
        this.domainsByKey = sameTopologyAs(previous) ? previous.domainsByKey : new ConcurrentHashMap<>();
        this.placedWithAffinity = placedWithAffinity;
        if (sameTopologyAs(previous) && previous.placedWithAffinity == placedWithAffinity) {
            this.podsWithAffinity = previous.podsWithAffinity;
            this.affinityLabelKeys = previous.affinityLabelKeys;
            this.affinityMayMatchUnlabelled = previous.affinityMayMatchUnlabelled;
        }
    }

    public int size() {
        return nodes.length;
    }

    public Node node(int index) {
        return nodes[index].node();
    }

    /** The node's index, or -1 when the snapshot has no such node. */
    public int indexOf(String nodeName) {
        Integer index = indexByName.get(nodeName);
        return index == null ? -1 : index;
    }

    public long used(int index, int slot) {
        long[] used = nodes[index].used();
        return slot < used.length ? used[slot] : 0;
    }

    /** The chunks the node holds, reported or learned. */
    public ChunkSet cachedChunks(int index) {
        return nodes[index].cachedChunks();
    }

    /** Which nodes cache which chunks: the inverted index of {@link #cachedChunks}, built on first use. */
    public ChunkHolders chunkHolders() {
        ChunkHolders holders = chunkHolders;
        if (holders == null) {
            ChunkSet[] cached = new ChunkSet[nodes.length];
            for (int i = 0; i < cached.length; i++) {
                cached[i] = nodes[i].cachedChunks();
            }
            holders = earlierChunkHolders == null ? ChunkHolders.of(cached) : earlierChunkHolders.updatedTo(cached);
            chunkHolders = holders;
        }
        return holders;
    }

    /** The nodes grouped by their value of the label, built on first use for the topology. */
    public TopologyDomains domains(String topologyKey) {
        return domainsByKey.computeIfAbsent(topologyKey, key -> TopologyDomains.of(this, key));
    }

    /** The pods holding a place whose own pod affinity or anti-affinity may keep other pods away or draw them. */
    public List<PodOnNode> podsWithAffinity() {
        List<PodOnNode> found = podsWithAffinity;
        if (found == null) {
            found = new ArrayList<>(placedWithAffinity.size());
            for (ClusterState.Placement placement : placedWithAffinity) {
                int node = indexOf(placement.nodeName());
                if (node >= 0) {
                    found.add(new PodOnNode(placement.pod(), node));
                }
            }
            found = List.copyOf(found);
            podsWithAffinity = found;
        }
        return found;
    }

    /** Every label key the affinity terms of {@link #podsWithAffinity} look at. */
    public Set<String> affinityLabelKeys() {
        Set<String> keys = affinityLabelKeys;
        if (keys == null) {
            Set<String> found = new HashSet<>();
            podsWithAffinity().forEach(placed -> found.addAll(placed.pod().constraints().podAffinity().selectorKeys()));
            keys = Set.copyOf(found);
            affinityLabelKeys = keys;
        }
        return keys;
    }

    /** Whether an affinity term of {@link #podsWithAffinity} may match a pod carrying none of its label keys. */
    public boolean affinityMayMatchUnlabelledPods() {
        Boolean may = affinityMayMatchUnlabelled;
        if (may == null) {
            may = podsWithAffinity().stream()
                    .anyMatch(placed -> placed.pod().constraints().podAffinity().mayMatchUnlabelledPods());
            affinityMayMatchUnlabelled = may;
        }
        return may;
    }

    /** The pods by label, built on first use. */
    public PodLabelIndex podLabelIndex() {
        PodLabelIndex index = podLabelIndex;
        if (index == null) {
            index = PodLabelIndex.of(this);
            podLabelIndex = index;
        }
        return index;
    }

    /** The pods holding a place on the node. */
    public List<Pod> pods(int index) {
        return nodes[index].pods();
    }

    /** Counts changes of any node's cached chunks in the cluster state the snapshot came from. */
    public long localityGeneration() {
        return localityGeneration;
    }

    /** Equal versions of a node mean equal usage and equal cached chunks (see {@link NodeSlot#usageVersion()}). */
    public long usageVersion(int index) {
        return usageVersions[index];
    }

    public int podCount(int index) {
        return nodes[index].podCount();
    }

    /** Counts node additions, removals and spec changes in the cluster state the snapshot came from. */
    public long topologyGeneration() {
        return topologyGeneration;
    }

    /** The namespaces' labels as the snapshot was taken. */
    public Namespaces namespaces() {
        return namespaces;
    }

    /** The objects grouping pods for default spread constraints, as the snapshot was taken. */
    public Workloads workloads() {
        return workloads;
    }

    /**
     * The claims, volumes and storage classes as the snapshot was taken. Filters reading them also read other
     * pods (the volumes pods placed in a scratch copy take), so they are prepared afresh for every scratch copy.
     */
    public Storage storage() {
        return storage;
    }

    /**
     * True when both snapshots have the same nodes, index for index, and the same namespace labels: what pods'
     * rules read besides other pods, usage and {@link #workloads} is the same in both. (What the workloads
     * decide for a pod, its default spread selector, is part of its equivalence class instead: they change
     * with every ReplicaSet a rollout makes, too often to start all classes afresh.)
     */
    public boolean sameRulesInputsAs(ClusterSnapshot other) {
        return sameTopologyAs(other) && namespaces == other.namespaces;
    }

    /** True when both snapshots come from the same cluster state with the same nodes, index for index. */
    public boolean sameTopologyAs(ClusterSnapshot other) {
        return other != null && source == other.source && topologyGeneration == other.topologyGeneration;
    }

    /**
     * Indexes of the nodes whose usage or cached chunks differ from the earlier snapshot: none when it is
     * this one; null when unknown (it is not this snapshot's immediate predecessor of the same topology).
     * Lets per-node caches follow a new snapshot by looking at the changed nodes only.
     */
    public int[] changedSince(ClusterSnapshot earlier) {
        if (earlier == this) {
            return NO_NODES;
        }
        return sameTopologyAs(earlier) && earlier.serial == previousSerial ? changedSincePrevious : null;
    }

    long serial() {
        return serial;
    }

    /** Shared with later snapshots of the same topology; never modified. */
    Map<String, Integer> indexByName() {
        return indexByName;
    }

    private ChunkHolders latestChunkHolders() {
        ChunkHolders holders = chunkHolders;
        return holders != null ? holders : earlierChunkHolders;
    }

    NodeView view(int index) {
        return nodes[index];
    }

    /** A copy of the usage versions, for a later snapshot of the same topology to update. */
    long[] usageVersionsCopy() {
        return usageVersions.clone();
    }

    /** A copy of the node views, for a later snapshot of the same topology to update. */
    NodeView[] viewsCopy() {
        return nodes.clone();
    }
}
