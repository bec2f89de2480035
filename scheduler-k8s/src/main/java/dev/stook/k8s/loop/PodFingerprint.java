package dev.stook.k8s.loop;

import dev.stook.k8s.translate.GangSources;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;

import java.util.List;
import java.util.Map;

/**
 * What of a pending pod the scheduler reads (its controller among its owners: gangs and default spread
 * constraints follow it; what the object declaring its gang says), and which incarnation of its name it is. Updates that leave it
 * unchanged (status and condition writes, Stook's own included) do not resubmit the pod, which would reset
 * its place and its wait clock; a pod recreated under the same name is a new pod.
 */
record PodFingerprint(String uid, PodSpec spec, Map<String, String> labels, Map<String, String> annotations,
                      List<OwnerReference> owners, GangSources.Lookup gangSource) {
    static PodFingerprint of(Pod pod, GangSources.Lookup gangSource) {
        return new PodFingerprint(pod.getMetadata().getUid(), pod.getSpec(), pod.getMetadata().getLabels(),
                pod.getMetadata().getAnnotations(), pod.getMetadata().getOwnerReferences(), gangSource);
    }
}
