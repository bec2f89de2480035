package dev.stook.k8s.preflight;

import dev.stook.core.model.InputText;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.io.IOException;
import java.net.HttpURLConnection;

/** Asks the API server for its version: the cheapest request that shows it can be reached and takes the credentials. */
final class ApiServerReachability {
    private static final int MESSAGE_LENGTH = 200;

    private ApiServerReachability() {
    }

    static void check(KubernetesClient client) {
        String server = client.getMasterUrl().toString();
        try {
            client.getKubernetesVersion();
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_UNAUTHORIZED) {
                throw new SetupProblem("the API server at " + server + " does not accept the credentials (401"
                        + " Unauthorized): renew the token or client certificate in the kubeconfig");
            }
            if (e.getCode() > 0) {
                throw new SetupProblem("the API server at " + server + " answered " + e.getCode() + " to GET /version"
                        + ": check that the kubeconfig's server address is the API server's");
            }
            throw new SetupProblem("cannot reach the API server at " + server + " (" + cause(e) + "): check the"
                    + " server address in the kubeconfig and that the cluster is running");
        }
    }

    /**
     * The network failure under the client's wrapping: the first specific {@link IOException} in the chain
     * (connection refused, unknown host, TLS handshake, timeout), else the innermost cause.
     */
    private static String cause(Throwable error) {
        Throwable cause = error;
        while (!(cause instanceof IOException && cause.getClass() != IOException.class)
                && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName()
                + (message == null || message.isBlank() ? "" : ": " + InputText.escape(message.strip(), MESSAGE_LENGTH));
    }
}
