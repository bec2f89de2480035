package dev.stook.k8s.explain;

import dev.stook.core.explain.PodExplanation;
import dev.stook.core.model.PodId;
import dev.stook.core.overview.Overview;
import dev.stook.k8s.ui.OverviewHandler;
import dev.stook.k8s.ui.OverviewJson;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Function;

/**
 * Asks a running scheduler's {@code /explain} endpoint about one pod, or its overview, with the caller's bearer
 * token (the scheduler asks the API server who that is, and what they may see).
 */
public final class SchedulerEndpoint {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);

    private final URI base;
    private final String token;
    private final HttpClient http;

    /**
     * @param token the caller's bearer token, or null to send none (the scheduler then answers 401)
     * @param tls   whom to trust for an {@code https} base
     */
    public SchedulerEndpoint(URI base, String token, SSLContext tls) {
        this.base = base;
        this.token = token;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).sslContext(tls).build();
    }

    public sealed interface Answer {}

    public record Explained(PodExplanation explanation) implements Answer {}

    /** The scheduler answered that it holds no such pod. */
    public record NotFound(String message) implements Answer {}

    /** No answer: unreachable, not ready, not leading, or an unexpected reply. */
    public record Unavailable(String message) implements Answer {}

    /** The scheduler's overview, with only the units of {@code queue} and below it when that is not null. */
    public record Overviewed(Overview overview) implements Answer {}

    public Answer explain(PodId pod) {
        return get(base.resolve(ExplainHandler.PATH + encode(pod.namespace()) + "/" + encode(pod.name())),
                body -> new Explained(ExplanationJson.read(body)));
    }

    /** Asks for the overview: {@link Overviewed}, or {@link Unavailable}. */
    public Answer overview(String queue) {
        String query = "?limit=" + OverviewHandler.MAX_LIMIT + (queue == null ? "" : "&queue=" + encode(queue));
        return get(base.resolve(OverviewHandler.PATH + query), body -> new Overviewed(OverviewJson.read(body)));
    }

    private Answer get(URI uri, Function<String, Answer> answered) {
        HttpResponse<String> response;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(ANSWER_TIMEOUT);
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new Unavailable(uri + " did not answer (" + describe(e) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Unavailable("interrupted");
        }
        return switch (response.statusCode()) {
            case 200 -> answered.apply(response.body());
            case 404 -> new NotFound(ExplanationJson.errorMessage(response.body()));
            default -> new Unavailable(uri + " answered " + response.statusCode() + ": "
                    + ExplanationJson.errorMessage(response.body()).strip());
        };
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8);
    }

    private static String describe(IOException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
