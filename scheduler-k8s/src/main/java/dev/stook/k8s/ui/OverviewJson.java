package dev.stook.k8s.ui;

import dev.stook.core.overview.Overview;
import tools.jackson.databind.json.JsonMapper;

/**
 * The wire form of {@code GET /api/v1/overview}: the engine's overview records as JSON, field for field, with
 * Jackson 3 (which fabric8 already brings). The schema is in the README, "The web page and terminal views".
 */
public final class OverviewJson {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private OverviewJson() {}

    public static String write(Overview overview) {
        return MAPPER.writeValueAsString(overview);
    }

    public static Overview read(String json) {
        return MAPPER.readValue(json, Overview.class);
    }
}
