package dev.stook.k8s.preflight;

import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

/**
 * Asks the API server, by SelfSubjectAccessReview, which of the permissions the client's own identity
 * lacks. Any authenticated identity may ask this about itself (the default {@code system:basic-user} role).
 * The reviews are sent all at once: one after another they took a round trip each on every start.
 */
final class PermissionCheck {
    private PermissionCheck() {
    }

    /** The permissions lacked, in the order given. */
    static List<Permission> missing(KubernetesClient client, List<Permission> permissions) {
        ExecutorService reviewers = Executors.newFixedThreadPool(Math.max(1, permissions.size()), runnable -> {
            Thread thread = new Thread(runnable, "stook-permission-check");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<CompletableFuture<Boolean>> answers = permissions.stream()
                    .map(permission -> CompletableFuture.supplyAsync(() -> allowed(client, permission), reviewers))
                    .toList();
            return IntStream.range(0, permissions.size()).filter(i -> !answers.get(i).join())
                    .mapToObj(permissions::get).toList();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        } finally {
            reviewers.shutdownNow();
        }
    }

    private static boolean allowed(KubernetesClient client, Permission permission) {
        SelfSubjectAccessReview review = new SelfSubjectAccessReviewBuilder().withNewSpec().withNewResourceAttributes()
                .withVerb(permission.verb()).withGroup(permission.group()).withResource(permission.resource())
                .withSubresource(permission.subresource()).withNamespace(permission.namespace())
                .endResourceAttributes().endSpec().build();
        SelfSubjectAccessReview answer = client.authorization().v1().selfSubjectAccessReview().create(review);
        return answer.getStatus() != null && Boolean.TRUE.equals(answer.getStatus().getAllowed());
    }
}
