package dev.stook.k8s.status;

import dev.stook.core.model.PodId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PendingConditionsTest {
    private static final PodId POD = new PodId("work", "p");
    private final PendingConditions pending = new PendingConditions();

    @Test
    void aRetryDoesNotReplaceANewerRequestForThePod() throws InterruptedException {
        ConditionRequest failed = ConditionRequest.now(POD, "uid-1", "Unschedulable", "old").failed(0);
        pending.add(ConditionRequest.now(POD, "uid-1", "Unschedulable", "new"));
        pending.retry(failed);

        assertThat(pending.takeDue()).hasValueSatisfying(request -> assertThat(request.message()).isEqualTo("new"));
    }

    @Test
    void aFloodInOneNamespaceDelaysAnotherNamespacesConditionByOneWriteAtMost() throws InterruptedException {
        for (int i = 0; i < 5_000; i++) {
            pending.add(ConditionRequest.now(new PodId("flood", "p-" + i), "uid-" + i, "Unschedulable", "m"));
        }
        pending.add(ConditionRequest.now(new PodId("quiet", "q"), "uid-q", "Unschedulable", "m"));

        assertThat(pending.takeDue().orElseThrow().pod()).isEqualTo(new PodId("flood", "p-0"));
        assertThat(pending.takeDue().orElseThrow().pod()).isEqualTo(new PodId("quiet", "q"));
        assertThat(pending.takeDue().orElseThrow().pod()).isEqualTo(new PodId("flood", "p-1"));
    }

    @Test
    void aRetryIsHandedOutOnlyAfterItsBackoff() throws InterruptedException {
        ConditionRequest failed = ConditionRequest.now(POD, "uid-1", "Unschedulable", "m").failed(200);
        pending.retry(failed);

        long start = System.nanoTime();
        assertThat(pending.takeDue()).hasValueSatisfying(request -> assertThat(request.failures()).isOne());
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(150_000_000L);
    }
}
