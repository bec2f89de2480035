package dev.stook.k8s.logging;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogLevelsTest {
    @Test
    void aBareLevelSetsEveryLoggerAndPairsSetPackages() {
        assertThat(LogLevels.parse("debug")).isEqualTo(new LogLevels(Level.DEBUG, Map.of()));
        assertThat(LogLevels.parse(" warn , dev.stook=DEBUG, io.fabric8=info "))
                .isEqualTo(new LogLevels(Level.WARN, Map.of("dev.stook", Level.DEBUG, "io.fabric8", Level.INFO)));
        assertThat(LogLevels.parse("dev.stook=debug")).isEqualTo(new LogLevels(Level.INFO, Map.of("dev.stook", Level.DEBUG)));
    }

    @Test
    void laterEntriesWin() {
        assertThat(LogLevels.parse("dev.stook=debug,error,dev.stook=trace"))
                .isEqualTo(new LogLevels(Level.ERROR, Map.of("dev.stook", Level.TRACE)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "loud                | log level: \"loud\" is not one of trace, debug, info, warn, error or off",
            "dev.stook=          | log level: \"\" is not one of",
            "info,,debug         | log level: \"\" is not one of",
            "dev..stook=debug    | log level: \"dev..stook\" is not a package or logger name",
            "=debug              | log level: \"\" is not a package or logger name",
    })
    void badSettingsAreRefusedNamingTheBadPart(String text, String error) {
        assertThatThrownBy(() -> LogLevels.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(error);
    }
}
