package dev.stook.k8s.evict;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.util.HashMap;
import java.util.Map;

/**
 * Evicts one incarnation of a pod through the Eviction API ({@code POST pods/{name}/eviction}), so the API
 * server honours the pod's PodDisruptionBudget, with a uid precondition and the pod's own
 * {@code terminationGracePeriodSeconds} (left out when unset, so the API server's default applies). The
 * Eviction is {@code policy/v1} where the server serves it, else {@code policy/v1beta1} (before v1.22).
 * Blocking: call it off the scheduling thread.
 */
final class PodEvicter {
    enum Outcome {
        /** The API server accepted the eviction; the watch will show the pod terminating, then gone. */
        EVICTED,
        /**
         * 404, or 409 on the uid precondition: this incarnation is already gone. (v1.20 retries a failed
         * precondition for about 10 s before it answers 409; the evictor looks in the cache first.)
         */
        GONE,
        /** 429: a disruption budget does not allow it now; it may later. */
        REFUSED,
        /** Anything else: the pod may still be there. */
        FAILED
    }

    record Result(Outcome outcome, String detail) {}

    private final KubernetesClient client;
    private volatile String apiVersion;

    PodEvicter(KubernetesClient client) {
        this.client = client;
    }

    Result evict(Pod pod) {
        String namespace = pod.getMetadata().getNamespace();
        String name = pod.getMetadata().getName();
        Map<String, Object> options = new HashMap<>();
        options.put("preconditions", Map.of("uid", pod.getMetadata().getUid()));
        if (pod.getSpec().getTerminationGracePeriodSeconds() != null) {
            options.put("gracePeriodSeconds", pod.getSpec().getTerminationGracePeriodSeconds());
        }
        String url = client.getMasterUrl().toString().replaceAll("/+$", "") + "/api/v1/namespaces/" + namespace
                + "/pods/" + name + "/eviction";
        try {
            client.raw(url, "POST", Map.of("apiVersion", apiVersion(), "kind", "Eviction",
                    "metadata", Map.of("namespace", namespace, "name", name), "deleteOptions", options));
            return new Result(Outcome.EVICTED, "");
        } catch (KubernetesClientException e) {
            Outcome outcome = switch (e.getCode()) {
                case 404, 409 -> Outcome.GONE;
                case 429 -> Outcome.REFUSED;
                default -> Outcome.FAILED;
            };
            return new Result(outcome, describe(e));
        } catch (RuntimeException e) {
            return new Result(Outcome.FAILED, String.valueOf(e.getMessage()));
        }
    }

    private String apiVersion() {
        if (apiVersion == null) {
            APIGroup policy = client.getApiGroup("policy");
            boolean v1 = policy != null && policy.getVersions().stream()
                    .anyMatch(version -> "policy/v1".equals(version.getGroupVersion()));
            apiVersion = v1 ? "policy/v1" : "policy/v1beta1";
        }
        return apiVersion;
    }

    private static String describe(KubernetesClientException e) {
        if (e.getStatus() != null && e.getStatus().getMessage() != null) {
            return e.getCode() + " " + e.getStatus().getMessage();
        }
        return e.getCode() + " " + e.getMessage();
    }
}
