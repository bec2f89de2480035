package dev.stook.core.queue;

import dev.stook.core.model.Resources;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A validated queue tree and its placement rules. Immutable; replaced whole on reload. */
public final class QueueConfig {
    public static final String DEFAULT_QUEUE = "default";

    private final List<QueueDefinition> topLevel;
    private final List<PlacementRule> placement;
    private final String closedBecause;
    private final Map<String, QueueDefinition> byPath = new LinkedHashMap<>();
    private long guaranteedSlots;

    public QueueConfig(List<QueueDefinition> topLevel, List<PlacementRule> placement) {
        this(topLevel, placement, null);
    }

    private QueueConfig(List<QueueDefinition> topLevel, List<PlacementRule> placement, String closedBecause) {
        this.topLevel = List.copyOf(topLevel);
        this.placement = List.copyOf(placement);
        this.closedBecause = closedBecause;
        index(this.topLevel);
    }

    /** No queue at all, so no pod is scheduled: for when no config Stook could trust was ever given. */
    public static QueueConfig closed(String reason) {
        return new QueueConfig(List.of(), List.of(), reason);
    }

    /** Why every pod waits, for a config made by {@link #closed}. */
    public Optional<String> closedBecause() {
        return Optional.ofNullable(closedBecause);
    }

    /** What Stook runs with when no queue config exists: one queue that may use the whole cluster. */
    public static QueueConfig singleDefaultQueue() {
        QueueDefinition only = new QueueDefinition(DEFAULT_QUEUE, DEFAULT_QUEUE, 1, Resources.NONE, ResourceCap.NONE,
                QueuePolicy.PRIORITY, Submitters.UNSET, List.of());
        return new QueueConfig(List.of(only), List.of(new PlacementRule(null, DEFAULT_QUEUE)));
    }

    private void index(List<QueueDefinition> queues) {
        for (QueueDefinition queue : queues) {
            byPath.put(queue.path(), queue);
            for (int slot = 0; slot < queue.guaranteed().width(); slot++) {
                if (queue.guaranteed().get(slot) > 0) {
                    guaranteedSlots |= 1L << slot;
                }
            }
            index(queue.children());
        }
    }

    public List<QueueDefinition> topLevel() {
        return topLevel;
    }

    public List<PlacementRule> placement() {
        return placement;
    }

    /** The path of the queue's parent ({@code research} for {@code research.nlp}), or null at the top. */
    public static String parentOf(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? null : path.substring(0, dot);
    }

    /** True for the queue at {@code ancestor} and every queue below it. */
    public static boolean isWithin(String path, String ancestor) {
        return path.equals(ancestor) || path.startsWith(ancestor + ".");
    }

    /** The queue at the path, or null. */
    public QueueDefinition queue(String path) {
        return byPath.get(path);
    }

    /**
     * The queue's guarantee as a cap on the resources some queue is guaranteed. A resource no queue is
     * guaranteed can never be reclaimed, so using it is never borrowing.
     */
    public ResourceCap guaranteeOf(String path) {
        return new ResourceCap(queue(path).guaranteed(), guaranteedSlots);
    }

    /** Every queue, parents before children. */
    public List<QueueDefinition> all() {
        return new ArrayList<>(byPath.values());
    }
}
