package dev.stook.k8s.admit;

import io.fabric8.kubernetes.api.model.Pod;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Makes an {@link AdmissionRecord} on a pod trustworthy. A pod's owner can edit its annotations, so the record
 * carries an HMAC-SHA256 of the pod's uid, queue and preemptibility under a key only Stook holds
 * ({@link AdmissionKey}): a record the owner forged, edited, or copied from another pod does not open.
 */
public final class AdmissionSeal {
    private static final String ALGORITHM = "HmacSHA256";
    private static final String FORMAT = "v1";

    private final SecretKeySpec key;

    public AdmissionSeal(byte[] key) {
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /** The annotations that record the decision for the pod incarnation {@code uid}. */
    public Map<String, String> annotations(String uid, AdmissionRecord record) {
        String preemptible = String.valueOf(record.preemptible());
        return Map.of(AdmissionRecord.QUEUE, record.queue(), AdmissionRecord.PREEMPTIBLE, preemptible,
                AdmissionRecord.SEAL, seal(uid, record.queue(), preemptible));
    }

    /** The decision recorded on the pod, if Stook sealed it for this very pod; empty otherwise. */
    public Optional<AdmissionRecord> open(Pod pod) {
        Map<String, String> annotations = pod.getMetadata().getAnnotations();
        String uid = pod.getMetadata().getUid();
        if (annotations == null || uid == null) {
            return Optional.empty();
        }
        String queue = annotations.get(AdmissionRecord.QUEUE);
        String preemptible = annotations.get(AdmissionRecord.PREEMPTIBLE);
        String seal = annotations.get(AdmissionRecord.SEAL);
        if (queue == null || seal == null || !"true".equals(preemptible) && !"false".equals(preemptible)) {
            return Optional.empty();
        }
        byte[] expected = seal(uid, queue, preemptible).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, seal.getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        return Optional.of(new AdmissionRecord(queue, Boolean.parseBoolean(preemptible)));
    }

    /** Each field is length-prefixed, so no two different records share a text to sign. */
    private String seal(String uid, String queue, String preemptible) {
        StringBuilder text = new StringBuilder(FORMAT);
        for (String field : new String[] {uid, queue, preemptible}) {
            text.append('\n').append(field.length()).append(':').append(field);
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal(text.toString().getBytes(StandardCharsets.UTF_8));
            return FORMAT + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK provides " + ALGORITHM, e);
        }
    }
}
