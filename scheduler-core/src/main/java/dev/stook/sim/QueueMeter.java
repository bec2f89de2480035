package dev.stook.sim;

import dev.stook.core.model.Pod;
import dev.stook.core.model.PodId;
import dev.stook.core.model.Resources;
import dev.stook.core.queue.DominantShare;
import dev.stook.core.queue.QueueConfig;
import dev.stook.core.queue.QueueDefinition;
import dev.stook.core.queue.QueueLimits;
import dev.stook.core.queue.NamespaceLabels;
import dev.stook.core.queue.QueueResolver;
import dev.stook.core.queue.QueueView;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures every queue of the scenario's queue tree through a run, whatever queue config the engine runs
 * with, so a baseline is judged against the same fair shares as Stook. Pods are counted in the leaf the
 * scenario's config resolves them to. All changes happen at ticks, so each tick's state holds until the
 * next and the time averages are exact. See {@link QueueOutcome} for what is measured.
 */
final class QueueMeter {
    private final QueueConfig reference;
    private final QueueResolver resolver;
    private final Resources capacity;
    private final boolean gangAdmission;
    private final Map<String, Stats> stats = new LinkedHashMap<>();
    private final Map<PodId, String> leafOf = new HashMap<>();
    private final Map<String, Resources> usage = new HashMap<>();
    private final Map<String, Resources> pending = new HashMap<>();
    /** Pending requests of each schedulable unit (gang or lone pod); with their shapes counted per leaf. */
    private final Map<String, Resources> pendingUnits = new HashMap<>();
    private final Map<String, Map<Resources, Integer>> pendingShapes = new HashMap<>();
    private long sampledAtMillis;

    private static final class Stats {
        final QueueDefinition queue;
        long backloggedMillis;
        double shareTime;
        double fairTime;
        double deviationTime;
        boolean backlogged;
        double share;
        double fair;
        long owedSinceMillis = -1;
        final List<Long> reclaims = new ArrayList<>();
        int evictions;
        int nonPreemptibleEvictions;

        Stats(QueueDefinition queue) {
            this.queue = queue;
        }
    }

    QueueMeter(QueueConfig reference, Resources capacity, boolean gangAdmission) {
        this.reference = reference;
        // Simulated namespaces carry no labels: only name patterns admit submitters.
        this.resolver = new QueueResolver(reference, NamespaceLabels.NONE);
        this.capacity = capacity;
        this.gangAdmission = gangAdmission;
        for (QueueDefinition queue : reference.all()) {
            stats.put(queue.path(), new Stats(queue));
        }
    }

    void submitted(Pod pod) {
        QueueResolver.Resolution resolution = resolver.resolve(pod);
        if (resolution.resolved()) {
            leafOf.put(pod.id(), resolution.queue());
            changePending(pod, resolution.queue(), +1);
        }
    }

    void bound(Pod pod) {
        String leaf = leafOf.get(pod.id());
        if (leaf != null) {
            changePending(pod, leaf, -1);
            usage.merge(leaf, pod.requests(), Resources::plus);
        }
    }

    void gone(Pod pod) {
        String leaf = leafOf.remove(pod.id());
        if (leaf != null) {
            usage.computeIfPresent(leaf, (key, held) -> held.minusFloored(pod.requests()));
        }
    }

    void evicted(Pod pod) {
        for (String path = leafOf.get(pod.id()); path != null; path = QueueConfig.parentOf(path)) {
            Stats queue = stats.get(path);
            queue.evictions++;
            if (!pod.preemptible()) {
                queue.nonPreemptibleEvictions++;
            }
        }
    }

    /** Before a tick's cycle: leaves that became owed start an owed spell. */
    void beforeCycle(long nowMillis) {
        for (Stats queue : stats.values()) {
            if (queue.queue.isLeaf() && queue.owedSinceMillis < 0 && owed(queue.queue)) {
                queue.owedSinceMillis = nowMillis;
            }
        }
    }

