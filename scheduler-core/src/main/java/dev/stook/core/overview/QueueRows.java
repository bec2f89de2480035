package dev.stook.core.overview;

import dev.stook.core.model.Quantity;
import dev.stook.core.model.ResourceNames;
import dev.stook.core.model.Resources;
import dev.stook.core.queue.QueueConfig;
import dev.stook.core.queue.QueueDefinition;
import dev.stook.core.queue.QueueView;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The queue tree as rows, parents before children: per queue and resource what it holds, its fair share, its
 * guarantee, its cap and its pending demand, and whom it borrows from. The resources shown are cpu and memory,
 * any extended resource the cluster offers (such as {@code nvidia.com/gpu}), and any resource a queue guarantees
 * or caps.
 */
final class QueueRows {
    private QueueRows() {}

    static List<QueueRow> of(QueueView view, Map<String, Integer> pendingPodsByLeaf) {
        List<Integer> slots = shownSlots(view);
        Map<String, List<QueueRow.Loan>> loans = Borrowing.of(view, slots);
        List<QueueRow> rows = new ArrayList<>();
        for (QueueDefinition queue : view.config().all()) {
            String path = queue.path();
            List<QueueResource> resources = new ArrayList<>();
            for (int slot : slots) {
                resources.add(resource(view, queue, slot));
            }
            int pendingPods = pendingPodsByLeaf.entrySet().stream()
                    .filter(entry -> QueueConfig.isWithin(entry.getKey(), path)).mapToInt(Map.Entry::getValue).sum();
            rows.add(new QueueRow(path, queue.name(), QueueConfig.parentOf(path), depth(path), queue.isLeaf(),
                    queue.weight(), queue.policy(), pendingPods, resources, loans.getOrDefault(path, List.of())));
        }
        return rows;
    }

    private static QueueResource resource(QueueView view, QueueDefinition queue, int slot) {
        boolean cpu = slot == ResourceNames.CPU;
        long capacity = view.capacity().get(slot);
        long allocated = view.allocated(queue.path()).get(slot);
        long fair = view.fairShare(queue.path()).get(slot);
        long guaranteed = queue.guaranteed().get(slot);
        long pending = view.pending(queue.path()).get(slot);
        boolean capped = queue.max().limits(slot);
        long max = capped ? Math.min(queue.max().limit(slot), capacity) : capacity;
        return new QueueResource(ResourceNames.nameOf(slot), Quantity.format(allocated, cpu), Quantity.format(fair, cpu),
                Quantity.format(guaranteed, cpu), capped ? Quantity.format(queue.max().limit(slot), cpu) : null,
                Quantity.format(pending, cpu), Quantity.format(capacity, cpu),
                new QueueResource.Shares(fraction(allocated, capacity), fraction(fair, capacity),
                        fraction(guaranteed, capacity), capped ? fraction(max, capacity) : 1.0,
                        fraction(pending, capacity)));
    }

    private static double fraction(long amount, long capacity) {
        return capacity <= 0 ? 0 : (double) amount / capacity;
    }

    private static int depth(String path) {
        return (int) path.chars().filter(c -> c == '.').count();
    }

    private static List<Integer> shownSlots(QueueView view) {
        Resources capacity = view.capacity();
        List<Integer> slots = new ArrayList<>();
        for (int slot = 0; slot < ResourceNames.count(); slot++) {
            boolean standard = slot == ResourceNames.CPU || slot == ResourceNames.MEMORY;
            boolean extended = slot > ResourceNames.EPHEMERAL_STORAGE && capacity.get(slot) > 0;
            if (standard || extended || namedByAQueue(view.config(), slot)) {
                slots.add(slot);
            }
        }
        return slots;
    }

    private static boolean namedByAQueue(QueueConfig config, int slot) {
        for (QueueDefinition queue : config.all()) {
            if (queue.guaranteed().get(slot) > 0 || queue.max().limits(slot)) {
                return true;
            }
        }
        return false;
    }
}
