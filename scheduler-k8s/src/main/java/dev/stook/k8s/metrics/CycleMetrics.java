package dev.stook.k8s.metrics;

import dev.stook.core.cycle.Decision;
import dev.stook.core.cycle.Scheduler;
import dev.stook.core.cycle.SchedulingObserver;
import dev.stook.core.queue.QueueConfig;
import dev.stook.core.queue.QueueDefinition;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What each scheduling cycle shows: its duration, attempts by result, preemption victims, gangs admitted and
 * how long they waited. Queue, gang and executor hold gauges are refreshed at most once per second of the scheduler's time,
 * as walking every queue and placement after each of many small cycles would cost more than the cycles.
 */
public final class CycleMetrics implements SchedulingObserver {
    static final long REFRESH_MILLIS = 1_000;

    private final MeterRegistry registry;
    private final Timer cycleDuration;
    private final Counter scheduled;
    private final Counter unschedulable;
    private final Timer gangWait;
    private final QueueGauges queues;
    private final GangGauges gangs;
    private final HoldGauges holds;
    private QueueConfig victimsRegisteredFor;
    private long nextRefreshMillis = Long.MIN_VALUE;

    CycleMetrics(MeterRegistry registry) {
        this.registry = registry;
        cycleDuration = Timer.builder("stook.scheduling.cycle.duration").description("One scheduling cycle")
                .serviceLevelObjectives(LatencyBuckets.SCHEDULING).register(registry);
        scheduled = Attempts.counter(registry, Attempts.SCHEDULED);
        unschedulable = Attempts.counter(registry, Attempts.UNSCHEDULABLE);
        gangWait = Timer.builder("stook.gang.wait")
                .description("From a gang's first member's creation to the cycle that admitted the gang")
                .serviceLevelObjectives(LatencyBuckets.WAITING).register(registry);
        queues = new QueueGauges(registry);
        gangs = new GangGauges(registry);
        holds = new HoldGauges(registry);
    }

    @Override
    public void cycleFinished(Scheduler scheduler, List<Decision> decisions, long nowMillis, long durationNanos) {
        cycleDuration.record(durationNanos, TimeUnit.NANOSECONDS);
        for (Decision decision : decisions) {
            if (decision instanceof Decision.Bind) {
                scheduled.increment();
            } else if (decision instanceof Decision.Wait) {
                unschedulable.increment();
            } else if (decision instanceof Decision.Evict evict) {
                victims(evict.reason(), evict.pod().queue()).increment();
            }
        }
        for (long waitMillis : GangAdmissions.waitsMillis(decisions, scheduler.cluster(), nowMillis)) {
            gangWait.record(waitMillis, TimeUnit.MILLISECONDS);
        }
        if (nowMillis >= nextRefreshMillis) {
            stateChanged(scheduler, nowMillis);
        }
    }

    @Override
    public void stateChanged(Scheduler scheduler, long nowMillis) {
        nextRefreshMillis = nowMillis + REFRESH_MILLIS;
        queues.refresh(scheduler);
        gangs.refresh(scheduler);
        holds.refresh(scheduler);
        if (scheduler.queues() != victimsRegisteredFor) {
            victimsRegisteredFor = scheduler.queues();
            for (QueueDefinition queue : victimsRegisteredFor.all()) {
                if (queue.isLeaf()) {
                    victims(Scheduler.PREEMPTED, queue.path());
                }
            }
        }
    }

    /** Pods evicted from a queue, by the eviction's reason; registered up front so rates start at zero. */
    private Counter victims(String reason, String queue) {
        return Counter.builder("stook.preemption.victims").description("Pods Stook evicted, by reason and their queue")
                .tag("reason", reason).tag("queue", queue == null ? "none" : queue).register(registry);
    }
}