    /** After a tick: the state so far is accounted up to now, and the state now is sampled. */
    void afterTick(long nowMillis) {
        accountUntil(nowMillis);
        QueueView view = new QueueView(reference, capacity, leaf -> usage.getOrDefault(leaf, Resources.NONE), pending);
        for (Stats queue : stats.values()) {
            String path = queue.queue.path();
            queue.backlogged = !view.pending(path).isZero();
            queue.share = view.dominantShare(path);
            queue.fair = DominantShare.of(view.fairShare(path), capacity);
            if (queue.owedSinceMillis >= 0 && !owed(queue.queue)) {
                if (nowMillis > queue.owedSinceMillis) {
                    queue.reclaims.add(nowMillis - queue.owedSinceMillis);
                }
                queue.owedSinceMillis = -1;
            }
        }
    }

    List<QueueOutcome> outcomes(long endMillis) {
        accountUntil(endMillis);
        List<QueueOutcome> outcomes = new ArrayList<>();
        for (Stats queue : stats.values()) {
            long time = queue.backloggedMillis;
            double meanFair = time == 0 ? 0 : queue.fairTime / time;
            outcomes.add(new QueueOutcome(queue.queue.path(), queue.queue.isLeaf(), time,
                    time == 0 ? 0 : queue.shareTime / time, meanFair,
                    meanFair == 0 ? 0 : queue.deviationTime / time / meanFair,
                    DurationStats.of(queue.reclaims.stream().mapToLong(Long::longValue).toArray()),
                    queue.owedSinceMillis >= 0 ? 1 : 0, queue.evictions, queue.nonPreemptibleEvictions));
        }
        return outcomes;
    }

    private void accountUntil(long nowMillis) {
        long elapsed = nowMillis - sampledAtMillis;
        if (elapsed <= 0) {
            return;
        }
        for (Stats queue : stats.values()) {
            if (queue.backlogged) {
                queue.backloggedMillis += elapsed;
                queue.shareTime += queue.share * elapsed;
                queue.fairTime += queue.fair * elapsed;
                queue.deviationTime += Math.abs(queue.share - queue.fair) * elapsed;
            }
        }
        sampledAtMillis = nowMillis;
    }

    /** True when some pending unit of the leaf would fit inside its guarantee on top of what it holds. */
    private boolean owed(QueueDefinition leaf) {
        Map<Resources, Integer> shapes = pendingShapes.get(leaf.path());
        if (shapes == null || leaf.guaranteed().isZero()) {
            return false;
        }
        Resources held = usage.getOrDefault(leaf.path(), Resources.NONE);
        return shapes.keySet().stream()
                .anyMatch(shape -> QueueLimits.excess(held, shape, reference.guaranteeOf(leaf.path())) == null);
    }

    private void changePending(Pod pod, String leaf, int sign) {
        if (sign > 0) {
            pending.merge(leaf, pod.requests(), Resources::plus);
        } else {
            pending.computeIfPresent(leaf, (key, sum) -> sum.minusFloored(pod.requests()));
        }
        String unit = gangAdmission && pod.gang() != null ? pod.gang().id().toString() : pod.id().toString();
        Map<Resources, Integer> shapes = pendingShapes.computeIfAbsent(leaf, key -> new HashMap<>());
        Resources before = pendingUnits.getOrDefault(unit, Resources.NONE);
        Resources after = sign > 0 ? before.plus(pod.requests()) : before.minusFloored(pod.requests());
        if (!before.isZero()) {
            shapes.computeIfPresent(before, (shape, count) -> count == 1 ? null : count - 1);
        }
        if (after.isZero()) {
            pendingUnits.remove(unit);
        } else {
            pendingUnits.put(unit, after);
            shapes.merge(after, 1, Integer::sum);
        }
        if (shapes.isEmpty()) {
            pendingShapes.remove(leaf);
        }
    }
}
