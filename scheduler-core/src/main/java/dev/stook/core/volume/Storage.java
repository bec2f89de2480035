package dev.stook.core.volume;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The claims, volumes and storage classes the scheduler knows, and the volumes it has chosen for claims of
 * pods it assumed but has not bound yet (kube-scheduler's assume cache): such a volume is no longer free for
 * other claims. Immutable: a change makes a new one, so a snapshot keeps what it was taken with.
 */
public final class Storage {
    public static final Storage NONE = new Storage(Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

    private final Map<String, Claim> claims;
    private final Map<String, PersistentVolume> volumes;
    private final Map<String, StorageClass> classes;
    /** Claim key by volume name, for volumes chosen for assumed pods. */
    private final Map<String, String> reserved;
    /** Per node, how many volumes each CSI driver may attach there (its CSINode's allocatable counts). */
    private final Map<String, Map<String, Integer>> attachLimits;
    private volatile Map<String, List<PersistentVolume>> volumesByClass;

    private Storage(Map<String, Claim> claims, Map<String, PersistentVolume> volumes,
                    Map<String, StorageClass> classes, Map<String, String> reserved,
                    Map<String, Map<String, Integer>> attachLimits) {
        this.claims = claims;
        this.volumes = volumes;
        this.classes = classes;
        this.reserved = reserved;
        this.attachLimits = attachLimits;
    }

    public Claim claim(String namespace, String name) {
        return claims.get(Claim.key(namespace, name));
    }

    public PersistentVolume volume(String name) {
        return volumes.get(name);
    }

    public StorageClass storageClass(String name) {
        return classes.get(name);
    }

    /** The claim the volume is held for by an assumed pod, or null. */
    public String reservedFor(String volume) {
        return reserved.get(volume);
    }

    /** The claim as it is now; null once it is gone. This same object when nothing changes. */
    public Storage withClaim(String namespace, String name, Claim claim) {
        Map<String, Claim> changed = replaced(claims, Claim.key(namespace, name), claim);
        return changed == claims ? this : new Storage(changed, volumes, classes, reserved, attachLimits);
    }

    public Storage withVolume(String name, PersistentVolume volume) {
        Map<String, PersistentVolume> changed = replaced(volumes, name, volume);
        return changed == volumes ? this : new Storage(claims, changed, classes, reserved, attachLimits);
    }

    public Storage withClass(String name, StorageClass storageClass) {
        Map<String, StorageClass> changed = replaced(classes, name, storageClass);
        return changed == classes ? this : new Storage(claims, volumes, changed, reserved, attachLimits);
    }

    /** Holds the volume for the claim ({@code namespace/name}), or lets it go when the claim is null. */
    public Storage reserving(String volume, String claimKey) {
        Map<String, String> changed = replaced(reserved, volume, claimKey);
        return changed == reserved ? this : new Storage(claims, volumes, classes, changed, attachLimits);
    }

    /** How many volumes each CSI driver may attach to the node; empty when its CSINode sets no limit. */
    public Map<String, Integer> attachLimits(String node) {
        return attachLimits.getOrDefault(node, Map.of());
    }

    /** The node's attach limits by CSI driver as its CSINode says now; empty or null once it is gone. */
    public Storage withAttachLimits(String node, Map<String, Integer> limits) {
        Map<String, Map<String, Integer>> changed = replaced(attachLimits, node,
                limits == null || limits.isEmpty() ? null : Map.copyOf(limits));
        return changed == attachLimits ? this : new Storage(claims, volumes, classes, reserved, changed);
    }

    /** The volumes of a class, smallest first, then by name: the order kube-scheduler prefers them in. */
    List<PersistentVolume> volumesOfClass(String storageClass) {
        Map<String, List<PersistentVolume>> byClass = volumesByClass;
        if (byClass == null) {
            byClass = new HashMap<>();
            for (PersistentVolume volume : volumes.values()) {
                byClass.computeIfAbsent(volume.storageClass(), c -> new ArrayList<>()).add(volume);
            }
            for (List<PersistentVolume> ofClass : byClass.values()) {
                ofClass.sort(Comparator.comparingLong(PersistentVolume::capacityBytes)
                        .thenComparing(PersistentVolume::name));
            }
            volumesByClass = byClass;
        }
        return byClass.getOrDefault(storageClass, List.of());
    }

    private static <V> Map<String, V> replaced(Map<String, V> map, String key, V value) {
        if (value == null ? !map.containsKey(key) : value.equals(map.get(key))) {
            return map;
        }
        Map<String, V> changed = new HashMap<>(map);
        if (value == null) {
            changed.remove(key);
        } else {
            changed.put(key, value);
        }
        return Map.copyOf(changed);
    }
}
