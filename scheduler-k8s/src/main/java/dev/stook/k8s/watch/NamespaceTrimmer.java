package dev.stook.k8s.watch;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;

/** Keeps of a namespace only its identity and labels: queues may choose their submitters by the labels. */
final class NamespaceTrimmer {
    private NamespaceTrimmer() {
    }

    static Namespace trim(Namespace namespace) {
        return new NamespaceBuilder().withNewMetadata().withName(namespace.getMetadata().getName())
                .withLabels(namespace.getMetadata().getLabels()).withUid(namespace.getMetadata().getUid())
                .withResourceVersion(namespace.getMetadata().getResourceVersion()).endMetadata().build();
    }
}
