package dev.stook.k8s.admit;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
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
