package dev.stook.k8s.health;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class HealthServerTest {
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

    private static String get(HealthServer server, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }
}
