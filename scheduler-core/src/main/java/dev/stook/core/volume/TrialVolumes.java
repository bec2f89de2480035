package dev.stook.core.volume;

import dev.stook.core.model.Pod;
import dev.stook.core.model.PodId;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The volumes taken by pods placed in a scratch copy but not yet assumed in the cluster state: each placed
 * pod whose claims wait for a volume takes the ones {@link VolumeNeeds#choose} finds on its node, in the order
 * pods were placed, which is the order the cluster state assumes them in. So two members of a gang never
 * count on the same volume.
 */
public final class TrialVolumes {
    private final Storage storage;
    private final Map<PodId, List<VolumeNeeds.Choice>> byPod = new HashMap<>();
    /** The claim ({@code namespace/name}) each taken volume was taken for. */
    private final Map<String, String> taken = new HashMap<>();
    /** How many placed pods (sharing its claim) took each volume. */
    private final Map<String, Integer> takers = new HashMap<>();

    public TrialVolumes(Storage storage) {
        this.storage = storage;
    }

    /**
     * Takes in a pod placed on ({@code placed}) or taken off a node with these labels; true when the volumes
     * taken changed.
     */
    public boolean follow(Pod pod, Map<String, String> nodeLabels, boolean placed) {
        if (pod.claims().isEmpty()) {
            return false;
        }
        if (!placed) {
            List<VolumeNeeds.Choice> choices = byPod.remove(pod.id());
            if (choices == null) {
                return false;
            }
            for (VolumeNeeds.Choice choice : choices) {
                if (takers.merge(choice.volume(), -1, Integer::sum) == 0) {
                    takers.remove(choice.volume());
                    taken.remove(choice.volume());
                }
            }
            return !choices.isEmpty();
        }
        VolumeNeeds needs = VolumeNeeds.of(pod.id().namespace(), pod.claims(), storage);
        if (!needs.bindsVolumes()) {
            return false;
        }
        List<VolumeNeeds.Choice> choices = needs.choose(nodeLabels, storage, taken);
        if (choices == null) {
            return false;
        }
        List<VolumeNeeds.Choice> chosen = choices.stream().filter(choice -> choice.volume() != null).toList();
        for (VolumeNeeds.Choice choice : chosen) {
            taken.putIfAbsent(choice.volume(), choice.claim().key());
            takers.merge(choice.volume(), 1, Integer::sum);
        }
        byPod.put(pod.id(), chosen);
        return !chosen.isEmpty();
    }

    /** The volumes taken so far, each with the claim it was taken for. */
    public Map<String, String> taken() {
        return taken;
    }
}
