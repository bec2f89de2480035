package dev.stook.k8s.preflight;

/**
 * One thing {@code stook run} must be allowed to do, as RBAC names it. {@code namespace} is null for a
 * permission needed in every namespace.
 */
public record Permission(String verb, String group, String resource, String subresource, String namespace) {
    /**
     * As a person would grant it: {@code create pods/binding (all namespaces)},
     * {@code patch leases.coordination.k8s.io in namespace stook-system}.
     */
    public String describe() {
        String name = resource + (group.isEmpty() ? "" : "." + group)
                + (subresource.isEmpty() ? "" : "/" + subresource);
        return verb + " " + name + (namespace == null ? " (all namespaces)" : " in namespace " + namespace);
    }
}
