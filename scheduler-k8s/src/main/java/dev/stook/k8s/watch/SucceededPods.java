package dev.stook.k8s.watch;

import dev.stook.core.model.PodId;
import io.fabric8.kubernetes.api.model.Pod;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Pods last seen in phase Succeeded on a node. The pod informer's field selector drops them (they come
 * as deletions), yet the scheduling loop, which handles the change a moment later, learns data locality
 * from them. Bounded: only the most recent ones are kept.
 */
final class SucceededPods {
    private static final int MAX_REMEMBERED = 10_000;

    private final Map<PodId, Boolean> recent = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<PodId, Boolean> eldest) {
            return size() > MAX_REMEMBERED;
        }
    };

    synchronized void seen(PodId id, Pod pod) {
        boolean onNode = pod.getSpec() != null && pod.getSpec().getNodeName() != null && !pod.getSpec().getNodeName().isEmpty();
        if (onNode && pod.getStatus() != null && "Succeeded".equals(pod.getStatus().getPhase())) {
            recent.put(id, Boolean.TRUE);
        }
    }

    synchronized boolean contains(PodId id) {
        return recent.containsKey(id);
    }
}
