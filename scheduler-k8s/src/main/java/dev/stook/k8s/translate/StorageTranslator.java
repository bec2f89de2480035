package dev.stook.k8s.translate;

import dev.stook.core.model.LabelSelector;
import dev.stook.core.model.NodeSelectorTerm;
import dev.stook.core.model.Quantity;
import dev.stook.core.volume.AccessMode;
import dev.stook.core.volume.Claim;
import dev.stook.core.volume.PersistentVolume;
import dev.stook.core.volume.StorageClass;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimSpec;
import io.fabric8.kubernetes.api.model.PersistentVolumeSpec;
import io.fabric8.kubernetes.api.model.TopologySelectorLabelRequirement;
import io.fabric8.kubernetes.api.model.TopologySelectorTerm;
import io.fabric8.kubernetes.api.model.VolumeNodeAffinity;
import io.fabric8.kubernetes.api.model.storage.CSINode;
import io.fabric8.kubernetes.api.model.storage.CSINodeDriver;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PersistentVolumeClaims, PersistentVolumes, StorageClasses and CSINodes to the core model, in one place. A part the
 * scheduler cannot read is never fatal: a volume whose node affinity is malformed is reachable from no node and
 * says why, an unknown access mode or unreadable size makes a claim or volume match nothing it should not.
 */
public final class StorageTranslator {
    static final String WAIT_FOR_FIRST_CONSUMER = "WaitForFirstConsumer";

    private StorageTranslator() {
    }

    public static Claim claim(PersistentVolumeClaim claim) {
        PersistentVolumeClaimSpec spec = claim.getSpec();
        String storageClass = spec == null ? null : spec.getStorageClassName();
        String volumeName = spec == null ? null : spec.getVolumeName();
        Set<AccessMode> modes = spec == null ? Set.of() : accessModes(spec.getAccessModes());
        io.fabric8.kubernetes.api.model.Quantity requested = spec == null || spec.getResources() == null
                || spec.getResources().getRequests() == null ? null : spec.getResources().getRequests().get("storage");
        long request = requested == null ? 0 : bytes(requested, Long.MAX_VALUE);
        LabelSelector selector = null;
        if (spec != null && spec.getSelector() != null) {
            try {
                selector = LabelSelectors.of(spec.getSelector(), "spec.selector");
            } catch (IllegalArgumentException e) {
                selector = LabelSelector.NOTHING;
            }
        }
        return new Claim(claim.getMetadata().getNamespace(), claim.getMetadata().getName(),
                claim.getMetadata().getUid(), storageClass, volumeName, modes, request, selector,
                claim.getMetadata().getDeletionTimestamp() != null);
    }

    public static PersistentVolume volume(io.fabric8.kubernetes.api.model.PersistentVolume volume) {
        PersistentVolumeSpec spec = volume.getSpec();
        String name = volume.getMetadata().getName();
        Map<String, String> labels = volume.getMetadata().getLabels() == null ? Map.of()
                : volume.getMetadata().getLabels();
        if (spec == null) {
            return new PersistentVolume(name, 0, Set.of(), "", List.of(), "it has no spec", null, null, false, labels);
        }
        List<NodeSelectorTerm> affinity = List.of();
        String affinityProblem = null;
        try {
            affinity = nodeAffinity(spec.getNodeAffinity());
        } catch (IllegalArgumentException e) {
            affinityProblem = e.getMessage();
        }
        ObjectReference claimRef = spec.getClaimRef();
        String claim = claimRef == null || claimRef.getName() == null ? null
                : (claimRef.getNamespace() == null ? "" : claimRef.getNamespace()) + "/" + claimRef.getName();
        String claimUid = claimRef == null || claimRef.getUid() == null || claimRef.getUid().isEmpty() ? null
                : claimRef.getUid();
        io.fabric8.kubernetes.api.model.Quantity size = spec.getCapacity() == null ? null
                : spec.getCapacity().get("storage");
        long capacity = size == null ? 0 : bytes(size, 0);
        boolean available = volume.getStatus() != null && "Available".equals(volume.getStatus().getPhase());
        String csiDriver = spec.getCsi() == null ? null : spec.getCsi().getDriver();
        String handle = spec.getCsi() == null ? null : spec.getCsi().getVolumeHandle();
        return new PersistentVolume(name, capacity, accessModes(spec.getAccessModes()), spec.getStorageClassName(),
                affinity, affinityProblem, claim, claimUid, available, labels, csiDriver,
                handle == null ? name : handle);
    }

