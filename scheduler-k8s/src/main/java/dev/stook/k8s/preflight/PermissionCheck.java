package dev.stook.k8s.preflight;

import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.List;

/**
 * Asks the API server, by SelfSubjectAccessReview, which of the permissions the client's own identity
 * lacks. Any authenticated identity may ask this about itself (the default {@code system:basic-user} role).
 */
final class PermissionCheck {
    private PermissionCheck() {
    }

    static List<Permission> missing(KubernetesClient client, List<Permission> permissions) {
        return permissions.stream().filter(permission -> !allowed(client, permission)).toList();
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
