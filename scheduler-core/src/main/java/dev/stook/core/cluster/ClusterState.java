package dev.stook.core.cluster;

import dev.stook.core.gang.GangId;
import dev.stook.core.locality.ChunkIndex;
import dev.stook.core.locality.ChunkSet;
import dev.stook.core.model.LabelSelector;
import dev.stook.core.model.Node;
import dev.stook.core.model.Pod;
import dev.stook.core.model.PodId;
import dev.stook.core.model.Resources;
import dev.stook.core.volume.Claim;
import dev.stook.core.volume.PersistentVolume;
import dev.stook.core.volume.Storage;
import dev.stook.core.volume.StorageClass;
import dev.stook.core.volume.VolumeNeeds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The scheduler's picture of the cluster: nodes and every pod holding resources on them, whether the
 * API server has confirmed the binding or the scheduler has only <em>assumed</em> it, and the cache chunks
 * each node holds ({@link ChunkIndex}). Watches feed it;
 * each cycle reads it through a {@link ClusterSnapshot}. Thread-safe; snapshots are incremental, copying
 * only nodes that changed since the previous one.
 */
public final class ClusterState {
    private final Map<String, NodeRecord> nodes = new LinkedHashMap<>();
    private final Map<PodId, Placement> pods = new HashMap<>();
    private final Map<String, Set<PodId>> podsByNode = new HashMap<>();
    /** The placed pods with pod affinity or anti-affinity of their own, kept so no snapshot has to look for them. */
    private final Map<PodId, Placement> placedWithAffinity = new LinkedHashMap<>();
    private List<Placement> placedWithAffinityCopy = List.of();
    private boolean placedWithAffinityChanged;
    private final Map<GangId, Integer> placedByGang = new HashMap<>();
    private final UsageIndex byQueue = new UsageIndex();
    private final UsageIndex nonPreemptibleByQueue = new UsageIndex();
    private final UsageIndex byQueueOwner = new UsageIndex();
    private final Map<String, TreeMap<Integer, Integer>> preemptiblePriorities = new HashMap<>();
    /** The nodes changed since the last snapshot, each listed once, so a snapshot finds them without names. */
    private final List<NodeRecord> changedSinceSnapshot = new ArrayList<>();
    private final ChunkIndex chunks;
    private long localityGeneration;
    private long topologyGeneration;
    private long capacityReleases;
    private Namespaces namespaces = Namespaces.NONE;
    private Workloads workloads = Workloads.NONE;
    private Storage storage = Storage.NONE;
    /** For assumed pods with claims waiting for a volume: the volumes chosen, null when none could be. */
    private final Map<PodId, List<VolumeNeeds.Choice>> volumeChoices = new HashMap<>();
    private ClusterSnapshot lastSnapshot;
    private long snapshots;

    /** A pod's place: on which node, and whether only the scheduler believes it is there yet. */
    public record Placement(Pod pod, String nodeName, boolean assumed) {}

    public ClusterState() {
        this(new ChunkIndex());
    }

    /** Where chunks are cached, reported and learned. */
    public ChunkIndex chunkIndex() {
        return chunks;
    }

    public ClusterState(ChunkIndex chunks) {
        this.chunks = chunks;
    }

    /** The node's cache agent reports the chunks it holds, replacing its last report. Unknown nodes are ignored. */
    public synchronized void reportCachedChunks(String nodeName, ChunkSet cached) {
        if (nodes.containsKey(nodeName)) {
            chunks.report(nodeName, cached);
        }
    }

    /** The pod ran to success on the node: the chunks it read are taken to be cached there. */
    public synchronized void podSucceeded(Pod pod, String nodeName) {
        if (nodes.containsKey(nodeName)) {
            chunks.learn(nodeName, pod.dataReads().chunks());
        }
    }

    /** Every chunk the node is known to hold as of the last snapshot. */
    public synchronized ChunkSet cachedChunks(String nodeName) {
        return chunks.chunksOn(nodeName);
    }

