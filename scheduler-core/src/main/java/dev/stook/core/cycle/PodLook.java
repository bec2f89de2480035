package dev.stook.core.cycle;

import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.model.LabelSelector;
import dev.stook.core.model.Pod;
import dev.stook.core.model.SchedulingSignature;
import dev.stook.core.model.SpreadConstraint;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What makes pods interchangeable for placement once other pods' affinity terms and their own spread and
 * affinity selectors are in play: their signature, their namespace, the labels those selectors read and, for
 * a pod without spread constraints of its own, the selector of its default ones (null when it has none).
 * Pods that differ only in other labels (an index, a pod name) still share an equivalence class, and a pod
 * with no rules of its own that no placed pod's term can match keeps the class of its signature alone.
 */
record PodLook(SchedulingSignature signature, String namespace, Map<String, String> labels,
               LabelSelector defaultSpread) {

    /** The key of the pod's equivalence class: the signature alone while no selector can tell pods apart. */
    static Object classKey(Pod pod, ScratchCluster scratch) {
        LabelSelector defaultSpread = pod.constraints().spread().isEmpty()
                ? scratch.snapshot().workloads().selectorFor(pod) : null;
        boolean ownSelectors = pod.constraints().placesRelativeToPods() || defaultSpread != null;
        if (!ownSelectors && !scratch.mayHoldPodsWithAffinity()) {
            return pod.signature();
        }
        Set<String> keys = scratch.affinityLabelKeys();
        if (ownSelectors) {
            keys = new HashSet<>(keys);
            keys.addAll(pod.constraints().podAffinity().selectorKeys());
            for (SpreadConstraint constraint : pod.constraints().spread()) {
                keys.addAll(constraint.selector().keys());
            }
            if (defaultSpread != null) {
                keys.addAll(defaultSpread.keys());
            }
        }
        Map<String, String> read = new HashMap<>();
        for (String key : keys) {
            String value = pod.labels().get(key);
            if (value != null) {
                read.put(key, value);
            }
        }
        if (!ownSelectors && read.isEmpty() && !scratch.affinityMayMatchUnlabelledPods()) {
            return pod.signature();
        }
        return new PodLook(pod.signature(), pod.id().namespace(), read, defaultSpread);
    }
}
