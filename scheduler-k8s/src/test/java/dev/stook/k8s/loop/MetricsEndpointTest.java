package dev.stook.k8s.loop;

import dev.stook.k8s.testing.SecurePortClient;
import dev.stook.k8s.testing.real.RealCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class MetricsEndpointTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    @RegisterExtension
    final RealCluster cluster = new RealCluster();

    @Test
    void theHealthPortServesBindingCycleAndLeaderMetrics() throws Exception {
        cluster.node("n1", "4", "16Gi");
        IntStream.range(0, 3).forEach(i -> cluster.create("p" + i, "500m"));
        SchedulerProcess scheduler = cluster.startScheduler();
        await().atMost(PATIENCE).until(() -> IntStream.range(0, 3).allMatch(i -> cluster.isBound("p" + i)));

        await().atMost(PATIENCE).until(() -> value(scrape(scheduler), "stook_binding_duration_seconds_count{result=\"bound\"}") == 3);
        String metrics = scrape(scheduler);
        assertThat(value(metrics, "stook_leader")).isEqualTo(1);
        assertThat(value(metrics, "stook_e2e_scheduling_duration_seconds_count")).isEqualTo(3);
        assertThat(value(metrics, "stook_schedule_attempts_total{result=\"scheduled\"}")).isEqualTo(3);
        assertThat(value(metrics, "stook_scheduling_cycle_duration_seconds_count")).isPositive();
        assertThat(value(metrics, "stook_config_reload_total{result=\"success\"}")).isEqualTo(1);
        assertThat(value(metrics, "stook_queue_allocated{queue=\"default\",resource=\"cpu\"}")).isNotNaN();
    }

    private String scrape(SchedulerProcess scheduler) throws Exception {
        HttpResponse<String> response = SecurePortClient.get(scheduler.healthPort(), "/metrics",
                cluster.controlPlane().adminToken());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> type.startsWith("text/plain"));
        return response.body();
    }

    private static double value(String scrape, String series) {
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : Double.NaN;
    }
}
