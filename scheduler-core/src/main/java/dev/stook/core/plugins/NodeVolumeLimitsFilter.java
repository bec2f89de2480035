package dev.stook.core.plugins;

import dev.stook.core.cluster.NodeSlot;
import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.model.Pod;
import dev.stook.core.volume.Claim;
import dev.stook.core.volume.PersistentVolume;
import dev.stook.core.volume.Storage;
import dev.stook.core.volume.StorageClass;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * kube-scheduler's NodeVolumeLimits filter for CSI volumes: a node whose CSINode limits how many volumes a
 * driver may attach takes the pod only if the pod's volumes of that driver not attached there yet fit beside
 * those of the pods on it (trial placements included). A bound claim counts as its volume's driver and handle,
 * an unbound claim of a class as the class's provisioner, once per claim. Claims and limits change between
 * cycles, so it is prepared for each scratch copy; a placement changes only its own node's answer, which is
 * judged again as its usage moved.
 */
public final class NodeVolumeLimitsFilter implements FilterPlugin {
    private static final Set<Input> READS = Set.of(Input.NODE_USAGE, Input.OTHER_PODS);
    static final String REASON = "node(s) exceed max volume count";

    @Override
    public String name() {
        return "NodeVolumeLimits";
    }

    @Override
    public Set<Input> reads() {
        return READS;
    }

    @Override
    public PreparedFilter prepare(Pod pod, ScratchCluster cluster) {
        if (pod.claims().isEmpty()) {
            return PreparedFilter.NEVER_FOR_CLASS;
        }
        Storage storage = cluster.snapshot().storage();
        return new Prepared(storage, attachments(pod, storage));
    }

    /** The pod's CSI volumes by driver, each a set of handles. */
    private static Map<String, Set<String>> attachments(Pod pod, Storage storage) {
        Map<String, Set<String>> byDriver = new HashMap<>();
        for (String name : pod.claims()) {
            Claim claim = storage.claim(pod.id().namespace(), name);
            if (claim == null) {
                continue;
            }
            if (claim.bound()) {
                PersistentVolume volume = storage.volume(claim.volumeName());
                if (volume != null && volume.csiDriver() != null) {
                    byDriver.computeIfAbsent(volume.csiDriver(), d -> new HashSet<>()).add(volume.volumeHandle());
                }
            } else {
                StorageClass storageClass = storage.storageClass(claim.storageClass());
                if (storageClass != null && !StorageClass.NO_PROVISIONER.equals(storageClass.provisioner())) {
                    byDriver.computeIfAbsent(storageClass.provisioner(), d -> new HashSet<>()).add(claim.key());
                }
            }
        }
        return byDriver;
    }

    private record Prepared(Storage storage, Map<String, Set<String>> wanted) implements PreparedFilter, FollowsPods {
        @Override
        public String reject(Pod pod, NodeSlot node) {
            Map<String, Integer> limits = storage.attachLimits(node.node().name());
            if (limits.isEmpty()) {
                return null;
            }
            Map<String, Set<String>> attached = null;
            for (Map.Entry<String, Set<String>> want : wanted.entrySet()) {
                Integer limit = limits.get(want.getKey());
                if (limit == null) {
                    continue;
                }
                if (attached == null) {
                    attached = attachedOn(node);
                }
                Set<String> all = new HashSet<>(attached.getOrDefault(want.getKey(), Set.of()));
                all.addAll(want.getValue());
                if (all.size() > limit) {
                    return REASON;
                }
            }
            return null;
        }

        private Map<String, Set<String>> attachedOn(NodeSlot node) {
            Map<String, Set<String>> attached = new HashMap<>();
            for (Pod placed : node.pods()) {
                attachments(placed, storage).forEach((driver, handles) ->
                        attached.computeIfAbsent(driver, d -> new HashSet<>()).addAll(handles));
            }
            return attached;
        }

        @Override
        public Reach follow(Pod pod, int node, boolean placed) {
            return Reach.NOWHERE;
        }

        @Override
        public boolean neutral() {
            return wanted.isEmpty();
        }
    }
}
