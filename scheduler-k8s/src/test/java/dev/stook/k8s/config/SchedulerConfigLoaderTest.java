package dev.stook.k8s.config;

import ch.qos.logback.classic.Level;
import dev.stook.core.cycle.SchedulerSettings;
import dev.stook.core.locality.ChunkIndexSettings;
import dev.stook.core.plugins.DefaultSpreadConstraints;
import dev.stook.k8s.logging.LogFormat;
import dev.stook.k8s.logging.LogLevels;
import dev.stook.k8s.logging.LogSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchedulerConfigLoaderTest {
    private static final Path SHIPPED = Path.of("../config/scheduler.yaml");

    @Test
    void theDocumentedFileHoldsExactlyTheDefaults() {
        assertThat(SchedulerConfigLoader.load(SHIPPED)).isEqualTo(SchedulerConfig.DEFAULTS);
    }

    @Test
    void theDocumentedFileListsEveryKey() throws IOException {
        String shipped = Files.readString(SHIPPED);
        assertThat(SchedulerConfigLoader.KEYS).allSatisfy(key -> assertThat(shipped)
                .as("config/scheduler.yaml documents " + key)
                .containsPattern(Pattern.compile("^(# )?" + key + ":", Pattern.MULTILINE)));
    }

    @Test
    void anEmptyFileMeansDefaults() {
        assertThat(SchedulerConfigLoader.parse("", "f")).isEqualTo(SchedulerConfig.DEFAULTS);
    }

    @Test
    void theEngineTunablesAreRead() {
        SchedulerConfig config = SchedulerConfigLoader.parse("""
                gangAdmission: false
                starvationTimeout: 2m
                gangSettleTime: 0s
                localityWait: 500ms
                localityThreshold: 0.25
                sparkHoldTimeout: 90s
                learnedLocalityTtl: 10m
                learnedLocalityMaxRanges: 5000
                """, "f.yaml");

        assertThat(config.engine()).isEqualTo(new SchedulerSettings(false, 120_000, 0, 500, 0.25, 90_000));
        assertThat(config.learnedLocality()).isEqualTo(new ChunkIndexSettings(600_000, 5_000));
    }

    @Test
    void theLocalityThresholdMayBeEitherEnd() {
        assertThat(SchedulerConfigLoader.parse("localityThreshold: 0\n", "f").engine().localityThreshold()).isZero();
        assertThat(SchedulerConfigLoader.parse("localityThreshold: 1\n", "f").engine().localityThreshold()).isOne();
    }

    @Test
    void theLogSettingsAreRead() {
        SchedulerConfig config = SchedulerConfigLoader.parse("logFormat: json\nlogLevel: warn,dev.stook=debug\n", "f");

        assertThat(config.logging()).isEqualTo(new LogSettings(LogFormat.JSON, new LogLevels(Level.WARN, Map.of("dev.stook", Level.DEBUG))));
    }

    @Test
    void aServingCertificateNamesBothFiles(@TempDir Path folder) throws IOException {
        Path cert = Files.writeString(folder.resolve("tls.crt"), "cert");
        Path key = Files.writeString(folder.resolve("tls.key"), "key");

        SchedulerConfig config = SchedulerConfigLoader.parse("tlsCertFile: " + cert + "\ntlsPrivateKeyFile: " + key + "\n", "f");

        assertThat(config.tlsCertFile()).isEqualTo(cert);
        assertThat(config.tlsPrivateKeyFile()).isEqualTo(key);
        assertThatThrownBy(() -> SchedulerConfigLoader.parse("schedulerName: stook\ntlsCertFile: " + cert + "\n", "f.yaml"))
                .isInstanceOf(ConfigException.class).hasMessage("f.yaml:2: tlsCertFile and tlsPrivateKeyFile go together:"
                        + " set both, or neither for a self-signed certificate");
        assertThatThrownBy(() -> SchedulerConfigLoader.parse("tlsCertFile: " + cert + "\ntlsPrivateKeyFile: "
                + folder.resolve("missing.key") + "\n", "f.yaml"))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("f.yaml:2: tlsPrivateKeyFile: \"")
                .hasMessageEndingWith("missing.key\" is not a readable file");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "logFormat: xml                  | f.yaml:2: logFormat: log format \"xml\" is not text or json",
            "logLevel: dev.stook=loud        | f.yaml:2: logLevel: log level: \"loud\" is not one of trace, debug",
            "localityThreshold: 1.5          | f.yaml:2: localityThreshold: \"1.5\" is not a number from 0 to 1",
            "localityThreshold: -0.1         | f.yaml:2: localityThreshold: \"-0.1\" is not a number from 0 to 1",
            "localityThreshold: .nan         | f.yaml:2: localityThreshold: \".nan\" is not a number from 0 to 1",
            "localityWait: -1s               | f.yaml:2: localityWait: invalid duration",
            "localityWait: 3                 | f.yaml:2: localityWait: invalid duration",
            "learnedLocalityTtl: 0s          | f.yaml:2: learnedLocalityTtl: must be at least 1ms",
            "learnedLocalityMaxRanges: 0     | f.yaml:2: learnedLocalityMaxRanges: 0 is outside 1..1000000000",
            "learnedLocalityMaxRanges: lots  | f.yaml:2: learnedLocalityMaxRanges: \"lots\" is not an integer",
            "gangAdmission: yes              | f.yaml:2: gangAdmission: \"yes\" is not true or false",
            "gangSettleTime: -1s             | f.yaml:2: gangSettleTime: invalid duration",
    })
    void badSettingsAreRefusedNamingKeyAndLine(String line, String error) {
        assertThatThrownBy(() -> SchedulerConfigLoader.parse("schedulerName: stook\n" + line + "\n", "f.yaml"))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith(error);
    }

    @Test
    void defaultSpreadConstraintsAreSystemNoneOrAListOfOnesOwn() {
        assertThat(SchedulerConfigLoader.parse("defaultSpreadConstraints: system\n", "f").defaultSpread())
                .isEqualTo(DefaultSpreadConstraints.SYSTEM);
        assertThat(SchedulerConfigLoader.parse("defaultSpreadConstraints: none\n", "f").defaultSpread())
                .isEqualTo(DefaultSpreadConstraints.NONE);
        assertThat(SchedulerConfigLoader.parse("""
                defaultSpreadConstraints:
                  - {maxSkew: 2, topologyKey: example.com/rack}
                  - {maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: ScheduleAnyway}
                """, "f").defaultSpread()).isEqualTo(new DefaultSpreadConstraints(List.of(
                new DefaultSpreadConstraints.Template(2, "example.com/rack"),
                new DefaultSpreadConstraints.Template(1, "topology.kubernetes.io/zone")), false));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "defaultSpreadConstraints: kube        | f.yaml:2: defaultSpreadConstraints: expected system, none or a list",
            "defaultSpreadConstraints: [{maxSkew: 0, topologyKey: z}] | f.yaml:2: defaultSpreadConstraints.maxSkew:"
                    + " expected a whole number from 1 to 10000",
            "defaultSpreadConstraints: [{maxSkew: 1}] | f.yaml:2: defaultSpreadConstraints: each entry needs maxSkew"
                    + " and topologyKey",
            "defaultSpreadConstraints: [{maxSkew: 1, topologyKey: z, whenUnsatisfiable: DoNotSchedule}]"
                    + " | f.yaml:2: defaultSpreadConstraints.whenUnsatisfiable: only ScheduleAnyway",
            "defaultSpreadConstraints: [{maxSkew: 1, topologyKey: z, labelSelector: x}] | f.yaml:2:"
                    + " defaultSpreadConstraints: unknown key \"labelSelector\"",
            "defaultSpreadConstraints: [{maxSkew: 1, topologyKey: z}, {maxSkew: 2, topologyKey: z}] | f.yaml:2:"
                    + " defaultSpreadConstraints: topologyKey \"z\" is given twice",
    })
    void badDefaultSpreadConstraintsAreRefusedNamingTheLine(String line, String error) {
        assertThatThrownBy(() -> SchedulerConfigLoader.parse("schedulerName: stook\n" + line + "\n", "f.yaml"))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith(error);
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
