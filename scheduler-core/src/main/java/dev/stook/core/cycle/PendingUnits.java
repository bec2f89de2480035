package dev.stook.core.cycle;

import dev.stook.core.cluster.ClusterState;
import dev.stook.core.gang.GangMembership;
import dev.stook.core.model.Pod;
import dev.stook.core.model.PodId;
import dev.stook.core.model.Resources;
import dev.stook.core.queue.AdmissibleDemand;
import dev.stook.core.queue.QueueConfig;
import dev.stook.core.queue.QueuePolicy;
import dev.stook.core.queue.QueueResolver;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The engine's pending units, each filed under its leaf queue in the leaf policy's order (or among the
 * units without a queue, with the reason), with what each leaf's units ask for kept up to date.
 */
final class PendingUnits {
    private final Map<String, PendingUnit> byName = new HashMap<>();
    /** The gangs among {@link #byName}, so per-cycle gang checks do not walk every lone pod. */
    private final Set<PendingUnit> gangs = new HashSet<>();
    private final Map<PodId, PendingUnit> byPod = new HashMap<>();
    private final Map<String, TreeSet<PendingUnit>> byLeaf = new HashMap<>();
    private final Map<String, Resources> pendingByLeaf = new HashMap<>();
    private final Map<String, Resources> pendingNonPreemptibleByLeaf = new HashMap<>();
    private final Set<PendingUnit> withoutQueue = new LinkedHashSet<>();
    private final Map<String, Map<String, String>> namespaceLabels = new HashMap<>();
    private QueueConfig queues = QueueConfig.singleDefaultQueue();
    private QueueResolver resolver = new QueueResolver(queues, this::labelsOf);
    private long nextSequence;

    /** Files every unit again under the new queue tree. */
    void useQueues(QueueConfig config) {
        queues = config;
        resolver = new QueueResolver(config, this::labelsOf);
        for (PendingUnit unit : List.copyOf(byName.values())) {
            unfile(unit);
            file(unit);
        }
    }

    /** Records a namespace's labels (empty: none, or gone) and files its units again: access may have changed. */
    void useNamespaceLabels(String namespace, Map<String, String> labels) {
        if (labels.isEmpty()) {
            namespaceLabels.remove(namespace);
        } else {
            namespaceLabels.put(namespace, Map.copyOf(labels));
        }
        for (PendingUnit unit : List.copyOf(byName.values())) {
            if (unit.members().iterator().next().id().namespace().equals(namespace)) {
                unfile(unit);
                file(unit);
            }
        }
    }

    private Map<String, String> labelsOf(String namespace) {
        return namespaceLabels.getOrDefault(namespace, Map.of());
    }

    QueueConfig queues() {
        return queues;
    }

    QueueResolver resolver() {
        return resolver;
    }

    /** Adds the pod to its unit (its gang's when gangs are admitted whole), making the unit if it is new. */
    void add(Pod pod, boolean asGang, long nowMillis) {
        String name = asGang ? pod.gang().id().toString() : pod.id().toString();
        PendingUnit unit = byName.get(name);
        if (unit == null) {
            unit = new PendingUnit(name, asGang ? pod.gang().id() : null, nowMillis, nextSequence++);
            byName.put(name, unit);
            if (asGang) {
                gangs.add(unit);
            }
        } else {
            unfile(unit);
        }
        unit.add(pod, nowMillis);
        byPod.put(pod.id(), unit);
        file(unit);
    }

    /** Takes the pod out of its unit. False if it was not pending. */
    boolean remove(PodId id) {
        PendingUnit unit = byPod.remove(id);
        if (unit == null) {
            return false;
        }
        unfile(unit);
        unit.remove(id);
        refileOrForget(unit);
        return true;
    }

    /** Takes the unit's bound pods out of it. */
    void placed(PendingUnit unit, List<Decision.Bind> binds) {
        if (binds.isEmpty()) {
            return;
        }
        unfile(unit);
        for (Decision.Bind bind : binds) {
            byPod.remove(bind.pod().id());
            unit.remove(bind.pod().id());
        }
        refileOrForget(unit);
    }

    PendingUnit unitOf(PodId id) {
        return byPod.get(id);
    }

    Collection<PendingUnit> all() {
        return byName.values();
    }

