package dev.stook.k8s.health;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class HealthServerTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void healthzSaysOkThenTheBuildDetailsAndReadyzFollowsTheCaches() throws Exception {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("version", "1.2.3");
        details.put("commit", "0123456789ab");
        AtomicBoolean ready = new AtomicBoolean();
        try (HealthServer server = HealthServer.plain(0, ready::get, details)) {
            server.start();

            assertThat(get(server, "/healthz")).isEqualTo("200 ok\nversion: 1.2.3\ncommit: 0123456789ab\n");
            assertThat(get(server, "/readyz")).isEqualTo("503 not ready\n");
            ready.set(true);
            assertThat(get(server, "/readyz")).isEqualTo("200 ok\n");
        }
    }

    @Test
    void requestsStuckInServedPathsDoNotHoldUpTheProbesAndTheSurplusIsRefused() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        try (HealthServer server = HealthServer.plain(0, () -> true, Map.of())) {
            server.serve("/stuck", exchange -> {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            server.start();
            List<CompletableFuture<HttpResponse<String>>> stuck = new ArrayList<>();
            for (int i = 0; i < HealthServer.WORKING_THREADS + HealthServer.WORK_QUEUE + 4; i++) {
                stuck.add(HTTP.sendAsync(request(server, "/stuck"), HttpResponse.BodyHandlers.ofString()));
            }

            await().atMost(Duration.ofSeconds(10)).until(() -> stuck.stream()
                    .anyMatch(answer -> answer.isDone() && answer.join().statusCode() == 503));
            assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
                assertThat(get(server, "/healthz")).isEqualTo("200 ok\n");
                assertThat(get(server, "/readyz")).isEqualTo("200 ok\n");
            });
            never.countDown();
        }
    }

    @Test
    void aClientThatNeverFinishesItsRequestIsCutOff() throws Exception {
        try (HealthServer server = HealthServer.plain(0, () -> true, Map.of())) {
            server.start();
            Socket slow = new Socket(InetAddress.getLoopbackAddress(), server.port());
            slow.getOutputStream().write("GET /healthz HTTP/1.1\r\nHost: lo".getBytes(StandardCharsets.US_ASCII));
            slow.getOutputStream().flush();
            slow.setSoTimeout((HealthServer.MAX_REQUEST_SECONDS + 5) * 1000);

            InputStream in = slow.getInputStream();
            long start = System.nanoTime();
            assertThat(in.read()).isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isLessThan(Duration.ofSeconds(HealthServer.MAX_REQUEST_SECONDS + 3));
            slow.close();
        }
    }

    private static HttpRequest request(HealthServer server, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build();
    }

    private static String get(HealthServer server, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(request(server, path), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }
}
