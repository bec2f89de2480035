package dev.stook.k8s.admit;

import dev.stook.core.model.Resources;
import dev.stook.core.spark.HoldPods;
import dev.stook.core.spark.HoldRecord;
import dev.stook.core.spark.SparkAnnotations;
import io.fabric8.kubernetes.api.model.Pod;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Makes an {@link AdmissionRecord} on a pod trustworthy. A pod's owner can edit its annotations, so the record
 * carries an HMAC-SHA256 of the pod's uid and every recorded field under a key only Stook holds
 * ({@link AdmissionKey}): a record the owner forged, edited, trimmed or copied from another pod does not open.
 * A record without executor holds signs exactly what records did before holds existed, so those still open.
 */
public final class AdmissionSeal {
    private static final String ALGORITHM = "HmacSHA256";
    private static final String FORMAT = "v1";
    /** The optional fields, in the order they are signed after the uid, queue and preemptibility. */
    private static final List<String> OPTIONAL = List.of(AdmissionRecord.HOLDS, AdmissionRecord.HOLD_RESOURCES,
            AdmissionRecord.HOLDS_UNTIL, AdmissionRecord.TOOK_HOLD_OF);

    private final CompletableFuture<SecretKeySpec> key;

    public AdmissionSeal(byte[] key) {
        this(CompletableFuture.completedFuture(key));
    }

    /**
     * A seal whose key is still being read at start-up; sealing and opening wait for it. The key is read once
     * the start-up checks have passed, and nothing seals or opens before then.
     */
    public AdmissionSeal(CompletableFuture<byte[]> key) {
        this.key = key.thenApply(bytes -> new SecretKeySpec(bytes.clone(), ALGORITHM));
    }

    /** The annotations that record the decision for the pod incarnation {@code uid}. */
    public Map<String, String> annotations(String uid, AdmissionRecord record) {
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put(AdmissionRecord.QUEUE, record.queue());
        annotations.put(AdmissionRecord.PREEMPTIBLE, String.valueOf(record.preemptible()));
        if (record.holds() != null) {
            annotations.put(AdmissionRecord.HOLDS, String.join(",", record.holds().nodes()));
            annotations.put(AdmissionRecord.HOLD_RESOURCES, HoldPods.describe(record.holds().perHold()));
            annotations.put(AdmissionRecord.HOLDS_UNTIL, Instant.ofEpochMilli(record.holds().untilMillis()).toString());
        }
        if (record.tookHoldOf() != null) {
            annotations.put(AdmissionRecord.TOOK_HOLD_OF, record.tookHoldOf());
        }
        annotations.put(AdmissionRecord.SEAL, seal(uid, annotations));
        return annotations;
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
        byte[] expected = seal(uid, annotations).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, seal.getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new AdmissionRecord(queue, Boolean.parseBoolean(preemptible), holds(annotations),
                    annotations.get(AdmissionRecord.TOOK_HOLD_OF)));
        } catch (IllegalArgumentException | DateTimeParseException unreadable) {
            // sealed by Stook, yet no longer readable (a resource no node offers now): no holds are rebuilt
            return Optional.of(new AdmissionRecord(queue, Boolean.parseBoolean(preemptible), null,
                    annotations.get(AdmissionRecord.TOOK_HOLD_OF)));
        }
    }

    private static HoldRecord holds(Map<String, String> annotations) {
        String nodes = annotations.get(AdmissionRecord.HOLDS);
        String resources = annotations.get(AdmissionRecord.HOLD_RESOURCES);
        String until = annotations.get(AdmissionRecord.HOLDS_UNTIL);
        if (nodes == null || resources == null || until == null) {
            return null;
        }
        Resources perHold = SparkAnnotations.parseRequests(AdmissionRecord.HOLD_RESOURCES, resources);
        return new HoldRecord(perHold, Arrays.asList(nodes.split(",")), Instant.parse(until).toEpochMilli());
    }

    /** Each field is length-prefixed, so no two different records share a text to sign. */
    private String seal(String uid, Map<String, String> annotations) {
        List<String> fields = new ArrayList<>(List.of(uid, annotations.get(AdmissionRecord.QUEUE),
                annotations.get(AdmissionRecord.PREEMPTIBLE)));
        for (String optional : OPTIONAL) {
            String value = annotations.get(optional);
            if (value != null) {
                fields.add(optional);
                fields.add(value);
            }
        }
        StringBuilder text = new StringBuilder(FORMAT);
        for (String field : fields) {
            text.append('\n').append(field.length()).append(':').append(field);
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key.join());
            byte[] digest = mac.doFinal(text.toString().getBytes(StandardCharsets.UTF_8));
            return FORMAT + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK provides " + ALGORITHM, e);
        }
    }
}
