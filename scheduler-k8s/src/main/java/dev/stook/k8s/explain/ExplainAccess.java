package dev.stook.k8s.explain;

import dev.stook.k8s.auth.AccessRequest;
import dev.stook.k8s.auth.AccessRule;

/**
 * {@code /explain/{namespace}/{pod}} tells what the pod asks for and where it may run: it is for callers who
 * may {@code get} that pod. A path that names no pod needs its own non-resource URL, so only a cluster admin
 * learns that it is malformed.
 */
public final class ExplainAccess implements AccessRule {
    @Override
    public AccessRequest requestFor(String method, String path) {
        String[] parts = path.startsWith(ExplainHandler.PATH)
                ? path.substring(ExplainHandler.PATH.length()).split("/", -1) : new String[0];
        if (parts.length == 2 && !parts[0].isEmpty() && !parts[1].isEmpty()) {
            return new AccessRequest.PodRead(parts[0], parts[1]);
        }
        return NON_RESOURCE_URL.requestFor(method, path);
    }
}
