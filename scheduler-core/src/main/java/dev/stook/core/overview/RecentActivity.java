package dev.stook.core.overview;

import dev.stook.core.cycle.Decision;
import dev.stook.core.cycle.Scheduler;
import dev.stook.core.cycle.SchedulingObserver;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/**
 * The engine's last evictions (preemptions and reclaims, with their reasons) and its last cycles' timings, kept
 * for the overview. It is told on the scheduling thread and read there too, so it needs no locking.
 */
public final class RecentActivity implements SchedulingObserver {
    static final int EVICTIONS_KEPT = 50;
    static final int CYCLES_KEPT = 20;

    private final Deque<Eviction> evictions = new ArrayDeque<>();
    private final Deque<CycleTiming> cycles = new ArrayDeque<>();

    /** A pod the engine decided to evict, and why; {@code queue} is the victim's. */
    public record Eviction(long atMillis, String namespace, String pod, String queue, String reason, String message) {}

    /** One cycle: when it ended (the scheduler's time), how long it took, and what it decided. */
    public record CycleTiming(long atMillis, double durationMillis, int binds, int evictions, int waits) {}

    @Override
    public void cycleFinished(Scheduler scheduler, List<Decision> decisions, long nowMillis, long durationNanos) {
        int binds = 0;
        int evicted = 0;
        int waits = 0;
        for (Decision decision : decisions) {
            if (decision instanceof Decision.Bind) {
                binds++;
            } else if (decision instanceof Decision.Wait) {
                waits++;
            } else if (decision instanceof Decision.Evict evict) {
                evicted++;
                keep(evictions, EVICTIONS_KEPT, new Eviction(nowMillis, evict.pod().id().namespace(),
                        evict.pod().id().name(), evict.pod().queue(), evict.reason(), evict.message()));
            }
        }
        keep(cycles, CYCLES_KEPT, new CycleTiming(nowMillis, durationNanos / 1e6, binds, evicted, waits));
    }

    @Override
    public void stateChanged(Scheduler scheduler, long nowMillis) {
    }

    /** The evictions of pods in namespaces the filter accepts, newest first. */
    public List<Eviction> evictions(Predicate<String> namespaces) {
        List<Eviction> shown = new ArrayList<>();
        evictions.descendingIterator().forEachRemaining(eviction -> {
            if (namespaces.test(eviction.namespace())) {
                shown.add(eviction);
            }
        });
        return shown;
    }

    /** Newest first. */
    public List<CycleTiming> cycles() {
        List<CycleTiming> shown = new ArrayList<>();
        cycles.descendingIterator().forEachRemaining(shown::add);
        return shown;
    }

    private static <T> void keep(Deque<T> kept, int most, T item) {
        if (kept.size() == most) {
            kept.removeFirst();
        }
        kept.addLast(item);
    }
}
