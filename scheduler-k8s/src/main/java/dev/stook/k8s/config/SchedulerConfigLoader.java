package dev.stook.k8s.config;

import dev.stook.core.cycle.SchedulerSettings;
import dev.stook.core.locality.ChunkIndexSettings;
import dev.stook.core.model.Durations;
import dev.stook.core.model.InputText;
import dev.stook.core.plugins.PluginProfile;
import dev.stook.k8s.logging.LogFormat;
import dev.stook.k8s.logging.LogLevels;
import dev.stook.k8s.logging.LogSettings;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the scheduler config file strictly: unknown keys, wrong types and out-of-range values are errors
 * naming the file and line. Keys left out keep the defaults of {@link SchedulerConfig#DEFAULTS}.
 */
public final class SchedulerConfigLoader {
    static final List<String> KEYS = List.of("schedulerName", "namespace", "queueConfigMap", "leaseName",
            "healthPort", "scoreWeights", "starvationTimeout", "gangSettleTime", "gangAdmission", "sparkHoldTimeout", "localityWait",
            "localityThreshold", "learnedLocalityTtl", "learnedLocalityMaxRanges", "bindConcurrency",
            "requestTimeout", "bindBackoffInitial", "bindBackoffMax", "bindConfirmTimeout", "volumeBindTimeout",
            "podGroupCrdCheckInterval", "evictConcurrency",
            "evictAttempts", "leaseDuration", "renewDeadline", "retryPeriod", "shutdownTimeout", "eventsPerSecond",
            "eventBurst", "eventInterval", "logFormat", "logLevel", "tlsCertFile", "tlsPrivateKeyFile",
            "defaultSpreadConstraints");
    /** Catches a slipped digit: a billion learned ranges would outgrow any heap Stook runs with. */
    private static final long MAX_LEARNED_RANGES = 1_000_000_000;
    /** Paths are shown whole in errors up to this length: their end is usually the part that is wrong. */
    private static final int MAX_PATH_SHOWN = 300;

    private final String source;
    private final Map<String, ScalarNode> scalars = new LinkedHashMap<>();
    private MappingNode weights;
    private Node defaultSpread;

    private SchedulerConfigLoader(String source) {
        this.source = source;
    }

    public static SchedulerConfig load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(file + " does not exist or is not a file");
        }
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage());
        }
    }

    public static SchedulerConfig parse(String yaml, String source) {
        return new SchedulerConfigLoader(source).read(yaml);
    }

    private SchedulerConfig read(String yaml) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            throw new ConfigException(source + ":" + line + ": not valid YAML: " + InputText.escape(String.valueOf(e.getProblem()), 200));
        } catch (YAMLException e) {
            throw new ConfigException(source + ": not valid YAML: " + InputText.escape(String.valueOf(e.getMessage()), 200));
        }
        if (root == null) {
            return SchedulerConfig.DEFAULTS;
        }
        if (!(root instanceof MappingNode mapping)) {
            throw error(root, "expected a mapping of settings");
        }
        Set<String> seen = new HashSet<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = keyOf(tuple.getKeyNode());
            if (!KEYS.contains(key)) {
                // Too many keys to list in one line; the shipped file documents each of them.
                throw error(tuple.getKeyNode(), "unknown key " + InputText.quote(key)
                        + "; config/scheduler.yaml lists every key with its default");
            }
            if (!seen.add(key)) {
                throw error(tuple.getKeyNode(), "\"" + key + "\" is given twice");
            }
            if (key.equals("scoreWeights")) {
                if (!(tuple.getValueNode() instanceof MappingNode map)) {
                    throw error(tuple.getValueNode(), "scoreWeights: expected a mapping of scorer name to weight");
                }
                weights = map;
            } else if (key.equals("defaultSpreadConstraints")) {
                defaultSpread = tuple.getValueNode();
            } else if (tuple.getValueNode() instanceof ScalarNode scalar) {
                scalars.put(key, scalar);
            } else {
                throw error(tuple.getValueNode(), key + ": expected a single value");
            }
        }
        if (scalars.containsKey("tlsCertFile") != scalars.containsKey("tlsPrivateKeyFile")) {
            throw error(scalars.getOrDefault("tlsCertFile", scalars.get("tlsPrivateKeyFile")),
                    "tlsCertFile and tlsPrivateKeyFile go together: set both, or neither for a self-signed certificate");
        }
        SchedulerConfig d = SchedulerConfig.DEFAULTS;
        SchedulerConfig config = new SchedulerConfig(
                name("schedulerName", d.schedulerName()),
                scalars.containsKey("namespace") ? name("namespace", null) : d.namespace(),
                name("queueConfigMap", d.queueConfigMap()),
                name("leaseName", d.leaseName()),
                integer("healthPort", d.healthPort(), 0, 65_535),
                scoreWeights(),
                engine(d.engine()),
                learnedLocality(d.learnedLocality()),
                integer("bindConcurrency", d.bindConcurrency(), 1, 256),
                duration("requestTimeout", d.requestTimeoutMillis(), 1),
                duration("bindBackoffInitial", d.bindBackoffInitialMillis(), 1),
                duration("bindBackoffMax", d.bindBackoffMaxMillis(), 1),
                duration("bindConfirmTimeout", d.bindConfirmTimeoutMillis(), 1),
                duration("volumeBindTimeout", d.volumeBindTimeoutMillis(), 1),
                duration("podGroupCrdCheckInterval", d.podGroupCrdCheckMillis(), 1),
                integer("evictConcurrency", d.evictConcurrency(), 1, 64),
                integer("evictAttempts", d.evictAttempts(), 1, 100),
                duration("leaseDuration", d.leaseDurationMillis(), 1),
                duration("renewDeadline", d.renewDeadlineMillis(), 1),
                duration("retryPeriod", d.retryPeriodMillis(), 1),
                duration("shutdownTimeout", d.shutdownTimeoutMillis(), 0),
                number("eventsPerSecond", d.eventsPerSecond()),
                integer("eventBurst", d.eventBurst(), 1, 10_000),
                duration("eventInterval", d.eventPerObjectIntervalMillis(), 0),
                new LogSettings(value("logFormat", d.logging().format(), LogFormat::parse),
                        value("logLevel", d.logging().levels(), LogLevels::parse)),
                readableFile("tlsCertFile"),
                readableFile("tlsPrivateKeyFile"),
                defaultSpread == null ? d.defaultSpread() : DefaultSpreadReader.read(defaultSpread, this::error));
        if (config.bindBackoffMaxMillis() < config.bindBackoffInitialMillis()) {
            throw error(scalars.getOrDefault("bindBackoffMax", scalars.get("bindBackoffInitial")),
                    "bindBackoffMax must not be shorter than bindBackoffInitial");
        }
        if (!(config.leaseDurationMillis() > config.renewDeadlineMillis()
                && config.renewDeadlineMillis() > config.retryPeriodMillis())) {
            throw new ConfigException(source + ": leader election needs leaseDuration > renewDeadline > retryPeriod");
        }
        return config;
    }

    private SchedulerSettings engine(SchedulerSettings d) {
        return new SchedulerSettings(
                bool("gangAdmission", d.gangAdmission()),
                duration("starvationTimeout", d.starvationMillis(), 1),
                duration("gangSettleTime", d.gangSettleMillis(), 0),
                duration("localityWait", d.localityWaitMillis(), 0),
                fraction("localityThreshold", d.localityThreshold()),
                duration("sparkHoldTimeout", d.sparkHoldMillis(), 1));
    }

    private ChunkIndexSettings learnedLocality(ChunkIndexSettings d) {
        return new ChunkIndexSettings(
                duration("learnedLocalityTtl", d.learnedTtlMillis(), 1),
                whole("learnedLocalityMaxRanges", d.learnedMaxRanges(), 1, MAX_LEARNED_RANGES));
    }

    private String name(String key, String fallback) {
        return value(key, fallback, text -> {
            if (!text.matches("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?")) {
                throw new IllegalArgumentException(InputText.quote(text) + " is not a valid Kubernetes name");
            }
            return text;
        });
    }

    private Path readableFile(String key) {
        return value(key, null, text -> {
            Path file = Path.of(text);
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new IllegalArgumentException("\"" + InputText.escape(text, MAX_PATH_SHOWN) + "\" is not a readable file");
            }
            return file;
        });
    }

    private int integer(String key, int fallback, int min, int max) {
        return (int) whole(key, fallback, min, max);
    }

    private long whole(String key, long fallback, long min, long max) {
        return value(key, fallback, text -> {
            long value;
            try {
                value = Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(InputText.quote(text) + " is not an integer");
            }
            if (value < min || value > max) {
                throw new IllegalArgumentException(value + " is outside " + min + ".." + max);
            }
            return value;
        });
    }

    private double number(String key, double fallback) {
        return value(key, fallback, text -> {
            double value;
            try {
                value = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(InputText.quote(text) + " is not a number");
            }
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("must be a positive number");
            }
            return value;
        });
    }

    private double fraction(String key, double fallback) {
        return value(key, fallback, text -> {
            if (!text.matches("[0-9]*\\.?[0-9]+") || Double.parseDouble(text) > 1) {
                throw new IllegalArgumentException(InputText.quote(text) + " is not a number from 0 to 1");
            }
            return Double.parseDouble(text);
        });
    }

    private boolean bool(String key, boolean fallback) {
        return value(key, fallback, text -> switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(InputText.quote(text) + " is not true or false");
        });
    }

    private long duration(String key, long fallback, long minMillis) {
        return value(key, fallback, text -> {
            long millis = Durations.parseMillis(text);
            if (millis < minMillis) {
                throw new IllegalArgumentException("must be at least " + Durations.format(minMillis));
            }
            return millis;
        });
    }

    private <T> T value(String key, T fallback, Function<String, T> parser) {
        ScalarNode node = scalars.get(key);
        if (node == null) {
            return fallback;
        }
        try {
            return parser.apply(node.getValue());
        } catch (IllegalArgumentException e) {
            throw error(node, key + ": " + e.getMessage());
        }
    }

    private Map<String, Integer> scoreWeights() {
        if (weights == null) {
            return SchedulerConfig.DEFAULTS.scoreWeights();
        }
        Map<String, Integer> result = new LinkedHashMap<>();
        for (NodeTuple tuple : weights.getValue()) {
            String name = keyOf(tuple.getKeyNode());
            if (!(tuple.getValueNode() instanceof ScalarNode scalar) || !scalar.getValue().matches("[0-9]{1,4}")) {
                throw error(tuple.getValueNode(), "scoreWeights." + InputText.quote(name) + ": expected a whole number from 0 to 9999");
            }
            result.put(name, Integer.parseInt(scalar.getValue()));
        }
        try {
            PluginProfile.standard(result);
        } catch (IllegalArgumentException e) {
            throw error(weights, "scoreWeights: " + e.getMessage());
        }
        return result;
    }

    private String keyOf(Node node) {
        if (!(node instanceof ScalarNode scalar)) {
            throw error(node, "keys must be plain names");
        }
        return scalar.getValue();
    }

    private ConfigException error(Node node, String message) {
        return new ConfigException(source + ":" + (node.getStartMark().getLine() + 1) + ": " + message);
    }
}
