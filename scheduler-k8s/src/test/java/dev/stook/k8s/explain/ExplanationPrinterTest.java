package dev.stook.k8s.explain;

import dev.stook.core.explain.GangProgress;
import dev.stook.core.explain.LastAttempt;
import dev.stook.core.explain.PendingExplanation;
import dev.stook.core.explain.PodExplanation;
import dev.stook.core.explain.QueuePlace;
import dev.stook.core.explain.QueueStanding;
import dev.stook.core.explain.QueueStanding.ResourceStanding;
import dev.stook.core.model.PodId;
import dev.stook.core.queue.QueuePolicy;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExplanationPrinterTest {
    private static final PodId POD = new PodId("ml-team", "train-42-7");

    @Test
    void aBoundDriverSaysWhatItsExecutorHoldsAreUpTo() {
        PodExplanation driver = PodExplanation.placed(new PodId("etl", "driver"), "n1", "batch", false)
                .withExecutorHolds("holds 1 of 2 executors' capacity on n2; 1 taken by executors; those left are"
                        + " released at 2026-12-02T12:10:00Z");

        assertThat(ExplanationPrinter.print(driver)).isEqualTo("""
                etl/driver: bound to node n1 (queue batch)
                  spark         holds 1 of 2 executors' capacity on n2; 1 taken by executors; those left are released at 2026-12-02T12:10:00Z
                """);
        assertThat(ExplanationJson.read(ExplanationJson.write(driver))).isEqualTo(driver);
    }

    @Test
    void aPendingGangMemberIsOneLabelledLinePerFact() {
        PendingExplanation pending = new PendingExplanation("ml-team/train-42",
                new QueuePlace("research.nlp", QueuePolicy.FAIR, 3, 5), null,
                new QueueStanding(0.35, 0.25, 0.125, List.of(
                        new ResourceStanding("cpu", "140", "100", "50", "300"),
                        new ResourceStanding("nvidia.com/gpu", "6", "8", "4", null))),
                new GangProgress("ml-team/train-42", 8, 0, 8, 6, "Volcano PodGroup train-42"),
                new LastAttempt("Unschedulable", "gang ml-team/train-42: 6/8 members placeable; 0/500 nodes fit member"
                        + " train-42-7: 300 Insufficient cpu, 200 untolerated taint"),
                754_321, 0, List.of("nothing changed since its last attempt failed", "waiting for 2 evicted pods to terminate"));

        assertThat(ExplanationPrinter.print(PodExplanation.pending(POD, pending))).isEqualTo("""
                ml-team/train-42-7: pending
                  unit          ml-team/train-42
                  queue         research.nlp (fair policy), position 3 of 5
                  queue share   35.0% of the cluster; fair share 25.0%, guaranteed 12.5%
                                resource             allocated    fair share   guaranteed   max
                                cpu                  140          100          50           300
                                nvidia.com/gpu       6            8            4            none
                  gang          8 members created, 0 placed, minimum 8; 6 pending members found a place in the last attempt
                  gang source   Volcano PodGroup train-42
                  last attempt  Unschedulable: gang ml-team/train-42: 6/8 members placeable; 0/500 nodes fit member train-42-7: 300 Insufficient cpu, 200 untolerated taint
                  waiting       754s
                  held up       nothing changed since its last attempt failed
                                waiting for 2 evicted pods to terminate
                """);
    }

    @Test
    void aPodWithoutQueueAndNotYetTriedSaysSo() {
        PendingExplanation pending = new PendingExplanation("ml-team/train-42-7", null, "no placement rule matches",
                null, null, null, 0, 0, List.of());

        assertThat(ExplanationPrinter.print(PodExplanation.pending(POD, pending))).isEqualTo("""
                ml-team/train-42-7: pending
                  unit          ml-team/train-42-7
                  queue         none: no placement rule matches
                  last attempt  not tried yet
                  waiting       0s
                  next          tried in the next cycle
                """);
    }

    @Test
    void placedPodsNameTheirNode() {
        assertThat(ExplanationPrinter.print(PodExplanation.placed(POD, "n7", "research.nlp", false)))
                .isEqualTo("ml-team/train-42-7: bound to node n7 (queue research.nlp)\n");
        assertThat(ExplanationPrinter.print(PodExplanation.placed(POD, "n7", "research.nlp", true)))
                .isEqualTo("ml-team/train-42-7: placed on node n7, binding in progress (queue research.nlp)\n");
    }
}