    public synchronized void upsertNode(Node node) {
        NodeRecord existing = nodes.get(node.name());
        if (existing != null && existing.node.equals(node)) {
            return;
        }
        if (existing == null) {
            NodeRecord record = new NodeRecord(node);
            for (PodId id : podsByNode.getOrDefault(node.name(), Set.of())) {
                record.add(pods.get(id).pod());
            }
            nodes.put(node.name(), record);
        } else {
            existing.node = node;
            existing.version = UsageVersions.next();
            markChanged(existing);
        }
        topologyChanged();
    }

    /**
     * The namespace's labels as they are now (empty once it is gone). A change may open nodes to pods whose
     * affinity terms choose namespaces by label, so it counts as a capacity release.
     */
    public synchronized void updateNamespaceLabels(String namespace, Map<String, String> labels) {
        Namespaces updated = namespaces.withLabels(namespace, labels);
        if (updated != namespaces) {
            namespaces = updated;
            capacityReleases++;
        }
    }

    /** A Service's selector as it is now; null once it is gone. Pods it selects spread by default from the next snapshot on. */
    public synchronized void updateService(String namespace, String name, LabelSelector selector) {
        workloads = workloads.withService(namespace, name, selector);
    }

    /**
     * A ReplicationController's, ReplicaSet's or StatefulSet's selector as it is now, the object named
     * {@code Kind/name}; null once it is gone. Pods it controls spread by default from the next snapshot on.
     */
    public synchronized void updateController(String namespace, String kindAndName, LabelSelector selector) {
        workloads = workloads.withController(namespace, kindAndName, selector);
    }

    /** A PersistentVolumeClaim as it is now; null once it is gone. A change may let waiting pods fit. */
    public synchronized void updateClaim(String namespace, String name, Claim claim) {
        storageChanged(storage.withClaim(namespace, name, claim));
    }

    /** A PersistentVolume as it is now; null once it is gone. */
    public synchronized void updateVolume(String name, PersistentVolume volume) {
        storageChanged(storage.withVolume(name, volume));
    }

    /** A StorageClass as it is now; null once it is gone. */
    public synchronized void updateStorageClass(String name, StorageClass storageClass) {
        storageChanged(storage.withClass(name, storageClass));
    }

    /** The attach limits of a node's CSI drivers (its CSINode); empty or null once there are none. */
    public synchronized void updateAttachLimits(String node, Map<String, Integer> limits) {
        storageChanged(storage.withAttachLimits(node, limits));
    }

    private void storageChanged(Storage updated) {
        if (updated != storage) {
            storage = updated;
            capacityReleases++;
        }
    }

    /** The claims, volumes and storage classes as they are now, with the volumes held for assumed pods. */
    public synchronized Storage storage() {
        return storage;
    }

    /**
     * The volumes chosen for the assumed pod's claims that wait for one (kube-scheduler's binding decisions):
     * empty when it has none, null when volumes were needed but none could be chosen as the pod was assumed.
     */
    public synchronized List<VolumeNeeds.Choice> volumeChoices(PodId id) {
        return volumeChoices.containsKey(id) ? volumeChoices.get(id) : List.of();
    }

    public synchronized void removeNode(String name) {
        if (nodes.remove(name) != null) {
            chunks.removeNode(name);
            topologyChanged();
        }
    }

    /** The API server reports the pod bound to a node: confirms an assumption or records a foreign pod. */
    public synchronized void podBound(Pod pod, String nodeName) {
        Placement current = pods.get(pod.id());
        if (current != null && current.nodeName().equals(nodeName) && current.pod().requests().equals(pod.requests())
                && Objects.equals(current.pod().gang(), pod.gang()) && Objects.equals(current.pod().queue(), pod.queue())
                && current.pod().preemptible() == pod.preemptible()
                && current.pod().labels().equals(pod.labels())) {
            if (current.assumed()) {
                pods.put(pod.id(), new Placement(pod, nodeName, false));
                releaseVolumes(pod.id());
            }
            return;
        }
        if (current != null) {
            release(current);
        }
        occupy(new Placement(pod, nodeName, false));
    }

