package dev.stook.k8s.health;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.stook.k8s.auth.AccessReviewer;
import dev.stook.k8s.auth.AccessRule;
import dev.stook.k8s.auth.NamespaceVisibility;
import dev.stook.k8s.auth.PodListAccess;
import dev.stook.k8s.auth.ReviewedHandler;
import dev.stook.k8s.auth.TokenReviewer;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

import javax.net.ssl.SSLContext;

/**
 * {@code stook run}'s health port, guarded as kube-scheduler's secure port: HTTPS; the probes open; every other
 * path, known or not, only for a bearer token the API server accepts (TokenReview) whose owner the API server
 * allows the path's permission (SubjectAccessReview). Answers are kept for {@link #REVIEW_TTL}, kube-scheduler's
 * default for both reviews, so a scrape every 15 s asks the API server twice.
 */
public final class SecurePort implements AutoCloseable {
    static final Duration REVIEW_TTL = Duration.ofSeconds(10);
    static final long MAX_REVIEWS = 4096;

    private final HealthServer server;
    private final TokenReviewer tokens;
    private final AccessReviewer access;

    private SecurePort(HealthServer server, KubernetesClient client) {
        this.server = server;
        this.tokens = new TokenReviewer(client, REVIEW_TTL, MAX_REVIEWS);
        this.access = new AccessReviewer(client, REVIEW_TTL, MAX_REVIEWS);
        serve("/", AccessRule.NON_RESOURCE_URL, SecurePort::notFound);
    }

    /** @param tls the serving certificate's context (see {@code ServingCertificate}) */
    public static SecurePort open(int port, SSLContext tls, KubernetesClient client, BooleanSupplier ready,
                                  Map<String, String> details) throws IOException {
        return new SecurePort(HealthServer.secure(port, tls, ready, details), client);
    }

    /** Serves a path to callers the API server allows what {@code rule} asks; call before {@link #start()}. */
    public void serve(String path, AccessRule rule, HttpHandler handler) {
        server.serve(path, new ReviewedHandler(tokens, access, rule, handler));
    }

    /** Serves a path to anyone, as the probes are: only for what holds nothing to protect. */
    public void serveOpen(String path, HttpHandler handler) {
        server.serve(path, handler);
    }

    /** Which namespaces' pods the sender of a request served here may see. */
    public NamespaceVisibility namespaceVisibility() {
        return new PodListAccess(access);
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.port();
    }

    private static void notFound(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = "404 page not found\n".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(404, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
