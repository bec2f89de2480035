package dev.stook.sim;

import dev.stook.core.queue.QueueConfig;
import dev.stook.core.queue.QueueConfigException;
import dev.stook.core.queue.QueueConfigParser;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.io.StringReader;

/**
 * Reads a scenario's {@code queues:} section, written exactly like a {@code queues.yaml} ConfigMap, with
 * Stook's own {@link QueueConfigParser}. The parser is handed the section's text where it stands, with
 * everything around it blanked out, so the line numbers in its errors are the scenario file's.
 */
final class ScenarioQueues {
    static final String KEY = "queues";

    private ScenarioQueues() {}

    /** The queue config in the scenario text, which must be valid YAML with a top-level {@code queues} key. */
    static QueueConfig parse(String scenarioText) {
        Node section = section(scenarioText);
        try {
            return QueueConfigParser.parse(inPlace(scenarioText, section.getStartMark(), section.getEndMark()));
        } catch (QueueConfigException e) {
            throw new ScenarioException(KEY, String.join("; ", e.errors()));
        }
    }

    private static Node section(String scenarioText) {
        Node root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(scenarioText));
        for (NodeTuple tuple : ((MappingNode) root).getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals(KEY)) {
                return tuple.getValueNode();
            }
        }
        throw new IllegalArgumentException("the scenario has no " + KEY + " section");
    }

    /** The text between the marks, at its original lines and columns, with blanks everywhere else. */
    static String inPlace(String text, Mark start, Mark end) {
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder("\n".repeat(start.getLine()));
        for (int i = start.getLine(); i <= end.getLine() && i < lines.length; i++) {
            String line = lines[i];
            int length = line.codePointCount(0, line.length());
            int from = i == start.getLine() ? Math.min(start.getColumn(), length) : 0;
            int to = i == end.getLine() ? Math.min(end.getColumn(), length) : length;
            out.append(" ".repeat(from));
            if (to > from) {
                out.append(line, line.offsetByCodePoints(0, from), line.offsetByCodePoints(0, to));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
