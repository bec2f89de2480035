package dev.stook.k8s.lead;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class LeaseFenceTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final LeaseFence fence = new LeaseFence(400, now::get);

    @Test
    void closedUntilTheFirstRenewal() {
        assertThat(fence.permits()).isFalse();
        fence.renewed(1_000);
        assertThat(fence.permits()).isTrue();
    }

    @Test
    void aRenewalKeepsItOpenForTheRenewDeadlineCountedFromWhenItWasSent() {
        fence.renewed(900);
        now.set(1_299);
        assertThat(fence.permits()).isTrue();
        now.set(1_300);
        assertThat(fence.permits()).isFalse();
    }

    @Test
    void onceTheDeadlinePassedALateRenewalDoesNotReopenIt() {
        fence.renewed(1_000);
        now.set(1_500);
        fence.renewed(1_450);
        assertThat(fence.permits()).isFalse();
    }

    @Test
    void closingIsFinal() {
        fence.renewed(1_000);
        fence.close();
        fence.renewed(1_000);
        assertThat(fence.permits()).isFalse();
    }
}
