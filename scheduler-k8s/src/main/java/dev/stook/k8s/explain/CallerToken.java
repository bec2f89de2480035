package dev.stook.k8s.explain;

import io.fabric8.kubernetes.client.Config;

/**
 * The bearer token a kubeconfig (or the in-cluster config) authenticates with: a token provider's, a static
 * token, or one an exec or auth-provider plugin obtained. Null for a user with client certificates only, whom
 * Stook's port cannot authenticate.
 */
public final class CallerToken {
    private CallerToken() {
    }

    public static String of(Config config) {
        String token = config.getOauthTokenProvider() != null ? config.getOauthTokenProvider().getToken() : null;
        if (isBlank(token)) {
            token = config.getOauthToken();
        }
        if (isBlank(token)) {
            token = config.getAutoOAuthToken();
        }
        return isBlank(token) ? null : token;
    }

    private static boolean isBlank(String token) {
        return token == null || token.isBlank();
    }
}
