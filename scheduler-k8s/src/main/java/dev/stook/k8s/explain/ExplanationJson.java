package dev.stook.k8s.explain;

import dev.stook.core.explain.PodExplanation;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

/**
 * The wire form of {@code GET /explain/{namespace}/{pod}}: the engine's explanation records as JSON, field
 * for field, with Jackson 3 (which fabric8 already brings). Errors are {@code {"error": "..."}}.
 */
public final class ExplanationJson {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private ExplanationJson() {}

    public static String write(PodExplanation explanation) {
        return MAPPER.writeValueAsString(explanation);
    }

    public static PodExplanation read(String json) {
        return MAPPER.readValue(json, PodExplanation.class);
    }

    public static String error(String message) {
        return MAPPER.writeValueAsString(Map.of("error", message));
    }

    /** The message of an error body, or the body itself when it is not one. */
    public static String errorMessage(String json) {
        try {
            return MAPPER.readTree(json).path("error").asString(json);
        } catch (RuntimeException e) {
            return json;
        }
    }
}
