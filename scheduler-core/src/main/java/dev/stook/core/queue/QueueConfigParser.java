package dev.stook.core.queue;

import dev.stook.core.model.InputText;
import dev.stook.core.model.Resources;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code queues.yaml} strictly: every problem is reported with its line, and nothing is half
 * applied. Unknown keys, wrong types, bad quantities, non-positive weights, guarantees above the cap or
 * above the parent's guarantee, duplicate names, and placement rules naming missing or inner queues are
 * all errors.
 */
public final class QueueConfigParser {
    public static final int MAX_BYTES = 1 << 20;
    private static final int MAX_DEPTH = 16;
    private static final int MAX_REPORTED_ERRORS = 20;
    private static final int MAX_YAML_PROBLEM = 200;
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Set<String> TOP_KEYS = Set.of("queues", "placement");
    private static final Set<String> QUEUE_KEYS =
            Set.of("name", "weight", "guaranteed", "max", "policy", "submitters", "children");
    private static final Set<String> SUBMITTER_KEYS = Set.of("namespaces", "namespaceSelector");
    private static final Set<String> SELECTOR_KEYS = Set.of("matchLabels", "matchExpressions");
    private static final Set<String> REQUIREMENT_KEYS = Set.of("key", "operator", "values");
    private static final Pattern LABEL_NAME = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");
    private static final Pattern LABEL_PREFIX =
            Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*");
    private static final Set<String> RULE_KEYS = Set.of("namespace", "queue");

    private final List<String> errors = new ArrayList<>();

    private QueueConfigParser() {}

    public static QueueConfig parse(String yaml) {
        return new QueueConfigParser().read(yaml);
    }

    private QueueConfig read(String yaml) {
        if (yaml.length() > MAX_BYTES) {
            throw new QueueConfigException(List.of("the config is larger than " + MAX_BYTES + " bytes"));
        }
        Node root = compose(yaml);
        Map<String, Node> top = mapping(root, TOP_KEYS, "the config");
        List<QueueDefinition> queues = new ArrayList<>();
        Node queuesNode = top.get("queues");
        if (queuesNode == null) {
            error(root, "missing \"queues\": list at least one queue");
        } else {
            queues = queueList(queuesNode, "", null, null, 1);
            if (queues.isEmpty() && errors.isEmpty()) {
                error(queuesNode, "\"queues\" is empty: list at least one queue");
            }
        }
        QueueConfig config = new QueueConfig(queues, List.of());
        List<PlacementRule> rules = top.containsKey("placement") ? placement(top.get("placement"), config) : List.of();
        if (!errors.isEmpty()) {
            throw new QueueConfigException(reported());
        }
        return new QueueConfig(queues, rules);
    }

    private Node compose(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(60);
        options.setCodePointLimit(MAX_BYTES);
        try {
            Yaml parser = new Yaml(new SafeConstructor(options));
            refuseAliases(parser, yaml);
            Node root = parser.compose(new StringReader(yaml));
            if (root == null) {
                throw new QueueConfigException(List.of("line 1: the config is empty"));
            }
            return root;
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 1;
            throw new QueueConfigException(List.of("line " + line + ": not valid YAML: " + yamlProblem(e.getProblem())));
        } catch (ReaderException e) {
            int line = 1 + (int) yaml.chars().limit(e.getPosition()).filter(c -> c == '\n').count();
            throw new QueueConfigException(List.of("line " + line + ": not valid YAML: " + yamlProblem(e.getMessage())));
        } catch (YAMLException e) {
            throw new QueueConfigException(List.of("the config is not valid YAML: " + yamlProblem(e.getMessage())));
        }
    }

    /**
     * An alias repeats a whole subtree, so a few lines of aliases to aliases could stand for thousands of
     * queues; a queue config has no need for them.
     */
    private static void refuseAliases(Yaml parser, String yaml) {
        for (Event event : parser.parse(new StringReader(yaml))) {
            if (event instanceof AliasEvent alias) {
                throw new QueueConfigException(List.of("line " + (alias.getStartMark().getLine() + 1)
                        + ": YAML aliases (*" + InputText.escape(alias.getAnchor(), MAX_YAML_PROBLEM)
                        + ") are not allowed in the queue config; write each queue out"));
            }
        }
    }

    private static String yamlProblem(String problem) {
        return InputText.escape(String.valueOf(problem), MAX_YAML_PROBLEM);
    }

