package dev.stook.k8s.preflight;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.net.HttpURLConnection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Stook's namespace must exist (its Lease lives there), and a queue ConfigMap made in another namespace
 * is a mistake to point out rather than to run without. Each of these needs more than Stook's own RBAC to
 * see (namespaces; ConfigMaps everywhere): an identity that may not look is not checked, and a missing
 * ConfigMap is no error (Stook then runs one default queue).
 */
final class StookNamespaceCheck {
    private StookNamespaceCheck() {
    }

    static void check(KubernetesClient client, String namespace, String configMapName) {
        if (readable(() -> client.namespaces().withName(namespace).get() == null).orElse(false)) {
            throw new SetupProblem("namespace " + namespace + " does not exist: create it (kubectl create namespace "
                    + namespace + "), or set namespace: in the --config file to the one Stook should use");
        }
        if (client.configMaps().inNamespace(namespace).withName(configMapName).get() != null) {
            return;
        }
        List<String> elsewhere = readable(() -> client.configMaps().inAnyNamespace()
                .withField("metadata.name", configMapName).list().getItems().stream()
                .map(ConfigMap::getMetadata).map(ObjectMeta::getNamespace).sorted().toList()).orElse(List.of());
        if (!elsewhere.isEmpty()) {
            throw new SetupProblem("queue ConfigMap " + configMapName + " is in namespace "
                    + String.join(", ", elsewhere) + ", but Stook reads it from namespace " + namespace + ": move it there, or set namespace: "
                    + elsewhere.get(0) + " in the --config file");
        }
    }

    /** The answer, or empty if this identity may not ask. */
    private static <T> Optional<T> readable(Supplier<T> request) {
        try {
            return Optional.of(request.get());
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_FORBIDDEN) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
