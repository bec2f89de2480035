package dev.stook.core.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationsTest {
    @ParameterizedTest
    @CsvSource({"100ms, 100", "2s, 2000", "5m, 300000", "1h, 3600000", "0ms, 0"})
    void parses(String text, long millis) {
        assertThat(Durations.parseMillis(text)).isEqualTo(millis);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10", "1.5s", "-1s", "2 s", "3d", "s"})
    void rejects(String text) {
        assertThatThrownBy(() -> Durations.parseMillis(text)).hasMessageContaining("invalid duration");
    }

    @ParameterizedTest
    @CsvSource({"300000, 5m", "7200000, 2h", "1500, 1500ms", "2000, 2s", "0, 0s"})
    void formatsExactly(long millis, String text) {
        assertThat(Durations.format(millis)).isEqualTo(text);
    }
}
