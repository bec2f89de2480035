package dev.stook.k8s.watch;

import io.fabric8.kubernetes.api.model.ObjectMeta;

import java.util.HashMap;
import java.util.Map;

/** Drops the parts of an object's metadata that only other clients read: managed fields and kubectl's last-applied copy. */
final class MetadataTrimmer {
    static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

    private MetadataTrimmer() {
    }

    static void trim(ObjectMeta metadata) {
        if (metadata == null) {
            return;
        }
        metadata.setManagedFields(null);
        Map<String, String> annotations = metadata.getAnnotations();
        if (annotations != null && annotations.containsKey(LAST_APPLIED)) {
            Map<String, String> kept = new HashMap<>(annotations);
            kept.remove(LAST_APPLIED);
            metadata.setAnnotations(kept);
        }
    }
}
