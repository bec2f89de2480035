package dev.stook.k8s.metrics;

import dev.stook.core.cycle.Scheduler;
import dev.stook.core.model.ResourceNames;
import dev.stook.core.model.Resources;
import dev.stook.core.spark.ExecutorHolds;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Spark drivers' executor holds: how many are held now, what they hold per resource (cpu in cores, memory in
 * bytes, others in their own count), and how many were released because no executor took them in time. Read on
 * the scheduling thread, published for the scrape.
 */
final class HoldGauges {
    private final AtomicInteger held = new AtomicInteger();
    private final AtomicLong expired = new AtomicLong();
    private final MultiGauge capacity;

    HoldGauges(MeterRegistry registry) {
        Gauge.builder("stook.spark.executor.holds", held, AtomicInteger::get)
                .description("Executor holds of admitted Spark drivers not yet taken by an executor").register(registry);
        FunctionCounter.builder("stook.spark.executor.holds.expired", expired, AtomicLong::get)
                .description("Executor holds released because no executor took them within sparkHoldTimeout")
                .register(registry);
        capacity = MultiGauge.builder("stook.spark.held.capacity")
                .description("What the executor holds not yet taken hold, per resource").register(registry);
    }

    void refresh(Scheduler scheduler) {
        ExecutorHolds holds = scheduler.executorHolds();
        held.set(holds.liveHolds());
        expired.set(holds.expiredTotal());
        Resources total = holds.heldCapacity();
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (int slot = 0; slot < Math.max(total.width(), ResourceNames.MEMORY + 1); slot++) {
            if (slot <= ResourceNames.MEMORY || total.get(slot) > 0) {
                double amount = slot == ResourceNames.CPU ? total.get(slot) / 1000.0 : total.get(slot);
                rows.add(MultiGauge.Row.of(Tags.of("resource", ResourceNames.nameOf(slot)), amount));
            }
        }
        capacity.register(rows, true);
    }
}
