package dev.stook.k8s.explain;

import dev.stook.core.explain.PodExplanation;
import dev.stook.core.model.PodId;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Asks a running scheduler's {@code /explain} endpoint about one pod. */
public final class SchedulerEndpoint {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();

    public SchedulerEndpoint(URI base) {
        this.base = base;
    }

    public sealed interface Answer {}

    public record Explained(PodExplanation explanation) implements Answer {}

    /** The scheduler answered that it holds no such pod. */
    public record NotFound(String message) implements Answer {}

    /** No answer: unreachable, not ready, not leading, or an unexpected reply. */
    public record Unavailable(String message) implements Answer {}

    public Answer explain(PodId pod) {
        URI uri = base.resolve(ExplainHandler.PATH + encode(pod.namespace()) + "/" + encode(pod.name()));
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).timeout(ANSWER_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new Unavailable(uri + " did not answer (" + describe(e) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Unavailable("interrupted");
        }
        return switch (response.statusCode()) {
            case 200 -> new Explained(ExplanationJson.read(response.body()));
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
