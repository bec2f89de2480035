package dev.stook.core.queue;

import dev.stook.core.model.Resources;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * One look at the queue tree, taken at the start of a cycle (or for one explanation or metrics refresh) and
 * read by everything that weighs queues against each other: what each queue holds (its leaves' pods summed up
 * the tree), what its pending units ask for, its fair share and how far a leaf is over it. Admissions made
 * during the cycle are added as they happen. Fair shares are worked out on first use only; admitting moves
 * requests from pending to held, which leaves each leaf's demand, and so the shares, unchanged.
 */
public final class QueueView {
    private final QueueConfig config;
    private final Resources capacity;
    private final Map<String, Resources> allocated = new HashMap<>();
    private final Map<String, Resources> pending = new HashMap<>();
    private final Map<String, Resources> leafDemand = new HashMap<>();
    private Map<String, Resources> fairShares;
    private Map<String, Double> overShares;

    /**
     * @param leafUsage   what each leaf's pods hold now
     * @param leafPending what each leaf's pending units ask for that could be admitted
     */
    public QueueView(QueueConfig config, Resources capacity, Function<String, Resources> leafUsage,
                     Map<String, Resources> leafPending) {
        this.config = config;
        this.capacity = capacity;
        for (QueueDefinition queue : config.topLevel()) {
            sumSubtree(queue, leafUsage, leafPending);
        }
    }

    private void sumSubtree(QueueDefinition queue, Function<String, Resources> leafUsage,
                            Map<String, Resources> leafPending) {
        Resources held = Resources.NONE;
        Resources asked = Resources.NONE;
        if (queue.isLeaf()) {
            held = leafUsage.apply(queue.path());
            asked = leafPending.getOrDefault(queue.path(), Resources.NONE);
            leafDemand.put(queue.path(), held.plus(asked));
        }
        for (QueueDefinition child : queue.children()) {
            sumSubtree(child, leafUsage, leafPending);
            held = held.plus(allocated.get(child.path()));
            asked = asked.plus(pending.get(child.path()));
        }
        allocated.put(queue.path(), held);
        pending.put(queue.path(), asked);
    }

    public QueueConfig config() {
        return config;
    }

    /** What the cluster's schedulable nodes offer. */
    public Resources capacity() {
        return capacity;
    }

    /** What the queue's pods hold, admissions earlier in this cycle included. */
    public Resources allocated(String path) {
        return allocated.getOrDefault(path, Resources.NONE);
    }

    /** What the queue's pending units ask for that could be admitted, as of the view's start. */
    public Resources pending(String path) {
        return pending.getOrDefault(path, Resources.NONE);
    }

    /** Records an admission to the leaf, so later choices in the cycle see it. */
    public void admitted(String leaf, Resources requests) {
        for (String path = leaf; path != null; path = QueueConfig.parentOf(path)) {
            allocated.merge(path, requests, Resources::plus);
        }
    }

    /** Each queue's fair share given current demand (see {@link FairShares}). */
    public Map<String, Resources> fairShares() {
        if (fairShares == null) {
            fairShares = FairShares.compute(config, capacity, leafDemand);
        }
        return fairShares;
    }

    public Resources fairShare(String path) {
        return fairShares().getOrDefault(path, Resources.NONE);
    }

    public double dominantShare(String path) {
        return DominantShare.of(allocated(path), capacity);
    }

    /**
     * The leaf's dominant share over its fair share's; 0 while it holds no more than its fair share. Worked
     * out for every leaf on first use, and kept for the rest of the view's life.
     */
    public double overShare(String leaf) {
        if (overShares == null) {
            overShares = new HashMap<>();
            for (QueueDefinition queue : config.all()) {
                if (queue.isLeaf()) {
                    overShares.put(queue.path(), overShareNow(queue.path()));
                }
            }
        }
        return overShares.getOrDefault(leaf, 0.0);
    }

    private double overShareNow(String leaf) {
        Resources held = allocated(leaf);
        Resources fair = fairShare(leaf);
        if (held.fitsWithin(fair)) {
            return 0.0;
        }
        double fairShare = DominantShare.of(fair, capacity);
        return fairShare == 0 ? Double.MAX_VALUE : DominantShare.of(held, capacity) / fairShare;
    }
}
