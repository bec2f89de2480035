package dev.stook.k8s.loop;

import dev.stook.core.model.PodId;
import dev.stook.k8s.translate.GangObjectKey;
import dev.stook.k8s.translate.GangObjectKind;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which pending pods name which object that declares gangs (a PodGroup, a Job), so that a change of the object
 * looks again at exactly those pods, not at every pending pod.
 */
final class GangReferences {
    private final Map<GangObjectKey, Set<PodId>> byObject = new HashMap<>();
    private final Map<PodId, GangObjectKey> byPod = new HashMap<>();

    /** The pod now names the object, or none (null). */
    void track(PodId pod, GangObjectKey object) {
        GangObjectKey before = object == null ? byPod.remove(pod) : byPod.put(pod, object);
        if (before != null && !before.equals(object)) {
            Set<PodId> pods = byObject.get(before);
            pods.remove(pod);
            if (pods.isEmpty()) {
                byObject.remove(before);
            }
        }
        if (object != null) {
            byObject.computeIfAbsent(object, key -> new LinkedHashSet<>()).add(pod);
        }
    }

    void forget(PodId pod) {
        track(pod, null);
    }

    List<PodId> naming(GangObjectKey object) {
        return List.copyOf(byObject.getOrDefault(object, Set.of()));
    }

    List<PodId> naming(GangObjectKind kind) {
        return byPod.entrySet().stream().filter(entry -> entry.getValue().kind() == kind).map(Map.Entry::getKey)
                .toList();
    }
}