    /** The first problems, and how many more: a config broken everywhere must not make a megabyte message. */
    private List<String> reported() {
        if (errors.size() <= MAX_REPORTED_ERRORS) {
            return errors;
        }
        List<String> first = new ArrayList<>(errors.subList(0, MAX_REPORTED_ERRORS));
        first.add("the config has " + (errors.size() - MAX_REPORTED_ERRORS) + " more problems");
        return first;
    }

    private List<QueueDefinition> queueList(Node node, String parentPath, QueueDefinitionContext parent,
                                            QueuePolicy inherited, int depth) {
        List<QueueDefinition> queues = new ArrayList<>();
        if (!(node instanceof SequenceNode sequence)) {
            error(node, "expected a list of queues");
            return queues;
        }
        if (depth > MAX_DEPTH) {
            error(node, "queues nested deeper than " + MAX_DEPTH + " levels");
            return queues;
        }
        Set<String> names = new HashSet<>();
        for (Node item : sequence.getValue()) {
            QueueDefinition queue = queue(item, parentPath, inherited, depth);
            if (queue == null) {
                continue;
            }
            if (!names.add(queue.name())) {
                error(item, "duplicate queue name \"" + queue.name() + "\" under "
                        + (parentPath.isEmpty() ? "the top level" : parentPath));
                continue;
            }
            queues.add(queue);
        }
        if (parent != null) {
            checkChildGuarantees(parent, queues);
        }
        return queues;
    }

    private record QueueDefinitionContext(Node node, String path, Resources guaranteed) {}

    private QueueDefinition queue(Node node, String parentPath, QueuePolicy inherited, int depth) {
        Map<String, Node> fields = mapping(node, QUEUE_KEYS, "a queue");
        Node nameNode = fields.get("name");
        String name = nameNode == null ? null : scalar(nameNode, "name");
        if (name == null) {
            if (nameNode == null) {
                error(node, "queue without a \"name\"");
            }
            return null;
        }
        if (!NAME.matcher(name).matches()) {
            error(nameNode, "invalid queue name " + InputText.quote(name)
                    + ": use 1 to 63 lowercase letters, digits and '-', starting and ending with a letter or digit");
            return null;
        }
        String path = parentPath.isEmpty() ? name : parentPath + "." + name;
        double weight = fields.containsKey("weight") ? weight(fields.get("weight"), path) : 1;
        Resources guaranteed = fields.containsKey("guaranteed")
                ? resources(fields.get("guaranteed"), path + ".guaranteed", new ArrayList<>()) : Resources.NONE;
        List<String> capped = new ArrayList<>();
        ResourceCap max = fields.containsKey("max")
                ? ResourceCap.on(resources(fields.get("max"), path + ".max", capped), capped)
                : ResourceCap.NONE;
        if (!max.allows(guaranteed)) {
            error(fields.get("max"), "queue " + path + ": guaranteed " + guaranteed.toQuantities()
                    + " exceeds its max " + max);
        }
        QueuePolicy policy = inherited == null ? QueuePolicy.PRIORITY : inherited;
        if (fields.containsKey("policy")) {
            String text = scalar(fields.get("policy"), "policy");
            try {
                policy = text == null ? policy : QueuePolicy.parse(text);
            } catch (IllegalArgumentException e) {
                error(fields.get("policy"), "queue " + path + ": " + e.getMessage());
            }
        }
        Submitters submitters = fields.containsKey("submitters") ? submitters(fields.get("submitters"), path)
                : Submitters.UNSET;
        List<QueueDefinition> children = fields.containsKey("children")
                ? queueList(fields.get("children"), path, new QueueDefinitionContext(node, path, guaranteed), policy, depth + 1)
                : List.of();
        return new QueueDefinition(path, name, weight, guaranteed, max, policy, submitters, children);
    }

    private void checkChildGuarantees(QueueDefinitionContext parent, List<QueueDefinition> children) {
        Resources sum = Resources.NONE;
        for (QueueDefinition child : children) {
            sum = sum.plus(child.guaranteed());
        }
        if (!sum.fitsWithin(parent.guaranteed())) {
            error(parent.node(), "queue " + parent.path() + ": its children guarantee " + sum.toQuantities()
                    + ", more than its own guarantee " + parent.guaranteed().toQuantities());
        }
    }

