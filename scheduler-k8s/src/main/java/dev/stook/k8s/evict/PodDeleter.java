package dev.stook.k8s.evict;

import io.fabric8.kubernetes.api.model.DeleteOptions;
import io.fabric8.kubernetes.api.model.DeleteOptionsBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Deletes one incarnation of a pod: {@code DELETE pods/{name}} with a uid precondition and the pod's own
 * {@code terminationGracePeriodSeconds} (left out when unset, so the API server's default applies).
 * Blocking: call it off the scheduling thread.
 */
final class PodDeleter {
    enum Outcome {
        /** The API server accepted the deletion; the watch will show the pod terminating, then gone. */
        DELETED,
        /** 404, or 409 on the uid precondition: this incarnation is already gone. */
        GONE,
        /** Anything else: the pod may still be there. */
        FAILED
    }

    record Result(Outcome outcome, String detail) {}

    private final KubernetesClient client;

    PodDeleter(KubernetesClient client) {
        this.client = client;
    }

    Result delete(Pod pod) {
        DeleteOptions options = new DeleteOptionsBuilder()
                .withGracePeriodSeconds(pod.getSpec().getTerminationGracePeriodSeconds())
                .withNewPreconditions().withUid(pod.getMetadata().getUid()).endPreconditions()
                .build();
        String url = client.getMasterUrl().toString().replaceAll("/+$", "") + "/api/v1/namespaces/"
                + pod.getMetadata().getNamespace() + "/pods/" + pod.getMetadata().getName();
        try {
            client.raw(url, "DELETE", options);
            return new Result(Outcome.DELETED, "");
        } catch (KubernetesClientException e) {
            Outcome outcome = e.getCode() == 404 || e.getCode() == 409 ? Outcome.GONE : Outcome.FAILED;
            return new Result(outcome, describe(e));
        } catch (RuntimeException e) {
            return new Result(Outcome.FAILED, String.valueOf(e.getMessage()));
        }
    }

    private static String describe(KubernetesClientException e) {
        if (e.getStatus() != null && e.getStatus().getMessage() != null) {
            return e.getCode() + " " + e.getStatus().getMessage();
        }
        return e.getCode() + " " + e.getMessage();
    }
}
