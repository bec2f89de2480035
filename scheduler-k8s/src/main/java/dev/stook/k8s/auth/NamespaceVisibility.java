package dev.stook.k8s.auth;

import com.sun.net.httpserver.HttpExchange;

import java.util.Set;

/** Which namespaces' pods the sender of a request may see. */
@FunctionalInterface
public interface NamespaceVisibility {
    /** Everything: for a simulation, which has no callers to tell apart. */
    NamespaceVisibility ALL = (exchange, namespaces) -> namespaces;

    /** The namespaces among {@code namespaces} whose pods the request's sender may see. */
    Set<String> visible(HttpExchange exchange, Set<String> namespaces);
}
