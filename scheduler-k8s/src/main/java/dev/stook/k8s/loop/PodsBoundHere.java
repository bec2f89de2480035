package dev.stook.k8s.loop;

import dev.stook.core.model.PodId;

import java.util.HashMap;
import java.util.Map;

/**
 * The pods this instance bound, by uid, until they end. Only their success teaches learned locality: anyone
 * allowed to create pods can create one already on a node (spec.nodeName) that names Stook as its scheduler
 * and claims any chunks, and another scheduler's pods are not Stook's to trust. Pods bound before a
 * failover do not count either: the new leader starts with an empty learned cache anyway.
 */
final class PodsBoundHere {
    private final Map<PodId, String> uids = new HashMap<>();

    void bound(PodId id, String uid) {
        uids.put(id, uid);
    }

    /** A bound pod the watch shows: one with another uid under the name is not the pod this instance bound. */
    void seen(PodId id, String uid) {
        uids.computeIfPresent(id, (key, bound) -> bound.equals(uid) ? bound : null);
    }

    /**
     * The pod ended or is gone: true if this instance bound it. {@code uid} is the ended pod's, or null
     * when only its name is known (the watch showed its deletion).
     */
    boolean ended(PodId id, String uid) {
        String bound = uids.remove(id);
        return bound != null && (uid == null || bound.equals(uid));
    }
}
