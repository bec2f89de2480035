package dev.stook.k8s.config;

import dev.stook.core.queue.QueueConfig;
import dev.stook.core.queue.QueueConfigParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The queue ConfigMaps shipped in deploy/ pass Stook's own strict validation. */
class DeployQueueConfigsTest {
    @SuppressWarnings("unchecked")
    @ParameterizedTest
    @ValueSource(strings = {"../deploy/scheduler/queues-configmap.yaml", "../deploy/examples/queues-two-teams.yaml"})
    void shippedQueueConfigsAreValid(String file) throws IOException {
        Map<String, Object> configMap = new Yaml().load(Files.readString(Path.of(file)));
        Map<String, String> data = (Map<String, String>) configMap.get("data");

        QueueConfig config = QueueConfigParser.parse(data.get("queues.yaml"));

        assertThat((Map<String, Object>) configMap.get("metadata")).as(file)
                .containsEntry("name", "stook-queues").containsEntry("namespace", "stook-system");
        assertThat(config.queue("default")).isNotNull();
    }
}
