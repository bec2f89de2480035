package dev.stook.k8s.preflight;

import dev.stook.core.model.InputText;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.RequestConfigBuilder;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@code stook run} checks before it acts, so a first run that cannot work stops at once with one
 * line saying what to do instead of retrying forever: the API server answers and takes the credentials,
 * the identity holds every permission Stook uses, Stook's namespace exists and the queue ConfigMap is not
 * in another one.
 */
public final class Preflight {
    /** Few retries: an API server that does not answer now is reported rather than waited for. */
    private static final int RETRIES = 1;
    private static final int MESSAGE_LENGTH = 200;

    private Preflight() {
    }

    /**
     * @param watchesWorkloads whether Stook will watch the objects default spread constraints read
     * @throws SetupProblem naming the first problem found
     */
    public static void check(Config clientConfig, String namespace, String queueConfigMap, boolean watchesWorkloads) {
        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(clientConfig).build()) {
            check(client, namespace, queueConfigMap, watchesWorkloads);
        }
    }

    /**
     * The checks over the connections of a client Stook goes on using: a fresh JVM then sets up one TLS
     * connection, not two.
     *
     * @param watchesWorkloads whether Stook will watch the objects default spread constraints read
     * @throws SetupProblem naming the first problem found
     */
    public static void check(KubernetesClient shared, String namespace, String queueConfigMap,
                             boolean watchesWorkloads) {
        KubernetesClient client = shared.newClient(new RequestConfigBuilder(shared.getConfiguration().getRequestConfig())
                .withRequestRetryBackoffLimit(RETRIES).build()).adapt(KubernetesClient.class);
        try {
            ApiServerReachability.check(client);
            List<Permission> missing = PermissionCheck.missing(client, RequiredPermissions.in(namespace, watchesWorkloads));
            if (!missing.isEmpty()) {
                throw new SetupProblem("missing RBAC permission" + (missing.size() == 1 ? "" : "s") + ": this identity"
                        + " may not " + missing.stream().map(Permission::describe).collect(Collectors.joining(", "))
                        + "; grant what deploy/scheduler/rbac.yaml grants (kubectl apply -k deploy/)");
            }
            StookNamespaceCheck.check(client, namespace, queueConfigMap);
        } catch (KubernetesClientException e) {
            throw new SetupProblem("the API server refused a start-up check (" + e.getCode() + "): "
                    + InputText.escape(String.valueOf(e.getMessage()), MESSAGE_LENGTH));
        }
    }
}
