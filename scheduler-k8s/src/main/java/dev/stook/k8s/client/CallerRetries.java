package dev.stook.k8s.client;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.RequestConfig;
import io.fabric8.kubernetes.client.RequestConfigBuilder;

/**
 * A client over the same connections for requests whose caller retries them itself, on its own schedule: fabric8
 * would otherwise retry a 5xx or 429 answer with back-off for up to half a minute before the caller heard of it.
 * Closing the original client cuts these requests too.
 */
public final class CallerRetries {
    private CallerRetries() {
    }

    /** Requests with no retries and the client's own timeout. */
    public static KubernetesClient of(KubernetesClient client) {
        return of(client, Long.MAX_VALUE);
    }

    /** Requests with no retries, each given up after the timeout or the client's own, whichever is shorter. */
    public static KubernetesClient of(KubernetesClient client, long timeoutMillis) {
        RequestConfig requests = client.getConfiguration().getRequestConfig();
        Integer own = requests.getRequestTimeout();
        long timeout = Math.min(timeoutMillis, own != null && own > 0 ? own : Integer.MAX_VALUE);
        return client.newClient(new RequestConfigBuilder(requests).withRequestRetryBackoffLimit(0)
                .withRequestTimeout((int) timeout).build()).adapt(KubernetesClient.class);
    }
}
