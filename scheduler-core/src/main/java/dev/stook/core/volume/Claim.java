package dev.stook.core.volume;

import dev.stook.core.model.LabelSelector;

import java.util.Objects;
import java.util.Set;

/**
 * A PersistentVolumeClaim as the scheduler reads it.
 *
 * @param storageClass the class it asks for; empty when it names none (it then binds only to volumes without
 *                     a class, and is never provisioned, so it is bound at once as under an Immediate class)
 * @param volumeName   the volume it is bound or pre-bound to ({@code spec.volumeName}), or null
 * @param requestBytes the storage it requests
 * @param selector     labels a volume must carry, or null
 * @param deleting     whether it has a deletion timestamp
 */
public record Claim(String namespace, String name, String uid, String storageClass, String volumeName,
                    Set<AccessMode> accessModes, long requestBytes, LabelSelector selector, boolean deleting) {
    public Claim {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        storageClass = storageClass == null ? "" : storageClass;
        volumeName = volumeName == null || volumeName.isEmpty() ? null : volumeName;
        accessModes = Set.copyOf(accessModes);
    }

    /** {@code namespace/name}: how storage and pods name a claim. */
    public String key() {
        return key(namespace, name);
    }

    public static String key(String namespace, String name) {
        return namespace + "/" + name;
    }

    /** Whether it names a volume: kube-scheduler then only checks that volume's node affinity. */
    public boolean bound() {
        return volumeName != null;
    }
}