    /** The scheduler decided to bind the pod: its resources count as used until confirmed or forgotten. */
    public synchronized void assume(Pod pod, String nodeName) {
        Placement current = pods.get(pod.id());
        if (current != null) {
            throw new IllegalStateException(pod.id() + " already holds a place on " + current.nodeName());
        }
        occupy(new Placement(pod, nodeName, true));
        NodeRecord record = nodes.get(nodeName);
        if (!pod.claims().isEmpty() && record != null) {
            chooseVolumes(pod, record.node.labels());
        }
    }

    /**
     * Chooses the volumes of the pod's waiting claims on its node, as the trial placement did (same storage,
     * same rule, pods assumed in the order they were placed), and holds them so no other pod takes them.
     */
    private void chooseVolumes(Pod pod, Map<String, String> nodeLabels) {
        VolumeNeeds needs = VolumeNeeds.of(pod.id().namespace(), pod.claims(), storage);
        if (!needs.bindsVolumes()) {
            return;
        }
        List<VolumeNeeds.Choice> choices = needs.choose(nodeLabels, storage, Map.of());
        volumeChoices.put(pod.id(), choices);
        if (choices != null) {
            for (VolumeNeeds.Choice choice : choices) {
                if (choice.volume() != null) {
                    storage = storage.reserving(choice.volume(), choice.claim().key());
                }
            }
        }
    }

    /** Whether another assumed pod (sharing the claim) has the volume chosen too. */
    private boolean stillChosen(String volume) {
        for (List<VolumeNeeds.Choice> choices : volumeChoices.values()) {
            if (choices != null && choices.stream().anyMatch(choice -> volume.equals(choice.volume()))) {
                return true;
            }
        }
        return false;
    }

    private void releaseVolumes(PodId id) {
        List<VolumeNeeds.Choice> choices = volumeChoices.remove(id);
        if (choices != null) {
            for (VolumeNeeds.Choice choice : choices) {
                if (choice.volume() != null && !stillChosen(choice.volume())) {
                    storage = storage.reserving(choice.volume(), null);
                }
            }
        }
    }

    /** Drops an assumption whose binding failed. A confirmed pod is left alone. */
    public synchronized boolean forget(PodId id) {
        Placement current = pods.get(id);
        if (current == null || !current.assumed()) {
            return false;
        }
        release(current);
        return true;
    }

    /** The pod is gone (deleted, finished): its resources are free again. */
    public synchronized void removePod(PodId id) {
        Placement current = pods.get(id);
        if (current != null) {
            release(current);
        }
    }

    public synchronized Optional<Placement> placementOf(PodId id) {
        return Optional.ofNullable(pods.get(id));
    }

    /** Every pod holding a place, confirmed or assumed. */
    public synchronized List<Placement> placements() {
        return List.copyOf(pods.values());
    }

    /** How many members of the gang hold places, confirmed or assumed. */
    public synchronized int placedMembers(GangId gang) {
        return placedByGang.getOrDefault(gang, 0);
    }

    /** What pods admitted to the leaf queue hold, confirmed or assumed. */
    public synchronized Resources queueUsage(String queue) {
        return byQueue.get(queue);
    }

    /** What the queue's non-preemptible pods hold: it must stay inside the queue's guarantee. */
    public synchronized Resources nonPreemptibleUsage(String queue) {
        return nonPreemptibleByQueue.get(queue);
    }

    /** What one owner (see {@link Pod#owner()}) holds in the leaf queue. */
    public synchronized Resources ownerUsage(String queue, String owner) {
        return byQueueOwner.get(ownerKey(queue, owner));
    }

