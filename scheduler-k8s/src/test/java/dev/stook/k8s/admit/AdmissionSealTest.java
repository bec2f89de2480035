package dev.stook.k8s.admit;

import dev.stook.core.model.Resources;
import dev.stook.core.spark.HoldRecord;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AdmissionSealTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();
    private final AdmissionSeal seal = new AdmissionSeal(KEY);
    private final Map<String, String> sealed = seal.annotations("uid-1", new AdmissionRecord("ours", false));

    @Test
    void theRecordSealedForAPodOpensOnThatPod() {
        assertThat(seal.open(pod("uid-1", sealed))).contains(new AdmissionRecord("ours", false));
    }

    @Test
    void anEditedRecordDoesNotOpen() {
        assertThat(seal.open(pod("uid-1", with(AdmissionRecord.PREEMPTIBLE, "true")))).isEmpty();
        assertThat(seal.open(pod("uid-1", with(AdmissionRecord.QUEUE, "theirs")))).isEmpty();
    }

    @Test
    void aRecordCopiedToAnotherPodDoesNotOpen() {
        assertThat(seal.open(pod("uid-2", sealed))).isEmpty();
    }

    @Test
    void aRecordSealedUnderAnotherKeyDoesNotOpen() {
        AdmissionSeal other = new AdmissionSeal("fedcba9876543210fedcba9876543210".getBytes());
        assertThat(other.open(pod("uid-1", sealed))).isEmpty();
    }

    @Test
    void aPodWithoutARecordHasNone() {
        assertThat(seal.open(pod("uid-1", Map.of()))).isEmpty();
    }

    @Test
    void aDriversHoldsAndAnExecutorsTakenHoldAreSealedWithTheRecord() {
        HoldRecord holds = new HoldRecord(Resources.parse(Map.of("cpu", "4", "memory", "16Gi")),
                List.of("n1", "n1", "n2"), Instant.parse("2026-12-02T12:00:00Z").toEpochMilli());
        AdmissionRecord driver = new AdmissionRecord("ours", true).withHolds(holds);
        Map<String, String> annotations = seal.annotations("uid-1", driver);

        assertThat(annotations).containsEntry(AdmissionRecord.HOLDS, "n1,n1,n2")
                .containsEntry(AdmissionRecord.HOLD_RESOURCES, "cpu=4,memory=16Gi")
                .containsEntry(AdmissionRecord.HOLDS_UNTIL, "2026-12-02T12:00:00Z");
        assertThat(seal.open(pod("uid-1", annotations))).contains(driver);
        AdmissionRecord executor = new AdmissionRecord("ours", true).withTookHoldOf("driver");
        assertThat(seal.open(pod("uid-2", seal.annotations("uid-2", executor)))).contains(executor);
    }

    @Test
    void holdsAddedToOrEditedInARecordMakeItNotOpen() {
        Map<String, String> driver = seal.annotations("uid-1", new AdmissionRecord("ours", true).withHolds(
                new HoldRecord(Resources.parse(Map.of("cpu", "1")), List.of("n1"), 60_000)));
        Map<String, String> moreNodes = new HashMap<>(driver);
        moreNodes.put(AdmissionRecord.HOLDS, "n1,n1");
        Map<String, String> bigger = new HashMap<>(driver);
        bigger.put(AdmissionRecord.HOLD_RESOURCES, "cpu=64");
        Map<String, String> trimmed = new HashMap<>(driver);
        trimmed.remove(AdmissionRecord.HOLDS_UNTIL);

        assertThat(seal.open(pod("uid-1", moreNodes))).isEmpty();
        assertThat(seal.open(pod("uid-1", bigger))).isEmpty();
        assertThat(seal.open(pod("uid-1", trimmed))).isEmpty();
        assertThat(seal.open(pod("uid-1", with(AdmissionRecord.TOOK_HOLD_OF, "someone")))).isEmpty();
    }

    private Map<String, String> with(String key, String value) {
        Map<String, String> edited = new HashMap<>(sealed);
        edited.put(key, value);
        return edited;
    }

    private static Pod pod(String uid, Map<String, String> annotations) {
        return new PodBuilder().withNewMetadata().withNamespace("work").withName("p").withUid(uid)
                .withAnnotations(annotations).endMetadata().build();
    }
}
