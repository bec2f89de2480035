package dev.stook.k8s.ui;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The web page under {@code /ui/}: three files bundled in the jar, the same for everyone (it holds no data;
 * the page fetches {@link OverviewHandler#PATH} with the viewer's token). The Content-Security-Policy lets it
 * run only its own script and talk only to its own origin.
 */
public final class PageHandler implements HttpHandler {
    public static final String PATH = "/ui/";
    private static final String RESOURCES = "/dev/stook/k8s/ui/";
    private static final Map<String, String> FILES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "app.js", "text/javascript; charset=utf-8",
            "style.css", "text/css; charset=utf-8");
    private static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String name = exchange.getRequestURI().getPath().substring(PATH.length());
            if (name.isEmpty()) {
                name = "index.html";
            }
            String type = FILES.get(name);
            if (!"GET".equals(exchange.getRequestMethod()) || type == null) {
                byte[] body = "404 page not found\n".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
                exchange.sendResponseHeaders(404, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            byte[] body;
            try (InputStream in = PageHandler.class.getResourceAsStream(RESOURCES + name)) {
                body = in.readAllBytes();
            }
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.getResponseHeaders().set("Content-Security-Policy", POLICY);
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