    /** True when the queue holds a preemptible pod of lower priority than given. */
    public synchronized boolean hasPreemptibleBelow(String queue, int priority) {
        TreeMap<Integer, Integer> priorities = preemptiblePriorities.get(queue);
        return priorities != null && priorities.firstKey() < priority;
    }

    public synchronized int nodeCount() {
        return nodes.size();
    }

    public synchronized int placedPodCount() {
        return pods.size();
    }

    /**
     * Counts every event that can make an unschedulable pod schedulable: pods leaving, assumptions
     * forgotten, nodes added or changed. Pods that failed since the last change need not be tried again.
     */
    public synchronized long capacityReleases() {
        return capacityReleases;
    }

    /** Counts node additions, removals and spec changes. */
    public synchronized long topologyGeneration() {
        return topologyGeneration;
    }

    public synchronized ClusterSnapshot snapshot() {
        localityChanged(chunks.drainChanged());
        if (lastSnapshot != null && changedSinceSnapshot.isEmpty()
                && lastSnapshot.topologyGeneration() == topologyGeneration && lastSnapshot.namespaces() == namespaces
                && lastSnapshot.workloads() == workloads && lastSnapshot.storage() == storage) {
            return lastSnapshot;
        }
        boolean sameTopology = lastSnapshot != null && lastSnapshot.topologyGeneration() == topologyGeneration;
        NodeView[] views;
        long[] versions;
        Map<String, Integer> index;
        int[] changed = null;
        if (sameTopology) {
            views = lastSnapshot.viewsCopy();
            versions = lastSnapshot.usageVersionsCopy();
            index = lastSnapshot.indexByName();
            changed = new int[changedSinceSnapshot.size()];
            int c = 0;
            for (NodeRecord record : changedSinceSnapshot) {
                int i = record.snapshotIndex;
                views[i] = view(record);
                versions[i] = views[i].usageVersion();
                changed[c++] = i;
            }
        } else {
            views = new NodeView[nodes.size()];
            versions = new long[nodes.size()];
            index = new HashMap<>(nodes.size() * 2);
            int i = 0;
            for (NodeRecord record : nodes.values()) {
                String name = record.node.name();
                int previous = lastSnapshot == null ? -1 : lastSnapshot.indexOf(name);
                boolean reusable = previous >= 0 && !record.listedAsChanged;
                views[i] = reusable ? lastSnapshot.view(previous) : view(record);
                versions[i] = views[i].usageVersion();
                record.snapshotIndex = i;
                index.put(name, i++);
            }
            index = Map.copyOf(index);
        }
        for (NodeRecord record : changedSinceSnapshot) {
            record.listedAsChanged = false;
        }
        changedSinceSnapshot.clear();
        if (placedWithAffinityChanged) {
            placedWithAffinityCopy = List.copyOf(placedWithAffinity.values());
            placedWithAffinityChanged = false;
        }
        long previousSerial = changed == null ? -1 : lastSnapshot.serial();
        lastSnapshot = new ClusterSnapshot(views, versions, index, this, topologyGeneration, localityGeneration,
                namespaces, workloads, storage, lastSnapshot, ++snapshots, previousSerial, changed, placedWithAffinityCopy);
        return lastSnapshot;
    }

    /**
     * Nodes whose cached chunks changed get a new version, like a usage change, so results a placer
     * cached for them (locality scores) are recomputed while results for other nodes stay valid.
     */
    private void localityChanged(Set<String> changedNodes) {
        if (changedNodes.isEmpty()) {
            return;
        }
        localityGeneration++;
        for (String name : changedNodes) {
            NodeRecord record = nodes.get(name);
            if (record != null) {
                record.version = UsageVersions.next();
                markChanged(record);
            }
        }
    }

    private NodeView view(NodeRecord record) {
        return record.view(chunks.chunksOn(record.node.name()));
    }