    private double weight(Node node, String path) {
        String text = scalar(node, "weight");
        if (text == null) {
            return 1;
        }
        try {
            double weight = Double.parseDouble(text);
            if (weight > 0 && weight <= 1_000_000) {
                return weight;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        error(node, "queue " + path + ": weight " + InputText.quote(text)
                + " must be a number above 0 and at most 1000000");
        return 1;
    }

    /** Reads a map of quantities; adds each resource name read to {@code named}. */
    private Resources resources(Node node, String where, List<String> named) {
        if (!(node instanceof MappingNode map)) {
            error(node, where + ": expected a map of resource quantities such as {cpu: \"10\", memory: 40Gi}");
            return Resources.NONE;
        }
        Resources.Builder builder = Resources.registeringBuilder();
        for (NodeTuple tuple : map.getValue()) {
            String resource = scalar(tuple.getKeyNode(), "resource name");
            String quantity = scalar(tuple.getValueNode(), "quantity");
            if (resource == null || quantity == null) {
                continue;
            }
            try {
                builder.set(resource, quantity);
                named.add(resource);
            } catch (IllegalArgumentException e) {
                if (e.getMessage().startsWith("invalid resource name")) {
                    error(tuple.getKeyNode(), where + ": " + e.getMessage());
                    continue;
                }
                error(tuple.getValueNode(), where + ": " + e.getMessage());
            }
        }
        return builder.build();
    }

    private Submitters submitters(Node node, String path) {
        Map<String, Node> fields = mapping(node, SUBMITTER_KEYS, "submitters");
        List<NamespaceGlob> globs = new ArrayList<>();
        Node namespaces = fields.get("namespaces");
        if (namespaces instanceof SequenceNode list) {
            for (Node item : list.getValue()) {
                NamespaceGlob glob = glob(item);
                if (glob != null) {
                    globs.add(glob);
                }
            }
        } else if (namespaces != null) {
            error(namespaces, "queue " + path + ": submitters.namespaces must be a list of namespace patterns");
        }
        NamespaceSelector selector = fields.containsKey("namespaceSelector")
                ? namespaceSelector(fields.get("namespaceSelector"), path) : null;
        boolean namesNobody = selector == null
                && (namespaces == null || namespaces instanceof SequenceNode patterns && patterns.getValue().isEmpty());
        if (namesNobody) {
            error(node, "queue " + path + ": submitters names nobody; list namespaces or a namespaceSelector,"
                    + " or leave submitters out to allow whoever the parent allows");
        }
        return new Submitters(globs, selector);
    }

    private NamespaceSelector namespaceSelector(Node node, String path) {
        String where = "queue " + path + ": submitters.namespaceSelector";
        Map<String, Node> fields = mapping(node, SELECTOR_KEYS, "a namespaceSelector");
        Map<String, String> matchLabels = new LinkedHashMap<>();
        Node labels = fields.get("matchLabels");
        if (labels instanceof MappingNode map) {
            for (NodeTuple tuple : map.getValue()) {
                String key = labelKey(tuple.getKeyNode(), where);
                String value = labelValue(tuple.getValueNode(), where);
                if (key != null && value != null) {
                    matchLabels.put(key, value);
                }
            }
        } else if (labels != null) {
            error(labels, where + ".matchLabels must be a map of label keys to values");
        }
        List<LabelRequirement> requirements = new ArrayList<>();
        Node expressions = fields.get("matchExpressions");
        if (expressions instanceof SequenceNode list) {
            for (Node item : list.getValue()) {
                LabelRequirement requirement = requirement(item, where);
                if (requirement != null) {
                    requirements.add(requirement);
                }
            }
        } else if (expressions != null) {
            error(expressions, where + ".matchExpressions must be a list such as"
                    + " [{key: team, operator: In, values: [ml]}]");
        }
        return new NamespaceSelector(matchLabels, requirements);
    }

    private LabelRequirement requirement(Node node, String where) {
        Map<String, Node> fields = mapping(node, REQUIREMENT_KEYS, "a matchExpressions entry");
        if (!fields.containsKey("key") || !fields.containsKey("operator")) {
            error(node, where + ": each matchExpressions entry needs a key and an operator");
            return null;
        }
        String key = labelKey(fields.get("key"), where);
        String operatorText = scalar(fields.get("operator"), "operator");
        LabelRequirement.Operator operator = null;
        for (LabelRequirement.Operator candidate : LabelRequirement.Operator.values()) {
            if (candidate.name().equals(operatorText)) {
                operator = candidate;
            }
        }
        if (operator == null) {
            if (operatorText != null) {
                error(fields.get("operator"), where + ": unknown operator " + InputText.quote(operatorText)
                        + "; use In, NotIn, Exists or DoesNotExist");
            }
            return null;
        }
        List<String> values = new ArrayList<>();
        Node valuesNode = fields.get("values");
        if (valuesNode instanceof SequenceNode list) {
            for (Node item : list.getValue()) {
                String value = labelValue(item, where);
                if (value != null) {
                    values.add(value);
                }
            }
        } else if (valuesNode != null) {
            error(valuesNode, where + ": values must be a list of label values");
        }
        boolean needsValues = operator == LabelRequirement.Operator.In || operator == LabelRequirement.Operator.NotIn;
        if (needsValues && values.isEmpty()) {
            error(node, where + ": operator " + operator + " needs at least one value");
            return null;
        }
        if (!needsValues && valuesNode != null) {
            error(valuesNode, where + ": operator " + operator + " takes no values");
            return null;
        }
        return key == null ? null : new LabelRequirement(key, operator, values);
    }

    /** A label key as Kubernetes takes it: an optional DNS-subdomain prefix and '/', then a name. */
    private String labelKey(Node node, String where) {
        String key = scalar(node, "label key");
        if (key == null) {
            return null;
        }
        int slash = key.indexOf('/');
        String prefix = slash < 0 ? null : key.substring(0, slash);
        String name = slash < 0 ? key : key.substring(slash + 1);
        boolean validPrefix = prefix == null || prefix.length() <= 253 && LABEL_PREFIX.matcher(prefix).matches();
        if (!validPrefix || !LABEL_NAME.matcher(name).matches()) {
            error(node, where + ": invalid label key " + InputText.quote(key));
            return null;
        }
        return key;
    }

    private String labelValue(Node node, String where) {
        String value = node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL) ? "" : scalar(node, "label value");
        if (value == null) {
            return null;
        }
        if (!value.isEmpty() && !LABEL_NAME.matcher(value).matches()) {
            error(node, where + ": invalid label value " + InputText.quote(value));
            return null;
        }
        return value;
    }

    private List<PlacementRule> placement(Node node, QueueConfig config) {
        List<PlacementRule> rules = new ArrayList<>();
        if (!(node instanceof SequenceNode sequence)) {
            error(node, "\"placement\" must be a list of rules such as {namespace: \"ml-*\", queue: research.nlp}");
            return rules;
        }
        for (Node item : sequence.getValue()) {
            Map<String, Node> fields = mapping(item, RULE_KEYS, "a placement rule");
            NamespaceGlob namespace = fields.containsKey("namespace") ? glob(fields.get("namespace")) : null;
            Node queueNode = fields.get("queue");
            String queue = queueNode == null ? null : scalar(queueNode, "queue");
            if (queueNode == null) {
                error(item, "placement rule without a \"queue\"");
            } else if (queue != null && config.queue(queue) == null) {
                error(queueNode, "placement rule names unknown queue " + InputText.quote(queue));
            } else if (queue != null && !config.queue(queue).isLeaf()) {
                error(queueNode, "placement rule names \"" + queue + "\", which has children: pods go to leaf queues");
            } else if (queue != null) {
                rules.add(new PlacementRule(namespace, queue));
            }
        }
        return rules;
    }

    private NamespaceGlob glob(Node node) {
        String text = scalar(node, "namespace pattern");
        if (text == null) {
            return null;
        }
        try {
            return new NamespaceGlob(text);
        } catch (IllegalArgumentException e) {
            error(node, e.getMessage());
            return null;
        }
    }

    private Map<String, Node> mapping(Node node, Set<String> allowed, String what) {
        Map<String, Node> fields = new LinkedHashMap<>();
        if (!(node instanceof MappingNode map)) {
            error(node, "expected " + what + " as a map with keys " + new java.util.TreeSet<>(allowed));
            return fields;
        }
        for (NodeTuple tuple : map.getValue()) {
            String key = scalar(tuple.getKeyNode(), "key");
            if (key == null) {
                continue;
            }
            if (fields.containsKey(key)) {
                error(tuple.getKeyNode(), "duplicate key " + InputText.quote(key) + " in " + what);
                continue;
            }
            if (!allowed.contains(key)) {
                error(tuple.getKeyNode(), "unknown key " + InputText.quote(key) + " in " + what
                        + "; allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)));
                continue;
            }
            fields.put(key, tuple.getValueNode());
        }
        return fields;
    }

    private String scalar(Node node, String what) {
        if (node instanceof ScalarNode scalar && !scalar.getTag().equals(Tag.NULL)) {
            return scalar.getValue();
        }
        error(node, "expected a single value for " + what);
        return null;
    }

    private void error(Node node, String message) {
        errors.add("line " + (node.getStartMark().getLine() + 1) + ": " + message);
    }
}
