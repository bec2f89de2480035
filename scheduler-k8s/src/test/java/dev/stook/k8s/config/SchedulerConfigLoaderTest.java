package dev.stook.k8s.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchedulerConfigLoaderTest {
    @Test
    void theDocumentedFileHoldsExactlyTheDefaults() {
        assertThat(SchedulerConfigLoader.load(Path.of("../config/scheduler.yaml"))).isEqualTo(SchedulerConfig.DEFAULTS);
    }

    @Test
    void anEmptyFileMeansDefaults() {
        assertThat(SchedulerConfigLoader.parse("", "f")).isEqualTo(SchedulerConfig.DEFAULTS);
    }

    @Test
    void errorsNameTheLine() {
        assertThatThrownBy(() -> SchedulerConfigLoader.parse("schedulerName: stook\nbindConcurency: 4\n", "f.yaml"))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("f.yaml:2: unknown key \"bindConcurency\"");
        assertThatThrownBy(() -> SchedulerConfigLoader.parse("bindBackoffMax: soon\n", "f.yaml"))
                .hasMessageStartingWith("f.yaml:1: bindBackoffMax: invalid duration");
        assertThatThrownBy(() -> SchedulerConfigLoader.parse("scoreWeights: {Nope: 1}\n", "f.yaml"))
                .hasMessageContaining("unknown scorer \"Nope\"");
        assertThatThrownBy(() -> SchedulerConfigLoader.parse("leaseDuration: 2s\n", "f.yaml"))
                .hasMessageContaining("leaseDuration > renewDeadline > retryPeriod");
    }
}
