package dev.stook.k8s.watch;

/**
 * A PersistentVolumeClaim, PersistentVolume, StorageClass or CSINode: the objects kube-scheduler's volume filters
 * read.
 *
 * @param namespace the claim's namespace; empty for the others, which have none
 */
public record StorageKey(Kind kind, String namespace, String name) {
    public enum Kind { CLAIM, VOLUME, CLASS, CSI_NODE }

    public static StorageKey claim(String namespace, String name) {
        return new StorageKey(Kind.CLAIM, namespace, name);
    }

    public static StorageKey volume(String name) {
        return new StorageKey(Kind.VOLUME, "", name);
    }

    public static StorageKey storageClass(String name) {
        return new StorageKey(Kind.CLASS, "", name);
    }

    public static StorageKey csiNode(String name) {
        return new StorageKey(Kind.CSI_NODE, "", name);
    }

    /** The informer store's key of the object. */
    String storeKey() {
        return namespace.isEmpty() ? name : namespace + "/" + name;
    }
}
