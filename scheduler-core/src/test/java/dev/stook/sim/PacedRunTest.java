package dev.stook.sim;

import dev.stook.core.cluster.ClusterState;
import dev.stook.core.cycle.Scheduler;
import dev.stook.core.plugins.PluginProfile;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PacedRunTest {
    private final Scheduler scheduler = new Scheduler(new ClusterState(), PluginProfile.standard());

    @Test
    void questionsAskedMeanwhileAreAnsweredOnTheSimulationsThreadWhenTimeMovesOn() {
        PacedRun paced = new PacedRun(1_000, 0);
        CompletableFuture<String> answer = paced.ask(engine -> engine == scheduler ? Thread.currentThread().getName()
                : "another scheduler");

        assertThat(answer).isNotDone();
        paced.timeAdvanced(scheduler, 100);

        assertThat(answer).isCompletedWithValue(Thread.currentThread().getName());
    }

    @Test
    void aQuestionThatFailsFailsItsAnswerOnly() {
        PacedRun paced = new PacedRun(1_000, 0);
        CompletableFuture<Object> failing = paced.ask(engine -> {
            throw new IllegalStateException("no");
        });
        CompletableFuture<Integer> fine = paced.ask(Scheduler::pendingPods);

        paced.timeAdvanced(scheduler, 100);

        assertThat(failing).isCompletedExceptionally();
        assertThat(fine).isCompletedWithValue(0);
    }

    @Test
    void aSpeedOfZeroIsRefused() {
        assertThatThrownBy(() -> new PacedRun(0, 1_000)).isInstanceOf(IllegalArgumentException.class);
    }
}
