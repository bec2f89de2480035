package dev.stook.k8s.metrics;

import dev.stook.core.cluster.ClusterSnapshot;
import dev.stook.core.cycle.Scheduler;
import dev.stook.core.model.ResourceNames;
import dev.stook.core.model.Resources;
import dev.stook.core.queue.QueueConfig;
import dev.stook.core.queue.QueueDefinition;
import dev.stook.core.queue.QueueView;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Per queue and resource: what it holds, its fair share, its guarantee and its ceiling; per leaf queue, its
 * pending pods.
 * Every refresh replaces all rows, so the series of a queue removed from the config disappear with it.
 * Quantities are in base units: cpu in cores, memory in bytes, other resources in their own count.
 */
final class QueueGauges {
    private final MultiGauge pending;
    private final MultiGauge allocated;
    private final MultiGauge fairShare;
    private final MultiGauge guaranteed;
    private final MultiGauge max;

    QueueGauges(MeterRegistry registry) {
        pending = MultiGauge.builder("stook.pending.pods").description("Pods waiting for Stook, by leaf queue")
                .register(registry);
        allocated = MultiGauge.builder("stook.queue.allocated")
                .description("What pods admitted to the queue hold (bound or being bound)").register(registry);
        fairShare = MultiGauge.builder("stook.queue.fair.share")
                .description("The queue's fair share given current demand").register(registry);
        guaranteed = MultiGauge.builder("stook.queue.guaranteed")
                .description("The queue's configured guarantee").register(registry);
        max = MultiGauge.builder("stook.queue.max")
                .description("The most the queue may hold: its cap, or the cluster's capacity if smaller or uncapped")
                .register(registry);
    }

    void refresh(Scheduler scheduler) {
        QueueView view = scheduler.queueView();
        QueueConfig queues = view.config();
        Map<String, Integer> pendingByQueue = scheduler.pendingPodsByQueue();
        Resources capacity = view.capacity();
        List<Integer> slots = exportedSlots(queues, scheduler.cluster().snapshot());
        List<MultiGauge.Row<?>> pendingRows = new ArrayList<>();
        List<MultiGauge.Row<?>> allocatedRows = new ArrayList<>();
        List<MultiGauge.Row<?>> fairRows = new ArrayList<>();
        List<MultiGauge.Row<?>> guaranteedRows = new ArrayList<>();
        List<MultiGauge.Row<?>> maxRows = new ArrayList<>();
        for (QueueDefinition queue : queues.all()) {
            String path = queue.path();
            if (queue.isLeaf()) {
                pendingRows.add(MultiGauge.Row.of(Tags.of("queue", path), pendingByQueue.getOrDefault(path, 0)));
            }
            Resources used = view.allocated(path);
            Resources fair = view.fairShare(path);
            for (int slot : slots) {
                Tags tags = Tags.of("queue", path, "resource", ResourceNames.nameOf(slot));
                allocatedRows.add(MultiGauge.Row.of(tags, inBaseUnits(slot, used.get(slot))));
                fairRows.add(MultiGauge.Row.of(tags, inBaseUnits(slot, fair.get(slot))));
                guaranteedRows.add(MultiGauge.Row.of(tags, inBaseUnits(slot, queue.guaranteed().get(slot))));
                maxRows.add(MultiGauge.Row.of(tags, inBaseUnits(slot, Math.min(queue.max().limit(slot), capacity.get(slot)))));
            }
        }
        pending.register(pendingRows, true);
        allocated.register(allocatedRows, true);
        fairShare.register(fairRows, true);
        guaranteed.register(guaranteedRows, true);
        max.register(maxRows, true);
    }

    /** cpu and memory always; any other resource the cluster offers or a queue's guarantee or cap names. */
    private static List<Integer> exportedSlots(QueueConfig queues, ClusterSnapshot snapshot) {
        int width = ResourceNames.count();
        boolean[] exported = new boolean[width];
        exported[ResourceNames.CPU] = true;
        exported[ResourceNames.MEMORY] = true;
        for (int i = 0; i < snapshot.size(); i++) {
            Resources allocatable = snapshot.node(i).allocatable();
            for (int slot = 0; slot < Math.min(width, allocatable.width()); slot++) {
                exported[slot] |= allocatable.get(slot) > 0;
            }
        }
        for (QueueDefinition queue : queues.all()) {
            for (int slot = 0; slot < width; slot++) {
                exported[slot] |= queue.guaranteed().get(slot) > 0 || queue.max().limits(slot);
            }
        }
        List<Integer> slots = new ArrayList<>();
        for (int slot = 0; slot < width; slot++) {
            if (exported[slot]) {
                slots.add(slot);
            }
        }
        return slots;
    }

    private static double inBaseUnits(int slot, long amount) {
        return slot == ResourceNames.CPU ? amount / 1000.0 : amount;
    }
}
