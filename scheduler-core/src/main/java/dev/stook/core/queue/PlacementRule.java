package dev.stook.core.queue;

/** Sends pods that name no queue, from namespaces matching the pattern (any when null), to a leaf queue. */
public record PlacementRule(NamespaceGlob namespace, String queue) {
    public boolean matches(String podNamespace) {
        return namespace == null || namespace.matches(podNamespace);
    }
}
