package dev.stook.k8s.explain;

import dev.stook.core.explain.LastAttempt;
import dev.stook.core.explain.PodExplanation;
import dev.stook.k8s.loop.SchedulerProcess;
import dev.stook.k8s.testing.SecurePortClient;
import dev.stook.k8s.testing.real.RealCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ExplainEndpointTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    @RegisterExtension
    final RealCluster cluster = new RealCluster();

    @Test
    void aPodThatCannotFitIsExplainedWithItsReasons() throws Exception {
        cluster.node("n1", "4", "16Gi");
        cluster.create("huge", "16");
        SchedulerProcess scheduler = cluster.startScheduler();
        await().atMost(PATIENCE).until(() -> cluster.podScheduled("huge").isPresent());

        HttpResponse<String> response = get(scheduler, "/explain/work/huge");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).contains("\"message\":\"0/1 node fits: 1 Insufficient cpu\"");
        PodExplanation explanation = ExplanationJson.read(response.body());
        assertThat(explanation.status()).isEqualTo(PodExplanation.Status.PENDING);
        assertThat(explanation.queue()).isEqualTo("default");
        assertThat(explanation.pending().lastAttempt())
                .isEqualTo(new LastAttempt("Unschedulable", "0/1 node fits: 1 Insufficient cpu"));
    }

    @Test
    void aBoundPodNamesItsNode() throws Exception {
        cluster.node("n1", "4", "16Gi");
        cluster.create("small", "1");
        SchedulerProcess scheduler = cluster.startScheduler();
        await().atMost(PATIENCE).until(() -> cluster.isBound("small"));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ExplanationJson.read(
                get(scheduler, "/explain/work/small").body())).isEqualTo(
                        new PodExplanation(new dev.stook.core.model.PodId("work", "small"), PodExplanation.Status.BOUND,
                                "n1", "default", null)));
    }

    @Test
    void anUnknownPodIs404AndABadPathIs400() throws Exception {
        cluster.node("n1", "4", "16Gi");
        SchedulerProcess scheduler = cluster.startScheduler();
        await().atMost(PATIENCE).until(() -> scheduler.isLeading() && scheduler.isReady());

        HttpResponse<String> unknown = get(scheduler, "/explain/work/nobody");
        HttpResponse<String> badPath = get(scheduler, "/explain/work");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(ExplanationJson.errorMessage(unknown.body())).isEqualTo("Stook has no pending or placed pod work/nobody:"
                + " it does not exist, is not handed to this scheduler, or has finished");
        assertThat(badPath.statusCode()).isEqualTo(400);
        assertThat(badPath.body()).isEqualTo("{\"error\":\"expected /explain/{namespace}/{pod}\"}\n");
    }

    private HttpResponse<String> get(SchedulerProcess scheduler, String path) throws Exception {
        return SecurePortClient.get(scheduler.healthPort(), path, cluster.controlPlane().adminToken());
    }
}