    Collection<PendingUnit> withoutQueue() {
        return withoutQueue;
    }

    /** Gangs admitted before but left with fewer than their minimum placed, oldest first. */
    List<PendingUnit> partlyPlacedGangs(ClusterState cluster) {
        return gangs.stream().filter(unit -> unit.queue() != null && unit.isPartlyPlaced(cluster))
                .sorted(Comparator.comparingLong(PendingUnit::sequence)).toList();
    }

    /** Units per leaf queue, each leaf's in its policy's order. */
    Map<String, TreeSet<PendingUnit>> byLeaf() {
        return byLeaf;
    }

    /** The leaf's units in its policy's order; empty for a leaf with none. */
    Set<PendingUnit> inLeaf(String leaf) {
        TreeSet<PendingUnit> units = byLeaf.get(leaf);
        return units == null ? Set.of() : units;
    }

    int podCount() {
        return byPod.size();
    }

    Map<String, Integer> podCountByLeaf() {
        Map<String, Integer> counts = new HashMap<>();
        byLeaf.forEach((leaf, units) -> counts.put(leaf, units.stream().mapToInt(u -> u.members().size()).sum()));
        return counts;
    }

    /** The gangs with members still pending, one membership (id and minimum) per gang. */
    List<GangMembership> gangMemberships() {
        return gangs.stream().map(unit -> unit.members().iterator().next().gang()).toList();
    }

    /** What each leaf's pending units ask for that could be admitted (see {@link AdmissibleDemand}). */
    Map<String, Resources> admissibleByLeaf(ClusterState cluster) {
        Map<String, Resources> admissible = new HashMap<>();
        pendingByLeaf.forEach((leaf, pending) -> admissible.put(leaf, AdmissibleDemand.of(pending,
                pendingNonPreemptibleByLeaf.getOrDefault(leaf, Resources.NONE), cluster.nonPreemptibleUsage(leaf),
                queues.guaranteeOf(leaf))));
        return admissible;
    }

    private void refileOrForget(PendingUnit unit) {
        if (unit.isEmpty()) {
            byName.remove(unit.name());
            gangs.remove(unit);
        } else {
            file(unit);
        }
    }

    private void file(PendingUnit unit) {
        try {
            Pod probe = unit.members().iterator().next().inQueue(unit.namedQueue());
            QueueResolver.Resolution resolution = resolver.resolve(probe);
            unit.fileUnder(resolution.queue(), resolution.problem());
        } catch (IllegalArgumentException e) {
            unit.fileUnder(null, e.getMessage());
        }
        String leaf = unit.queue();
        if (leaf == null) {
            withoutQueue.add(unit);
            return;
        }
        byLeaf.computeIfAbsent(leaf, key -> new TreeSet<>(orderFor(queues.queue(key).policy()))).add(unit);
        pendingByLeaf.merge(leaf, unit.requests(), Resources::plus);
        pendingNonPreemptibleByLeaf.merge(leaf, unit.nonPreemptibleRequests(), Resources::plus);
    }

    private void unfile(PendingUnit unit) {
        String leaf = unit.queue();
        if (leaf == null) {
            withoutQueue.remove(unit);
            return;
        }
        TreeSet<PendingUnit> units = byLeaf.get(leaf);
        units.remove(unit);
        if (units.isEmpty()) {
            byLeaf.remove(leaf);
            pendingByLeaf.remove(leaf);
            pendingNonPreemptibleByLeaf.remove(leaf);
        } else {
            pendingByLeaf.computeIfPresent(leaf, (key, sum) -> sum.minusFloored(unit.requests()));
            pendingNonPreemptibleByLeaf.computeIfPresent(leaf,
                    (key, sum) -> sum.minusFloored(unit.nonPreemptibleRequests()));
        }
    }

    private static Comparator<PendingUnit> orderFor(QueuePolicy policy) {
        Comparator<PendingUnit> byAge = Comparator.comparingLong(PendingUnit::createdAtMillis)
                .thenComparingLong(PendingUnit::sequence);
        return policy == QueuePolicy.PRIORITY
                ? Comparator.comparingInt((PendingUnit u) -> -u.priority()).thenComparing(byAge)
                : byAge;
    }
}
