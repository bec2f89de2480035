package dev.stook.k8s.config;

import dev.stook.core.queue.QueueConfig;
import dev.stook.core.queue.QueueConfigParser;
import dev.stook.core.queue.QueueDefinition;
import dev.stook.core.queue.Submitters;
import dev.stook.core.queue.NamespaceSelector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The queue configs shipped in deploy/ and config/ pass Stook's own strict validation, and are closed. */
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

    @SuppressWarnings("unchecked")
    @ParameterizedTest
    @ValueSource(strings = {"../deploy/scheduler/queues-configmap.yaml", "../deploy/examples/queues-two-teams.yaml",
            "../config/queues.yaml"})
    void everyShippedQueueNamesWhoMaySubmit(String file) throws IOException {
        Map<String, Object> document = new Yaml().load(Files.readString(Path.of(file)));
        String yaml = document.containsKey("data")
                ? ((Map<String, String>) document.get("data")).get("queues.yaml") : Files.readString(Path.of(file));

        QueueConfig config = QueueConfigParser.parse(yaml);

        for (QueueDefinition leaf : config.all().stream().filter(QueueDefinition::isLeaf).toList()) {
            Submitters submitters = effectiveSubmitters(config, leaf.path());
            assertThat(submitters.isUnset()).as(file + ": queue " + leaf.path() + " is open to everyone").isFalse();
            assertThat(submitters.namespaces()).as(file + ": queue " + leaf.path())
                    .noneMatch(glob -> glob.pattern().equals("*"));
            assertThat(submitters.namespaceSelector()).as(file + ": queue " + leaf.path() + " selects every namespace")
                    .isNotEqualTo(new NamespaceSelector(Map.of(), List.of()));
        }
    }

    private static Submitters effectiveSubmitters(QueueConfig config, String path) {
        for (String current = path; current != null; current = QueueConfig.parentOf(current)) {
            if (!config.queue(current).submitters().isUnset()) {
                return config.queue(current).submitters();
            }
        }
        return Submitters.UNSET;
    }
}
