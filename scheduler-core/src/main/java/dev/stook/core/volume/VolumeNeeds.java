package dev.stook.core.volume;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a pod's claims need from a node, read as kube-scheduler's VolumeBinding PreFilter reads them: the
 * volumes of bound claims (whose node affinity must hold), the unbound claims of WaitForFirstConsumer classes
 * (a free matching volume must be reachable, or the class's provisioner must be able to provision there), or a
 * problem that keeps the pod off every node.
 */
public final class VolumeNeeds {
    public static final String UNBOUND_IMMEDIATE = "pod has unbound immediate PersistentVolumeClaims";
    public static final String MISSING_VOLUME = "node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)";
    public static final VolumeNeeds NONE = new VolumeNeeds(null, List.of(), List.of());

    private final String problem;
    private final List<PersistentVolume> boundVolumes;
    /** Unbound claims of WaitForFirstConsumer classes, smallest request first, as kube-scheduler binds them. */
    private final List<Delayed> delayed;

    /** An unbound claim and the class that delays its binding. */
    private record Delayed(Claim claim, StorageClass storageClass) {}

    /** One claim's volume on the chosen node: {@code volume} is null when the class's provisioner makes it there. */
    public record Choice(Claim claim, String volume) {}

    private VolumeNeeds(String problem, List<PersistentVolume> boundVolumes, List<Delayed> delayed) {
        this.problem = problem;
        this.boundVolumes = boundVolumes;
        this.delayed = delayed;
    }

    /** The needs of a pod in the namespace using these claims, as the storage is now. */
    public static VolumeNeeds of(String namespace, List<String> claimNames, Storage storage) {
        if (claimNames.isEmpty()) {
            return NONE;
        }
        List<PersistentVolume> bound = new ArrayList<>();
        List<Delayed> delayed = new ArrayList<>();
        boolean immediate = false;
        for (String name : claimNames) {
            Claim claim = storage.claim(namespace, name);
            if (claim == null) {
                return problem("persistentvolumeclaim \"" + name + "\" not found");
            }
            if (claim.deleting()) {
                return problem("persistentvolumeclaim \"" + name + "\" is being deleted");
            }
            if (claim.bound()) {
                PersistentVolume volume = storage.volume(claim.volumeName());
                if (volume == null) {
                    return problem(MISSING_VOLUME);
                }
                if (volume.affinityProblem() != null) {
                    return problem("persistentvolume \"" + volume.name() + "\" of persistentvolumeclaim \"" + name
                            + "\" has unusable node affinity: " + volume.affinityProblem());
                }
                bound.add(volume);
                continue;
            }
            if (claim.storageClass().isEmpty()) {
                immediate = true;
                continue;
            }
            StorageClass storageClass = storage.storageClass(claim.storageClass());
            if (storageClass == null) {
                return problem("storageclass.storage.k8s.io \"" + claim.storageClass() + "\" not found");
            }
            if (storageClass.waitForFirstConsumer()) {
                delayed.add(new Delayed(claim, storageClass));
            } else {
                immediate = true;
            }
        }
        if (immediate) {
            return problem(UNBOUND_IMMEDIATE);
        }
        delayed.sort(Comparator.comparingLong(d -> d.claim().requestBytes()));
        return new VolumeNeeds(null, List.copyOf(bound), List.copyOf(delayed));
    }

    private static VolumeNeeds problem(String reason) {
        return new VolumeNeeds(reason, List.of(), List.of());
    }

    /** Why the pod fits no node whatever the node, or null. */
    public String problem() {
        return problem;
    }

    public boolean none() {
        return problem == null && boundVolumes.isEmpty() && delayed.isEmpty();
    }

    /** Whether some claim still waits for the scheduler to choose its volume. */
    public boolean bindsVolumes() {
        return !delayed.isEmpty();
    }

    public List<PersistentVolume> boundVolumes() {
        return boundVolumes;
    }

    /** Whether every bound claim's volume is reachable from a node with these labels. */
    public boolean boundVolumesReachable(Map<String, String> nodeLabels) {
        for (PersistentVolume volume : boundVolumes) {
            if (!volume.reachableFrom(nodeLabels)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A volume for every unbound claim on a node with these labels, as kube-scheduler's binder finds them: for
     * each claim, smallest first, the volume pre-bound to it, or else the smallest free matching volume not
     * already taken, or else provisioning if the class allows it there. Null when some claim can have none.
     *
     * @param taken volumes chosen for pods not yet visible in the storage, each with the claim it was chosen
     *              for: free for no other claim, and the one volume of that claim (pods may share a claim)
     */
    public List<Choice> choose(Map<String, String> nodeLabels, Storage storage, Map<String, String> taken) {
        if (problem != null) {
            return null;
        }
        List<Choice> choices = new ArrayList<>(delayed.size());
        Set<String> chosenHere = new HashSet<>();
        for (Delayed need : delayed) {
            PersistentVolume found = null;
            for (PersistentVolume volume : storage.volumesOfClass(need.claim().storageClass())) {
                String holder = taken.get(volume.name());
                if (holder == null) {
                    holder = storage.reservedFor(volume.name());
                }
                if (chosenHere.contains(volume.name()) || !volume.canServe(need.claim(), holder, nodeLabels)) {
                    continue;
                }
                if (volume.heldFor(need.claim(), holder)) {
                    found = volume;
                    break;
                }
                if (found == null) {
                    found = volume;
                }
            }
            if (found != null) {
                chosenHere.add(found.name());
                choices.add(new Choice(need.claim(), found.name()));
            } else if (need.storageClass().mayProvisionFor(nodeLabels)) {
                choices.add(new Choice(need.claim(), null));
            } else {
                return null;
            }
        }
        return choices;
    }
}
