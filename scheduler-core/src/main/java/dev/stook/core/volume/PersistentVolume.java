package dev.stook.core.volume;

import dev.stook.core.model.LabelSelector;
import dev.stook.core.model.NodeSelectorTerm;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A PersistentVolume as the scheduler reads it.
 *
 * @param storageClass      its class, empty for none
 * @param nodeAffinity      the nodes it can be reached from (terms ORed); empty: every node
 * @param affinityProblem   why its node affinity could not be read, or null: such a volume is reachable from
 *                          no node
 * @param claimRef          the claim it is bound or reserved to, {@code namespace/name}, or null
 * @param claimUid          that claim's uid when the reference names one, or null
 * @param available         whether its phase is {@code Available} (neither Bound, Released nor Failed)
 * @param labels            its labels, which claims' selectors and the legacy zone labels are read from
 * @param csiDriver         the CSI driver that attaches it, or null for a volume of another kind
 * @param volumeHandle      its handle with that driver: two volumes with one handle are one attachment
 */
public record PersistentVolume(String name, long capacityBytes, Set<AccessMode> accessModes, String storageClass,
                               List<NodeSelectorTerm> nodeAffinity, String affinityProblem, String claimRef,
                               String claimUid, boolean available, Map<String, String> labels, String csiDriver,
                               String volumeHandle) {
    /** A volume no CSI driver attaches. */
    public PersistentVolume(String name, long capacityBytes, Set<AccessMode> accessModes, String storageClass,
                            List<NodeSelectorTerm> nodeAffinity, String affinityProblem, String claimRef,
                            String claimUid, boolean available, Map<String, String> labels) {
        this(name, capacityBytes, accessModes, storageClass, nodeAffinity, affinityProblem, claimRef, claimUid,
                available, labels, null, null);
    }

    public PersistentVolume {
        Objects.requireNonNull(name, "name");
        accessModes = Set.copyOf(accessModes);
        storageClass = storageClass == null ? "" : storageClass;
        nodeAffinity = List.copyOf(nodeAffinity);
        labels = Map.copyOf(labels);
    }

    /** Whether a pod on a node with these labels can use it, as kube's CheckNodeAffinity judges. */
    public boolean reachableFrom(Map<String, String> nodeLabels) {
        if (affinityProblem != null) {
            return false;
        }
        if (nodeAffinity.isEmpty()) {
            return true;
        }
        for (NodeSelectorTerm term : nodeAffinity) {
            if (term.matches(nodeLabels)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether it may be bound to the claim on a node with these labels, as kube's FindMatchingVolume judges:
     * the same class, free or reserved for this very claim, large enough, every access mode the claim asks,
     * the claim's selector, and reachable from the node.
     *
     * @param reservedFor the claim the volume is held for beyond its own claimRef (chosen for a pod), or null
     */
    boolean canServe(Claim claim, String reservedFor, Map<String, String> nodeLabels) {
        String holder = claimRef != null ? claimRef : reservedFor;
        if (holder != null) {
            if (!holder.equals(claim.key()) || (claimUid != null && !claimUid.equals(claim.uid()))) {
                return false;
            }
        } else if (!available) {
            return false;
        }
        LabelSelector selector = claim.selector();
        return storageClass.equals(claim.storageClass()) && capacityBytes >= claim.requestBytes()
                && accessModes.containsAll(claim.accessModes()) && (selector == null || selector.matches(labels))
                && reachableFrom(nodeLabels);
    }

    /**
     * Whether it is held for the claim, by its own claimRef (a pre-bound volume) or as chosen for another pod
     * using the same claim: then it is the claim's volume, chosen before any other.
     */
    boolean heldFor(Claim claim, String reservedFor) {
        return claimRef != null ? claim.key().equals(claimRef) && (claimUid == null || claimUid.equals(claim.uid()))
                : claim.key().equals(reservedFor);
    }
}
