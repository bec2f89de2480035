package dev.stook.k8s.auth;

import java.util.Locale;

/** Which permission a request to one path needs. */
@FunctionalInterface
public interface AccessRule {
    /** The path's own non-resource URL with the request's method: how kube-scheduler guards {@code /metrics}. */
    AccessRule NON_RESOURCE_URL = (method, path) -> new AccessRequest.NonResource(path, method.toLowerCase(Locale.ROOT));

    /** Any caller the API server authenticates; the handler itself decides what each may see. */
    AccessRule AUTHENTICATED = (method, path) -> new AccessRequest.Authenticated();

    AccessRequest requestFor(String method, String path);
}