    private void occupy(Placement placement) {
        pods.put(placement.pod().id(), placement);
        if (placement.pod().gang() != null) {
            placedByGang.merge(placement.pod().gang().id(), 1, Integer::sum);
        }
        account(placement.pod(), 1);
        if (!placement.pod().constraints().podAffinity().isEmpty()) {
            placedWithAffinity.put(placement.pod().id(), placement);
            placedWithAffinityChanged = true;
        }
        podsByNode.computeIfAbsent(placement.nodeName(), n -> new LinkedHashSet<>()).add(placement.pod().id());
        NodeRecord record = nodes.get(placement.nodeName());
        if (record != null) {
            record.add(placement.pod());
            markChanged(record);
        }
    }

    private void release(Placement placement) {
        pods.remove(placement.pod().id());
        releaseVolumes(placement.pod().id());
        if (placement.pod().gang() != null) {
            placedByGang.computeIfPresent(placement.pod().gang().id(), (gang, count) -> count > 1 ? count - 1 : null);
        }
        account(placement.pod(), -1);
        if (placedWithAffinity.remove(placement.pod().id()) != null) {
            placedWithAffinityChanged = true;
        }
        Set<PodId> onNode = podsByNode.get(placement.nodeName());
        if (onNode != null) {
            onNode.remove(placement.pod().id());
            if (onNode.isEmpty()) {
                podsByNode.remove(placement.nodeName());
            }
        }
        NodeRecord record = nodes.get(placement.nodeName());
        if (record != null) {
            record.remove(placement.pod());
            markChanged(record);
        }
        capacityReleases++;
    }

    private void account(Pod pod, int sign) {
        String queue = pod.queue();
        if (queue == null) {
            return;
        }
        byQueue.add(queue, pod.requests(), sign);
        byQueueOwner.add(ownerKey(queue, pod.owner()), pod.requests(), sign);
        if (!pod.preemptible()) {
            nonPreemptibleByQueue.add(queue, pod.requests(), sign);
            return;
        }
        TreeMap<Integer, Integer> priorities = preemptiblePriorities.computeIfAbsent(queue, q -> new TreeMap<>());
        priorities.merge(pod.priority(), sign, (count, change) -> count + change == 0 ? null : count + change);
        if (priorities.isEmpty()) {
            preemptiblePriorities.remove(queue);
        }
    }

    private static String ownerKey(String queue, String owner) {
        return queue + '\u0000' + owner;
    }

    private void topologyChanged() {
        topologyGeneration++;
        capacityReleases++;
    }

    private void markChanged(NodeRecord record) {
        if (!record.listedAsChanged) {
            record.listedAsChanged = true;
            changedSinceSnapshot.add(record);
        }
    }

    /** Mutable per-node accounting, guarded by the state's lock. */
    private static final class NodeRecord {
        Node node;
        long[] used = new long[0];
        /** Replaced, never modified, so that snapshots can share it. */
        List<Pod> pods = List.of();
        long version = UsageVersions.next();
        /** Its position in the last snapshot: valid while the topology is that snapshot's. */
        int snapshotIndex = -1;
        boolean listedAsChanged;

        NodeRecord(Node node) {
            this.node = node;
        }

        void add(Pod pod) {
            List<Pod> more = new ArrayList<>(pods.size() + 1);
            more.addAll(pods);
            more.add(pod);
            pods = Collections.unmodifiableList(more);
            adjust(pod, 1);
        }

        void remove(Pod pod) {
            List<Pod> fewer = new ArrayList<>(pods);
            fewer.removeIf(placed -> placed.id().equals(pod.id()));
            pods = Collections.unmodifiableList(fewer);
            adjust(pod, -1);
        }

        private void adjust(Pod pod, int sign) {
            int width = pod.requests().width();
            if (width > used.length) {
                used = Arrays.copyOf(used, width);
            }
            for (int slot = 0; slot < width; slot++) {
                used[slot] += sign * pod.requests().get(slot);
            }
            version = UsageVersions.next();
        }

        NodeView view(ChunkSet cached) {
            return new NodeView(node, used.clone(), pods, version, cached);
        }
    }
}
