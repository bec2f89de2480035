package dev.stook.core.queue;

import dev.stook.core.model.Resources;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each queue's fair share of the cluster, resource by resource: at every level the parent's share is
 * divided among its children by weight (weighted max-min), each child getting at least
 * {@code min(demand, guaranteed)} and at most {@code min(demand, max)}. Capacity a child cannot use goes
 * to its siblings, so the division is work-conserving.
 */
public final class FairShares {
    private static final int SEARCH_STEPS = 64;

    private FairShares() {}

    /**
     * @param capacity   what the cluster offers
     * @param leafDemand per leaf queue: what its pods hold plus what its pending pods ask for
     */
    public static Map<String, Resources> compute(QueueConfig config, Resources capacity, Map<String, Resources> leafDemand) {
        Map<String, Resources> demand = new HashMap<>();
        for (QueueDefinition queue : config.topLevel()) {
            subtreeDemand(queue, leafDemand, demand);
        }
        Map<String, Resources> shares = new HashMap<>();
        divide(config.topLevel(), capacity, demand, shares);
        return shares;
    }

    private static Resources subtreeDemand(QueueDefinition queue, Map<String, Resources> leafDemand,
                                           Map<String, Resources> demand) {
        Resources total = queue.isLeaf() ? leafDemand.getOrDefault(queue.path(), Resources.NONE) : Resources.NONE;
        for (QueueDefinition child : queue.children()) {
            total = total.plus(subtreeDemand(child, leafDemand, demand));
        }
        demand.put(queue.path(), total);
        return total;
    }

    private static void divide(List<QueueDefinition> siblings, Resources available, Map<String, Resources> demand,
                               Map<String, Resources> shares) {
        int width = available.width();
        for (QueueDefinition queue : siblings) {
            width = Math.max(width, demand.get(queue.path()).width());
        }
        long[][] perQueue = new long[siblings.size()][width];
        for (int slot = 0; slot < width; slot++) {
            long[] slotShares = divideOne(siblings, slot, available.get(slot), demand);
            for (int i = 0; i < siblings.size(); i++) {
                perQueue[i][slot] = slotShares[i];
            }
        }
        for (int i = 0; i < siblings.size(); i++) {
            QueueDefinition queue = siblings.get(i);
            Resources share = Resources.ofSlots(perQueue[i]);
            shares.put(queue.path(), share);
            divide(queue.children(), share, demand, shares);
        }
    }

    /** Weighted max-min division of one resource: finds the water level at which the shares add up. */
    private static long[] divideOne(List<QueueDefinition> siblings, int slot, long available, Map<String, Resources> demand) {
        int n = siblings.size();
        long[] lower = new long[n];
        long[] upper = new long[n];
        double[] weight = new double[n];
        long lowerSum = 0;
        long upperSum = 0;
        for (int i = 0; i < n; i++) {
            QueueDefinition queue = siblings.get(i);
            long wanted = demand.get(queue.path()).get(slot);
            lower[i] = Math.min(wanted, queue.guaranteed().get(slot));
            upper[i] = Math.min(wanted, queue.max().limit(slot));
            upper[i] = Math.max(upper[i], lower[i]);
            weight[i] = queue.weight();
            lowerSum += lower[i];
            upperSum += upper[i];
        }
        if (upperSum <= available) {
            return upper;
        }
        if (lowerSum >= available) {
            return scaled(lower, lowerSum, available);
        }
        double low = 0;
        double high = 1;
        while (filled(high, lower, upper, weight) < available) {
            high *= 2;
        }
        for (int step = 0; step < SEARCH_STEPS; step++) {
            double mid = (low + high) / 2;
            if (filled(mid, lower, upper, weight) < available) {
                low = mid;
            } else {
                high = mid;
            }
        }
        long[] shares = new long[n];
        long given = 0;
        for (int i = 0; i < n; i++) {
            shares[i] = clamp((long) (high * weight[i]), lower[i], upper[i]);
            given += shares[i];
        }
        return trimmed(shares, lower, given - available);
    }

    /** Takes back what rounding up over-gave, a unit at a time, from the queues that got most above their floor. */
    private static long[] trimmed(long[] shares, long[] lower, long excess) {
        while (excess > 0) {
            int richest = -1;
            for (int i = 0; i < shares.length; i++) {
                if (shares[i] > lower[i] && (richest < 0 || shares[i] - lower[i] > shares[richest] - lower[richest])) {
                    richest = i;
                }
            }
            long take = Math.min(excess, Math.max(1, excess / shares.length));
            take = Math.min(take, shares[richest] - lower[richest]);
            shares[richest] -= take;
            excess -= take;
        }
        return shares;
    }

    private static double filled(double level, long[] lower, long[] upper, double[] weight) {
        double sum = 0;
        for (int i = 0; i < lower.length; i++) {
            sum += clamp((long) Math.min(Long.MAX_VALUE / 4, level * weight[i]), lower[i], upper[i]);
        }
        return sum;
    }

    private static long[] scaled(long[] amounts, long total, long available) {
        long[] result = new long[amounts.length];
        for (int i = 0; i < amounts.length; i++) {
            result[i] = total == 0 ? 0 : (long) ((double) amounts[i] * available / total);
        }
        return result;
    }

    private static long clamp(long value, long min, long max) {
        return Math.max(min, Math.min(max, value));
    }
}
