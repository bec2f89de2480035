package dev.stook.k8s.evict;

import io.fabric8.kubernetes.api.model.Pod;

/**
 * A victim to evict, as the informer cache showed it when the decision was taken (its uid pins the
 * incarnation), with the decision's short reason and the message naming the winner and its queue.
 */
public record Eviction(Pod victim, String reason, String message) {
    public String uid() {
        return victim.getMetadata().getUid();
    }

    @Override
    public String toString() {
        return victim.getMetadata().getNamespace() + "/" + victim.getMetadata().getName();
    }
}
