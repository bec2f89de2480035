package dev.stook.k8s.auth;

import dev.stook.k8s.testing.real.ControlPlane;
import dev.stook.k8s.testing.real.RealCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The reviews ask the real API server once per answer and again once the answer has expired. */
class ReviewCacheTest {
    private static final Duration TTL = Duration.ofSeconds(3);
    @RegisterExtension
    final RealCluster cluster = new RealCluster();
    private final AtomicInteger requests = new AtomicInteger();

    @Test
    void aTokenIsReviewedOncePerTtlAcceptedOrNot() throws Exception {
        try (KubernetesClient client = countingClient()) {
            TokenReviewer tokens = new TokenReviewer(client, TTL, 100);
            ControlPlane.Person reader = cluster.controlPlane().reader();

            Optional<Caller> first = tokens.review(reader.token());
            Optional<Caller> second = tokens.review(reader.token());
            assertThat(tokens.review("unknown")).isEmpty();
            assertThat(tokens.review("unknown")).isEmpty();

            assertThat(first).map(Caller::name).hasValue("reader");
            assertThat(second).isEqualTo(first);
            assertThat(requests).hasValue(2);
            Thread.sleep(TTL.toMillis() + 500);
            tokens.review(reader.token());
            assertThat(requests).hasValue(3);
        }
    }

    @Test
    void anAccessQuestionIsAskedOncePerTtl() throws Exception {
        try (KubernetesClient client = countingClient()) {
            AccessReviewer access = new AccessReviewer(client, TTL, 100);
            Caller admin = new Caller("admin", "admin-uid", List.of("system:masters"), Map.of());
            Caller reader = new Caller("reader", "reader-uid", List.of("system:authenticated"), Map.of());
            AccessRequest metrics = new AccessRequest.NonResource("/metrics", "get");

            assertThat(access.allows(admin, metrics)).isTrue();
            assertThat(access.allows(admin, metrics)).isTrue();
            assertThat(access.allows(reader, new AccessRequest.PodRead("work", "p"))).isFalse();
            assertThat(access.allows(reader, new AccessRequest.PodRead("work", "p"))).isFalse();

            assertThat(requests).hasValue(2);
            Thread.sleep(TTL.toMillis() + 500);
            access.allows(admin, metrics);
            assertThat(requests).hasValue(3);
        }
    }

    private KubernetesClient countingClient() {
        return new KubernetesClientBuilder().withConfig(cluster.controlPlane().stookConfig())
                .withHttpClientBuilderConsumer(builder -> builder.addOrReplaceInterceptor("count", new Interceptor() {
                    @Override
                    public void before(BasicBuilder request, HttpRequest original, RequestTags tags) {
                        requests.incrementAndGet();
                    }
                })).build();
    }
}
