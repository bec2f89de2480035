package dev.stook.k8s.translate;

import io.fabric8.kubernetes.api.model.PodSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * Scheduling fields of a pod spec that Stook does not honour yet. A pod carrying one is refused, with the
 * field named, rather than placed where it may never start or breaks its own rules: a pod left pending
 * with a reason is better than one bound in the wrong place.
 */
final class UnhonouredFields {
    private UnhonouredFields() {}

    static void refuse(PodSpec spec) {
        List<String> fields = new ArrayList<>();
        if (spec.getResourceClaims() != null && !spec.getResourceClaims().isEmpty()) {
            fields.add("spec.resourceClaims");
        }
        if (!fields.isEmpty()) {
            throw new IllegalArgumentException("Stook does not honour " + String.join(" or ", fields)
                    + " yet, so it leaves the pod pending rather than place it without; remove the field, or"
                    + " schedule the pod with kube-scheduler (spec.schedulerName: default-scheduler)");
        }
    }
}