    public static StorageClass storageClass(io.fabric8.kubernetes.api.model.storage.StorageClass storageClass) {
        List<NodeSelectorTerm> allowed = new ArrayList<>();
        List<TopologySelectorTerm> terms = storageClass.getAllowedTopologies() == null ? List.of()
                : storageClass.getAllowedTopologies();
        for (TopologySelectorTerm term : terms) {
            List<dev.stook.core.model.NodeSelectorRequirement> requirements = new ArrayList<>();
            for (TopologySelectorLabelRequirement requirement : term.getMatchLabelExpressions() == null
                    ? List.<TopologySelectorLabelRequirement>of() : term.getMatchLabelExpressions()) {
                try {
                    requirements.add(new dev.stook.core.model.NodeSelectorRequirement(requirement.getKey(),
                            dev.stook.core.model.NodeSelectorRequirement.Operator.IN, requirement.getValues()));
                } catch (IllegalArgumentException e) {
                    requirements.clear();
                    break;
                }
            }
            // a malformed term (the API server validates them) matches no node rather than every node
            allowed.add(new NodeSelectorTerm(requirements));
        }
        return new StorageClass(storageClass.getMetadata().getName(), storageClass.getProvisioner(),
                WAIT_FOR_FIRST_CONSUMER.equals(storageClass.getVolumeBindingMode()), allowed);
    }

    /** How many volumes each CSI driver may attach to the CSINode's node; drivers without a count set no limit. */
    public static Map<String, Integer> attachLimits(CSINode csiNode) {
        Map<String, Integer> limits = new HashMap<>();
        List<CSINodeDriver> drivers = csiNode.getSpec() == null || csiNode.getSpec().getDrivers() == null ? List.of()
                : csiNode.getSpec().getDrivers();
        for (CSINodeDriver driver : drivers) {
            Integer count = driver.getAllocatable() == null ? null : driver.getAllocatable().getCount();
            if (driver.getName() != null && count != null && count >= 0) {
                limits.put(driver.getName(), count);
            }
        }
        return limits;
    }

    private static List<NodeSelectorTerm> nodeAffinity(VolumeNodeAffinity affinity) {
        if (affinity == null || affinity.getRequired() == null) {
            return List.of();
        }
        List<io.fabric8.kubernetes.api.model.NodeSelectorTerm> given = affinity.getRequired().getNodeSelectorTerms();
        if (given == null || given.isEmpty()) {
            throw new IllegalArgumentException("spec.nodeAffinity.required has no nodeSelectorTerms");
        }
        List<NodeSelectorTerm> terms = new ArrayList<>();
        for (int t = 0; t < given.size(); t++) {
            terms.add(PodTranslator.selectorTerm(given.get(t), "spec.nodeAffinity.required.nodeSelectorTerms[" + t + "]"));
        }
        return terms;
    }

    private static Set<AccessMode> accessModes(List<String> names) {
        Set<AccessMode> modes = EnumSet.noneOf(AccessMode.class);
        for (String name : names == null ? List.<String>of() : names) {
            AccessMode mode = AccessMode.parse(name);
            if (mode != null) {
                modes.add(mode);
            }
        }
        return modes;
    }

    /** The quantity in bytes, or the fallback when it cannot be read. */
    private static long bytes(io.fabric8.kubernetes.api.model.Quantity quantity, long unreadable) {
        try {
            BigDecimal value = Quantity.parse(quantity.getAmount() + (quantity.getFormat() == null ? ""
                    : quantity.getFormat()));
            return value.signum() < 0 ? unreadable : value.min(BigDecimal.valueOf(Long.MAX_VALUE)).longValue();
        } catch (IllegalArgumentException | ArithmeticException e) {
            return unreadable;
        }
    }
}
