package dev.stook.core.spark;

import dev.stook.core.model.UnknownResourceException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.stook.core.Fixtures.res;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SparkAnnotationsTest {
    private static final Map<String, String> DRIVER_LABELS = Map.of("spark-role", "driver", "spark-app-selector", "a1");

    @Test
    void aDriverGivesHowManyExecutorsToHoldAndWhatEachAsksFor() {
        SparkRole role = SparkAnnotations.parse(DRIVER_LABELS, Map.of(SparkAnnotations.EXECUTORS, " 8 ",
                SparkAnnotations.EXECUTOR_RESOURCES, "cpu=4, memory=16Gi"), null);

        assertThat(role).isEqualTo(new SparkRole.Driver("a1", 8, res("4", "16Gi")));
    }

    @Test
    void anExecutorIsKnownByItsOwnerPodOrItsApplication() {
        Map<String, String> executor = Map.of("spark-role", "executor", "spark-app-selector", "a1");

        assertThat(SparkAnnotations.parse(executor, Map.of(), "driver-pod"))
                .isEqualTo(new SparkRole.Executor("a1", "driver-pod"));
        assertThat(SparkAnnotations.parse(executor, Map.of(), null)).isEqualTo(new SparkRole.Executor("a1", null));
        assertThat(SparkAnnotations.parse(Map.of("spark-role", "executor"), Map.of(), null)).isNull();
        assertThat(SparkAnnotations.parse(DRIVER_LABELS, Map.of(), null)).isNull();
    }

    @Test
    void malformedValuesAreRefusedNamingTheKey() {
        assertThatThrownBy(() -> parse("0", "cpu=1")).hasMessage(
                "stook.dev/spark-executors \"0\" must be a whole number from 1 to 10000");
        assertThatThrownBy(() -> parse("10001", "cpu=1")).hasMessageStartingWith("stook.dev/spark-executors \"10001\"");
        assertThatThrownBy(() -> parse("two", "cpu=1")).hasMessageStartingWith("stook.dev/spark-executors \"two\"");
        assertThatThrownBy(() -> parse("2", "cpu")).hasMessage(
                "stook.dev/spark-executor-resources \"cpu\" is not a list such as cpu=4,memory=16Gi");
        assertThatThrownBy(() -> parse("2", "cpu=lots")).hasMessageStartingWith(
                "stook.dev/spark-executor-resources: cpu: ");
        assertThatThrownBy(() -> parse("2", "cpu=0")).hasMessageContaining("asks for nothing");
        assertThatThrownBy(() -> parse("2", "example.com/fpga=1")).hasRootCauseInstanceOf(UnknownResourceException.class);
        assertThatThrownBy(() -> SparkAnnotations.parse(DRIVER_LABELS, Map.of(SparkAnnotations.EXECUTORS, "2"), null))
                .hasMessage("stook.dev/spark-executors is set without stook.dev/spark-executor-resources: a driver"
                        + " gives both to have its executors' capacity held");
    }

    private static SparkRole parse(String executors, String resources) {
        return SparkAnnotations.parse(DRIVER_LABELS, Map.of(SparkAnnotations.EXECUTORS, executors,
                SparkAnnotations.EXECUTOR_RESOURCES, resources), null);
    }
}
