package dev.stook.k8s.bind;

import dev.stook.core.model.PodId;
import dev.stook.core.volume.VolumeNeeds;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The volumes to bind before the pods of one decision (a gang's members, or a lone pod) are bound, as
 * kube-scheduler's PreBind binds them: all of them first, then the pods. Shared by the pods' binding requests;
 * the first request to reach it binds them all, the others wait for its outcome.
 */
public final class VolumeBatch {
    /** One pod's share: its node and the volumes chosen for its claims there. */
    record PodVolumes(String nodeName, List<VolumeNeeds.Choice> choices) {}

    private final Map<PodId, PodVolumes> pods = new LinkedHashMap<>();
    private final String unavailable;
    private boolean done;
    private String outcome;

    private VolumeBatch(String unavailable) {
        this.unavailable = unavailable;
    }

    public static VolumeBatch empty() {
        return new VolumeBatch(null);
    }

    /** A batch that fails at once: the volumes the pod needs could not be chosen when it was assumed. */
    public static VolumeBatch unavailable(String reason) {
        return new VolumeBatch(reason);
    }

    public void add(PodId pod, String nodeName, List<VolumeNeeds.Choice> choices) {
        pods.put(pod, new PodVolumes(nodeName, List.copyOf(choices)));
    }

    Map<PodId, PodVolumes> pods() {
        return pods;
    }

    /** Binds the volumes once, whoever asks first; null when every claim is bound, otherwise why not. */
    synchronized String bindOnce(VolumeBinder binder) {
        if (!done) {
            outcome = unavailable != null ? unavailable : binder.bind(this);
            done = true;
        }
        return outcome;
    }
}
