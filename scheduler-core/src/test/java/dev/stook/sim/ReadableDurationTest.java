package dev.stook.sim;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ReadableDurationTest {
    @ParameterizedTest
    @CsvSource({"850, 850ms", "12500, 12.5s", "200000, 3m 20s", "3900000, 1h 05m"})
    void formats(double millis, String text) {
        assertThat(ReadableDuration.format(millis)).isEqualTo(text);
    }
}
