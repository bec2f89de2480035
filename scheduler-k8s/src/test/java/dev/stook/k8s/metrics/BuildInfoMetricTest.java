package dev.stook.k8s.metrics;

import dev.stook.k8s.version.BuildInfo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BuildInfoMetricTest {
    @Test
    void stookBuildInfoIsOneLabelledWithTheBuild() {
        BuildInfo build = new BuildInfo("1.2.3", "0123456789ab", "2026-01-02T03:04:05Z", "17.0.9");
        try (StookMetrics metrics = new StookMetrics(build)) {
            assertThat(metrics.scrape()).containsPattern("(?m)^stook_build_info\\{build_time=\"2026-01-02T03:04:05Z\","
                    + "commit=\"0123456789ab\",java_version=\"17.0.9\",version=\"1.2.3\"} 1(\\.0)?$");
        }
    }
}
