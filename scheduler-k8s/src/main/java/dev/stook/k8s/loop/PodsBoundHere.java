package dev.stook.k8s.loop;

import dev.stook.core.model.PodId;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The pods this instance bound, by uid, until their success has taught learned locality. Only their success
 * teaches it: anyone allowed to create pods can create one already on a node (spec.nodeName) that names Stook
 * as its scheduler and claims any chunks, and another scheduler's pods are not Stook's to trust. Pods bound
 * before a failover do not count either: the new leader starts with an empty learned cache anyway.
 *
 * <p>The pod watch shows a pod that succeeded as deleted, and the watch of succeeded pods may tell of it
 * before or after: a pod that ended is remembered (the most recent ones only) until its success is seen.
 */
final class PodsBoundHere {
    private static final int MAX_ENDED = 10_000;

    private final Map<PodId, String> running = new HashMap<>();
    private final Set<String> ended = new LinkedHashSet<>();

    void bound(PodId id, String uid) {
        running.put(id, uid);
    }

    /** A bound pod the watch shows: one with another uid under the name is not the pod this instance bound. */
    void seen(PodId id, String uid) {
        running.computeIfPresent(id, (key, bound) -> bound.equals(uid) ? bound : null);
    }

    /**
     * The pod ended or is gone. {@code uid} is the ended pod's, or null when only its name is known (the
     * watch showed its deletion).
     */
    void ended(PodId id, String uid) {
        String bound = running.remove(id);
        if (bound != null && (uid == null || bound.equals(uid))) {
            ended.add(bound);
            if (ended.size() > MAX_ENDED) {
                ended.remove(ended.iterator().next());
            }
        }
    }

    /** True, once, for a pod this instance bound that succeeded: it may teach where its data is. */
    boolean succeeded(PodId id, String uid) {
        if (uid.equals(running.get(id))) {
            running.remove(id);
            return true;
        }
        return ended.remove(uid);
    }
}
