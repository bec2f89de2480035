package dev.stook.k8s.health;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The health port: {@code /healthz} (the process serves; the body also names the build, one {@code key: value}
 * a line after {@code ok}) and {@code /readyz} (the informer caches have synced), open to anyone, plus the
 * paths added with {@link #serve}.
 *
 * <p>Probes cannot be starved by slow clients. The server's own threads read requests and answer the probes,
 * which never wait; every other path is handed to a small separate pool, so a caller that reads its answer
 * slowly, an explanation waiting for the scheduling thread or a slow token review holds only that pool (and
 * is refused with 503 when it is full). A client that sends its request slowly holds a reading thread for at
 * most {@link #MAX_REQUEST_SECONDS}; there are many of those.
 */
public final class HealthServer implements AutoCloseable {
    static final int READING_THREADS = 64;
    static final int WORKING_THREADS = 4;
    static final int WORK_QUEUE = 16;
    static final int MAX_REQUEST_SECONDS = 10;
    static final int MAX_RESPONSE_SECONDS = 30;

    static {
        // The JDK server reads these once, when its first instance is made; a user's own -D settings win.
        setIfAbsent("sun.net.httpserver.maxReqTime", MAX_REQUEST_SECONDS);
        setIfAbsent("sun.net.httpserver.maxRspTime", MAX_RESPONSE_SECONDS);
    }

    private static final Logger LOG = LoggerFactory.getLogger(HealthServer.class);

    private final HttpServer server;
    private final ThreadPoolExecutor reading = pool("stook-http", READING_THREADS, new LinkedBlockingQueue<>());
    private final ThreadPoolExecutor working = pool("stook-http-work", WORKING_THREADS,
            new ArrayBlockingQueue<>(WORK_QUEUE));

    private HealthServer(HttpServer server, BooleanSupplier ready, Map<String, String> details) {
        this.server = server;
        StringBuilder healthy = new StringBuilder("ok\n");
        details.forEach((key, value) -> healthy.append(key).append(": ").append(value).append('\n'));
        server.setExecutor(reading);
        server.createContext("/healthz", exchange -> answer(exchange, 200, healthy.toString()));
        server.createContext("/readyz", exchange -> {
            boolean isReady = ready.getAsBoolean();
            answer(exchange, isReady ? 200 : 503, isReady ? "ok\n" : "not ready\n");
        });
    }

    /** Plain HTTP: for {@code stook simulate}, which has nothing to protect and no API server to ask. */
    public static HealthServer plain(int port, BooleanSupplier ready, Map<String, String> details) throws IOException {
        return new HealthServer(HttpServer.create(new InetSocketAddress(port), 0), ready, details);
    }

    /** Plain HTTP on the loopback interface only: for what a simulation serves to the person running it. */
    public static HealthServer loopback(int port, BooleanSupplier ready, Map<String, String> details)
            throws IOException {
        return new HealthServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0),
                ready, details);
    }

    /** HTTPS with the given serving certificate, as kube-scheduler's secure port. */
    public static HealthServer secure(int port, SSLContext tls, BooleanSupplier ready, Map<String, String> details)
            throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(port), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        return new HealthServer(server, ready, details);
    }

    /**
     * Serves another path on the same port, such as {@code /metrics}, on the working pool; the handler guards
     * itself. Call before {@link #start()}.
     */
    public void serve(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            try {
                working.execute(() -> handOver(exchange, handler));
            } catch (RejectedExecutionException busy) {
                answer(exchange, 503, "busy: too many requests in progress; try again\n");
            }
        });
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void handOver(HttpExchange exchange, HttpHandler handler) {
        try {
            handler.handle(exchange);
        } catch (IOException clientGone) {
            exchange.close();
        } catch (RuntimeException e) {
            LOG.warn("{} failed", exchange.getRequestURI().getPath(), e);
            exchange.close();
        }
    }

    private static void answer(HttpExchange exchange, int status, String text) throws IOException {
        try (exchange) {
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static ThreadPoolExecutor pool(String name, int threads, BlockingQueue<Runnable> queue) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, queue, runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private static void setIfAbsent(String property, int value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, Integer.toString(value));
        }
    }

    @Override
    public void close() {
        server.stop(0);
        reading.shutdownNow();
        working.shutdownNow();
    }
}
