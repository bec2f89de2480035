package dev.stook.core.volume;

import dev.stook.core.model.NodeSelectorRequirement;
import dev.stook.core.model.NodeSelectorTerm;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Claims, volumes and classes for tests, with the fields most tests leave alone filled in. */
public final class Volumes {
    public static final long GI = 1L << 30;

    private Volumes() {
    }

    public static Claim claim(String name, String storageClass, long requestBytes) {
        return new Claim("default", name, "uid-" + name, storageClass, null, Set.of(AccessMode.READ_WRITE_ONCE),
                requestBytes, null, false);
    }

    public static Claim boundClaim(String name, String volume) {
        return new Claim("default", name, "uid-" + name, "local", volume, Set.of(AccessMode.READ_WRITE_ONCE),
                GI, null, false);
    }

    /** A free local volume reachable only from the named node (kubernetes.io/hostname). */
    public static PersistentVolume localVolume(String name, String node, long capacityBytes) {
        return new PersistentVolume(name, capacityBytes, Set.of(AccessMode.READ_WRITE_ONCE), "local",
                List.of(onHost(node)), null, null, null, true, Map.of());
    }

    public static NodeSelectorTerm onHost(String node) {
        return new NodeSelectorTerm(List.of(new NodeSelectorRequirement("kubernetes.io/hostname",
                NodeSelectorRequirement.Operator.IN, List.of(node))));
    }

    public static StorageClass waitingClass(String name, String provisioner, NodeSelectorTerm... allowed) {
        return new StorageClass(name, provisioner, true, List.of(allowed));
    }

    public static StorageClass immediateClass(String name) {
        return new StorageClass(name, "example.com/disks", false, List.of());
    }
}
