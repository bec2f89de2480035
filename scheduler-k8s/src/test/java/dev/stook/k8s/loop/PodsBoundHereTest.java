package dev.stook.k8s.loop;

import dev.stook.core.model.PodId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PodsBoundHereTest {
    private static final PodId POD = new PodId("work", "p");
    private final PodsBoundHere bound = new PodsBoundHere();

    @Test
    void aSuccessSeenAfterThePodWentTeachesOnce() {
        bound.bound(POD, "uid-1");
        bound.ended(POD, null);

        assertThat(bound.succeeded(POD, "uid-1")).isTrue();
        assertThat(bound.succeeded(POD, "uid-1")).isFalse();
    }

    @Test
    void aSuccessSeenWhileThePodStillShowsTeachesOnce() {
        bound.bound(POD, "uid-1");

        assertThat(bound.succeeded(POD, "uid-1")).isTrue();
        bound.ended(POD, null);
        assertThat(bound.succeeded(POD, "uid-1")).isFalse();
    }

    @Test
    void anotherPodUnderTheNameTeachesNothing() {
        bound.bound(POD, "uid-1");
        bound.seen(POD, "uid-2");
        bound.ended(POD, null);

        assertThat(bound.succeeded(POD, "uid-2")).isFalse();
        assertThat(bound.succeeded(POD, "uid-1")).isFalse();
    }
}
