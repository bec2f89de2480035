package dev.stook.core.cycle;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Questions about the engine's state from threads other than the scheduling thread, which alone may touch the
 * {@link Scheduler}: it answers them between cycles.
 */
@FunctionalInterface
public interface SchedulerQuestions {
    /** Completes on the scheduling thread with what the question makes of the scheduler. */
    <T> CompletableFuture<T> ask(Function<Scheduler, T> question);
}
