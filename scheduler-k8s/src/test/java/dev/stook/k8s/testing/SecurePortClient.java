package dev.stook.k8s.testing;


import dev.stook.k8s.tls.ClientTrust;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Requests to a scheduler's secure port on localhost, as Prometheus or a person would send them: HTTPS (the
 * self-signed certificate is not verified, its host name is), with a bearer token or none.
 */
public final class SecurePortClient {
    private static final HttpClient HTTPS = HttpClient.newBuilder().sslContext(ClientTrust.anyone()).build();

    private SecurePortClient() {
    }

    /** @param token the bearer token to send, or null for none */
    public static HttpResponse<String> get(int port, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://localhost:" + port + path))
                .timeout(Duration.ofSeconds(20));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTPS.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
