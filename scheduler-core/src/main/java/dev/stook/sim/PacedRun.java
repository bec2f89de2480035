package dev.stook.sim;

import dev.stook.core.cycle.Decision;
import dev.stook.core.cycle.Scheduler;
import dev.stook.core.cycle.SchedulerQuestions;
import dev.stook.core.cycle.SchedulingObserver;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Slows a simulation down to watching speed and answers questions about it meanwhile. Each time the virtual
 * clock moves on, the simulation first pauses for the virtual time since the previous tick divided by
 * {@code speed} (at most {@code maxPauseMillis}, so a quiet hour does not freeze it): each tick's outcome stays
 * in view for as long as it lasted. It answers questions during the pauses, on the simulation's thread, the only one that may touch
 * its scheduler. Once the run has ended, {@link #answerUntilInterrupted()} keeps answering about its final state.
 */
public final class PacedRun implements SchedulingObserver, SchedulerQuestions {
    private final double speed;
    private final long maxPauseMillis;
    private final BlockingQueue<Runnable> questions = new LinkedBlockingQueue<>();
    private Scheduler scheduler;
    private long lastTickMillis;

    /** @param speed virtual milliseconds per wall-clock millisecond */
    public PacedRun(double speed, long maxPauseMillis) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be above 0, not " + speed);
        }
        this.speed = speed;
        this.maxPauseMillis = maxPauseMillis;
    }

    @Override
    public <T> CompletableFuture<T> ask(Function<Scheduler, T> question) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        questions.add(() -> {
            try {
                answer.complete(question.apply(scheduler));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        return answer;
    }

    @Override
    public void timeAdvanced(Scheduler scheduler, long nowMillis) {
        this.scheduler = scheduler;
        long pauseMillis = Math.min(maxPauseMillis, (long) ((nowMillis - lastTickMillis) / speed));
        lastTickMillis = nowMillis;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pauseMillis);
        for (Runnable waiting = questions.poll(); waiting != null; waiting = questions.poll()) {
            waiting.run();
        }
        try {
            for (long left = pauseMillis; left > 0; left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())) {
                Runnable question = questions.poll(left, TimeUnit.MILLISECONDS);
                if (question != null) {
                    question.run();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void cycleFinished(Scheduler scheduler, List<Decision> decisions, long nowMillis, long durationNanos) {
    }

    @Override
    public void stateChanged(Scheduler scheduler, long nowMillis) {
        this.scheduler = scheduler;
    }

    /** Call on the simulation's thread once the run has ended. */
    public void answerUntilInterrupted() throws InterruptedException {
        while (true) {
            questions.take().run();
        }
    }
}
