package dev.stook.k8s.config;

import dev.stook.core.model.InputText;
import dev.stook.core.plugins.DefaultSpreadConstraints;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Reads {@code defaultSpreadConstraints}: {@code system} (kube-scheduler's built-in defaults), {@code none},
 * or a list of {@code {maxSkew, topologyKey}} entries, as kube-scheduler's {@code defaultingType: List}.
 * Defaults only score nodes, so an entry may say {@code whenUnsatisfiable: ScheduleAnyway} and nothing else.
 */
final class DefaultSpreadReader {
    private static final String KEY = "defaultSpreadConstraints";
    private static final String EXPECTED = KEY + ": expected system, none or a list of"
            + " {maxSkew: 3, topologyKey: kubernetes.io/hostname}";
    private static final int MAX_SKEW = 10_000;

    private DefaultSpreadReader() {
    }

    static DefaultSpreadConstraints read(Node node, BiFunction<Node, String, ConfigException> error) {
        if (node instanceof ScalarNode scalar) {
            return switch (scalar.getValue()) {
                case "system" -> DefaultSpreadConstraints.SYSTEM;
                case "none" -> DefaultSpreadConstraints.NONE;
                default -> throw error.apply(node, EXPECTED);
            };
        }
        if (!(node instanceof SequenceNode list)) {
            throw error.apply(node, EXPECTED);
        }
        List<DefaultSpreadConstraints.Template> templates = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (Node item : list.getValue()) {
            DefaultSpreadConstraints.Template template = template(item, error);
            if (!keys.add(template.topologyKey())) {
                throw error.apply(item, KEY + ": topologyKey " + InputText.quote(template.topologyKey())
                        + " is given twice");
            }
            templates.add(template);
        }
        return new DefaultSpreadConstraints(templates, false);
    }

    private static DefaultSpreadConstraints.Template template(Node item,
                                                               BiFunction<Node, String, ConfigException> error) {
        if (!(item instanceof MappingNode mapping)) {
            throw error.apply(item, EXPECTED);
        }
        Integer maxSkew = null;
        String topologyKey = null;
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)
                    || !(tuple.getValueNode() instanceof ScalarNode value)) {
                throw error.apply(tuple.getKeyNode(), EXPECTED);
            }
            String field = keyNode.getValue();
            switch (field) {
                case "maxSkew" -> {
                    if (!value.getValue().matches("[0-9]{1,5}") || Integer.parseInt(value.getValue()) < 1
                            || Integer.parseInt(value.getValue()) > MAX_SKEW) {
                        throw error.apply(value, KEY + ".maxSkew: expected a whole number from 1 to " + MAX_SKEW);
                    }
                    maxSkew = Integer.parseInt(value.getValue());
                }
                case "topologyKey" -> topologyKey = value.getValue();
                case "whenUnsatisfiable" -> {
                    if (!value.getValue().equals("ScheduleAnyway")) {
                        throw error.apply(value, KEY + ".whenUnsatisfiable: only ScheduleAnyway; default constraints"
                                + " score nodes and never filter them");
                    }
                }
                default -> throw error.apply(keyNode, KEY + ": unknown key " + InputText.quote(field)
                        + "; an entry has maxSkew, topologyKey and optionally whenUnsatisfiable: ScheduleAnyway");
            }
        }
        if (maxSkew == null || topologyKey == null || topologyKey.isEmpty()) {
            throw error.apply(item, KEY + ": each entry needs maxSkew and topologyKey");
        }
        return new DefaultSpreadConstraints.Template(maxSkew, topologyKey);
    }
}
