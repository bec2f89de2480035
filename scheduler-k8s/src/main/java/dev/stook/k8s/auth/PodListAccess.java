package dev.stook.k8s.auth;

import com.sun.net.httpserver.HttpExchange;

import java.util.Set;
import java.util.TreeSet;

/**
 * A caller sees the pods of the namespaces where the API server allows them to {@code list} pods, as
 * {@code kubectl get pods} would show them. One SubjectAccessReview per namespace, remembered by the
 * {@link AccessReviewer} as every other answer is.
 */
public final class PodListAccess implements NamespaceVisibility {
    private final AccessReviewer access;

    public PodListAccess(AccessReviewer access) {
        this.access = access;
    }

    /** @throws ReviewUnavailable when the API server cannot be asked */
    @Override
    public Set<String> visible(HttpExchange exchange, Set<String> namespaces) {
        Caller caller = ReviewedHandler.callerOf(exchange);
        Set<String> visible = new TreeSet<>();
        for (String namespace : namespaces) {
            if (access.allows(caller, new AccessRequest.PodList(namespace))) {
                visible.add(namespace);
            }
        }
        return visible;
    }
}
