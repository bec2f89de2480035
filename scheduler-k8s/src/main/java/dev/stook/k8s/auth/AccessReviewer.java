package dev.stook.k8s.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewSpecBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.time.Duration;

/**
 * Asks the API server whether a caller may do something, with a SubjectAccessReview (authorization.k8s.io/v1),
 * as kube-scheduler's delegated authorization does. Answers are kept briefly; failures to ask are not.
 */
public final class AccessReviewer {
    private record Question(Caller caller, AccessRequest request) {
    }

    private final KubernetesClient client;
    private final Cache<Question, Boolean> answers;

    public AccessReviewer(KubernetesClient client, Duration ttl, long maxEntries) {
        this.client = client;
        this.answers = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxEntries).build();
    }

    /** Asks nothing for {@link AccessRequest.Authenticated}: the caller's token review already proved that. */
    public boolean allows(Caller caller, AccessRequest request) {
        if (request instanceof AccessRequest.Authenticated) {
            return true;
        }
        Question question = new Question(caller, request);
        Boolean known = answers.getIfPresent(question);
        if (known != null) {
            return known;
        }
        boolean allowed = ask(caller, request);
        answers.put(question, allowed);
        return allowed;
    }

    private boolean ask(Caller caller, AccessRequest request) {
        SubjectAccessReviewSpecBuilder spec = new SubjectAccessReviewSpecBuilder().withUser(caller.name())
                .withUid(caller.uid()).withGroups(caller.groups()).withExtra(caller.extra());
        if (request instanceof AccessRequest.PodRead pod) {
            spec.withNewResourceAttributes().withGroup("").withResource("pods").withVerb("get")
                    .withNamespace(pod.namespace()).withName(pod.name()).endResourceAttributes();
        } else if (request instanceof AccessRequest.PodList list) {
            spec.withNewResourceAttributes().withGroup("").withResource("pods").withVerb("list")
                    .withNamespace(list.namespace()).endResourceAttributes();
        } else if (request instanceof AccessRequest.NonResource url) {
            spec.withNewNonResourceAttributes().withPath(url.path()).withVerb(url.verb()).endNonResourceAttributes();
        }
        SubjectAccessReview review = new SubjectAccessReviewBuilder().withSpec(spec.build()).build();
        SubjectAccessReviewStatus status;
        try {
            status = client.authorization().v1().subjectAccessReview().create(review).getStatus();
        } catch (KubernetesClientException e) {
            throw new ReviewUnavailable("the API server could not review access: " + e.getMessage(), e);
        }
        return status != null && Boolean.TRUE.equals(status.getAllowed()) && !Boolean.TRUE.equals(status.getDenied());
    }
}
