package dev.stook.core.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuantityTest {

    @ParameterizedTest
    @CsvSource({
            "500m, 500",
            "2, 2000",
            "0.5, 500",
            "1.5, 1500",
            "100u, 1",
            "1n, 1",
            "0, 0",
            "2k, 2000000",
            "1e3, 1000000",
            ".5, 500",
            "3., 3000",
    })
    void cpuIsParsedToMillicoresRoundingUp(String text, long millis) {
        assertThat(Quantity.parseMillis(text)).isEqualTo(millis);
    }

    @ParameterizedTest
    @CsvSource({
            "128974848, 128974848",
            "129e6, 129000000",
            "129M, 129000000",
            "123Mi, 128974848",
            "1.5Gi, 1610612736",
            "1Ki, 1024",
            "1Ti, 1099511627776",
            "1E, 1000000000000000000",
            "500m, 1",
            "1500m, 2",
            "+5, 5",
    })
    void memoryIsParsedToBytesRoundingUp(String text, long bytes) {
        assertThat(Quantity.parseUnits(text)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "1.2.3", "Gi", "1 Gi", "1gi", "1KiB", "--1", "1e", "1e1000", "0x10", "NaN", "∞"})
    void garbageIsRejectedWithTheOffendingText(String text) {
        assertThatThrownBy(() -> Quantity.parseUnits(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(text.isEmpty() ? "empty" : "\"" + text + "\"");
    }

    @Test
    void negativeQuantitiesAreRejected() {
        assertThatThrownBy(() -> Quantity.parseMillis("-1")).hasMessageContaining("must not be negative");
    }

    @Test
    void valuesBeyondALongAreRejected() {
        assertThatThrownBy(() -> Quantity.parseUnits("16Ei")).hasMessageContaining("too large");
        assertThatThrownBy(() -> Quantity.parseMillis("9300000000000000")).hasMessageContaining("too large");
    }

    @Test
    void hugeInputIsRejectedWithoutEchoingItWhole() {
        String huge = "1".repeat(10_000);
        assertThatThrownBy(() -> Quantity.parseUnits(huge))
                .hasMessageContaining("longer than")
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(200));
    }

    @Test
    void formatsForPeople() {
        assertThat(Quantity.format(1500, true)).isEqualTo("1500m");
        assertThat(Quantity.format(2000, true)).isEqualTo("2");
        assertThat(Quantity.format(1536L * 1024 * 1024, false)).isEqualTo("1536Mi");
        assertThat(Quantity.format(1000, false)).isEqualTo("1000");
    }
}
