package dev.stook.k8s.health;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * {@code /healthz} (the process serves; the body also names the build, one {@code key: value} a line after
 * {@code ok}) and {@code /readyz} (the informer caches have synced). Requests are
 * served on a few threads so that one slow answer (an explanation waiting for the scheduling thread) does not
 * hold up a probe.
 */
public final class HealthServer implements AutoCloseable {
    private static final int THREADS = 4;

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(THREADS, runnable -> {
        Thread thread = new Thread(runnable, "stook-health");
        thread.setDaemon(true);
        return thread;
    });

    public HealthServer(int port, BooleanSupplier ready, Map<String, String> details) throws IOException {
        StringBuilder healthy = new StringBuilder("ok\n");
        details.forEach((key, value) -> healthy.append(key).append(": ").append(value).append('\n'));
        server = HttpServer.create(new InetSocketAddress(port), 0);
        server.setExecutor(threads);
        server.createContext("/healthz", exchange -> answer(exchange, 200, healthy.toString()));
        server.createContext("/readyz", exchange -> {
            boolean isReady = ready.getAsBoolean();
            answer(exchange, isReady ? 200 : 503, isReady ? "ok\n" : "not ready\n");
        });
    }

    /** Serves another path on the same port, such as {@code /metrics}; call before {@link #start()}. */
    public void serve(String path, HttpHandler handler) {
        server.createContext(path, handler);
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
