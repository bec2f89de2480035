package dev.stook.k8s.auth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Lets a request through to its handler only with a bearer token the API server accepts (else 401) whose owner
 * may do what the path's {@link AccessRule} asks (else 403). 503 when the API server cannot be asked.
 */
public final class ReviewedHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ReviewedHandler.class);
    private static final String BEARER = "Bearer ";
    private static final String CALLER = ReviewedHandler.class.getName() + ".caller";

    private final TokenReviewer tokens;
    private final AccessReviewer access;
    private final AccessRule rule;
    private final HttpHandler next;

    public ReviewedHandler(TokenReviewer tokens, AccessReviewer access, AccessRule rule, HttpHandler next) {
        this.tokens = tokens;
        this.access = access;
        this.rule = rule;
        this.next = next;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || header.substring(BEARER.length()).isBlank()) {
            refuse(exchange, 401, "Unauthorized: send a bearer token (Authorization: Bearer TOKEN)");
            return;
        }
        AccessRequest request = rule.requestFor(exchange.getRequestMethod(), exchange.getRequestURI().getPath());
        Optional<Caller> caller;
        try {
            caller = tokens.review(header.substring(BEARER.length()).strip());
            if (caller.isEmpty()) {
                refuse(exchange, 401, "Unauthorized: the API server does not accept this token");
                return;
            }
            if (!access.allows(caller.get(), request)) {
                refuse(exchange, 403, "Forbidden: user \"" + caller.get().name() + "\" may not "
                        + request.describe());
                return;
            }
        } catch (ReviewUnavailable e) {
            LOG.warn("a request to {} could not be authorized: {}", exchange.getRequestURI().getPath(), e.getMessage());
            refuse(exchange, 503, "cannot check the credentials now: the API server did not answer; try again");
            return;
        }
        exchange.setAttribute(CALLER, caller.get());
        next.handle(exchange);
    }

    /** Who sent a request this handler let through. */
    public static Caller callerOf(HttpExchange exchange) {
        Object caller = exchange.getAttribute(CALLER);
        if (caller == null) {
            throw new IllegalStateException("the request to " + exchange.getRequestURI().getPath()
                    + " did not pass a ReviewedHandler");
        }
        return (Caller) caller;
    }

    private static void refuse(HttpExchange exchange, int status, String message) throws IOException {
        try (exchange) {
            byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            if (status == 401) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
            }
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
