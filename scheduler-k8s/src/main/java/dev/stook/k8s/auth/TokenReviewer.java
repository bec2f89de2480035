package dev.stook.k8s.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewStatus;
import io.fabric8.kubernetes.api.model.authentication.UserInfo;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Authenticates a bearer token with a TokenReview (authentication.k8s.io/v1), as kube-scheduler's delegated
 * authentication does. Answers, accepted or rejected, are kept briefly under the token's SHA-256, never the
 * token itself; failures to ask are not kept.
 */
public final class TokenReviewer {
    private final KubernetesClient client;
    private final Cache<String, Optional<Caller>> answers;

    public TokenReviewer(KubernetesClient client, Duration ttl, long maxEntries) {
        this.client = client;
        this.answers = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxEntries).build();
    }

    /** The token's owner, or empty if the API server does not accept the token. */
    public Optional<Caller> review(String token) {
        String key = sha256(token);
        Optional<Caller> known = answers.getIfPresent(key);
        if (known != null) {
            return known;
        }
        Optional<Caller> answer = ask(token);
        answers.put(key, answer);
        return answer;
    }

    private Optional<Caller> ask(String token) {
        TokenReview review = new TokenReviewBuilder().withNewSpec().withToken(token).endSpec().build();
        TokenReviewStatus status;
        try {
            status = client.authentication().v1().tokenReviews().create(review).getStatus();
        } catch (KubernetesClientException e) {
            throw new ReviewUnavailable("the API server could not review the token: " + e.getMessage(), e);
        }
        if (status == null || !Boolean.TRUE.equals(status.getAuthenticated()) || status.getUser() == null) {
            return Optional.empty();
        }
        UserInfo user = status.getUser();
        return Optional.of(new Caller(user.getUsername(), user.getUid() == null ? "" : user.getUid(),
                user.getGroups() == null ? List.of() : user.getGroups(),
                user.getExtra() == null ? Map.of() : user.getExtra()));
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
