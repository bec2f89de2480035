package dev.stook.k8s.testing;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Lease requests (coordination.k8s.io) of the clients a test cut off, answered 500 and not sent on, as when
 * a scheduler can no longer renew its lease while its other requests still reach the API server.
 */
final class LeasePartition {
    private static final Pattern LEASES = Pattern.compile("/apis/coordination\\.k8s\\.io/v1/(namespaces/[^/]+/)?leases(/.*)?");

    private final Set<String> cutOff = ConcurrentHashMap.newKeySet();

    static boolean isLeaseRequest(HttpHead request) {
        return LEASES.matcher(request.path()).matches();
    }

    void cutOff(String client) {
        cutOff.add(client);
    }

    /** True, and the request answered, if its client is cut off. */
    boolean refuse(Exchange exchange) throws IOException {
        String client = exchange.request.header("User-Agent");
        if (client == null || !cutOff.contains(client)) {
            return false;
        }
        exchange.answer(500, "InternalError", "injected lease partition", null);
        return true;
    }
}
